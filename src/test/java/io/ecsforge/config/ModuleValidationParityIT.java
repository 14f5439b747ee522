package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader refuses in the keys a module takes ({@link BadConfigs}), the module refuses too:
 * a root configuration calling the module, as checked in under {@code modules/}, with the bad value fails {@code terraform plan} and
 * {@code tofu plan} with the variable's message, which is the loader's own words after the field
 * path, or, where the module must name its variables instead of YAML keys, the words in
 * {@link #IN_MODULE_WORDS}. Every case about those keys is run or named in {@link #NOT_A_VALUE},
 * so a new case cannot be left out unnoticed.
 *
 * <p>The plans run against no AWS: the provider is given dummy keys and sends every request
 * through a proxy on a closed local port, so its lookups fail at once; a failed validation is
 * reported beside them. (Not an {@code endpoints} block, with which the provider spends about
 * twice the CPU configuring itself, for each of some two hundred plans.)
 */
class ModuleValidationParityIT {
    /** Cases the module words differently, since its names are variables, or since Terraform cannot suggest a spelling. */
    static final Map<String, String> IN_MODULE_WORDS = merged(Map.of(
            "emptyAppIsRequired", "\"\" is not allowed; allowed: 2 to 21 lower-case letters, digits and single dashes,"
                    + " starting with a letter and not ending with a dash",
            "misspeltChoiceSuggestsTheNearest", "\"singel\" is not allowed; allowed: none, single, one-per-az",
            "vpcTooSmallForItsSubnetsIsRejected", "cidr: \"10.0.0.0/26\" is too small: its 4 subnets would be /30, smaller"
                    + " than AWS's smallest subnet (/28); allowed: a VPC of /24 or larger, or public_subnets and"
                    + " private_subnets listed yourself",
            "noNatWithoutEndpointsLeavesTasksNoWayToPullImages", "none needs vpc_endpoints = true, or tasks in the private"
                    + " subnets cannot reach ECR, CloudWatch Logs or their secrets; allowed: nat_gateways single or one-per-az,"
                    + " or vpc_endpoints = true",
            "subnetOutsideTheVpcIsRejected", "\"10.1.0.0/20\" is outside the VPC 10.0.0.0/16; allowed: a block inside cidr",
            "subnetsNotOnePerZoneAreRejected", "2 subnets given; allowed: 3, one per availability zone (az_count)",
            "canaryWindowShorterThanTwoAlarmPeriodsIsRejected", "1 minute(s) is shorter than 2 alarm periods (2 x 60 s ="
                    + " 120 s), so the alarms could not fire before traffic shifts; allowed: at least 2 minute(s), or lower"
                    + " period_seconds or evaluation_periods",
            "canaryWindowShorterThanTheEvaluatedPeriodsIsRejected", "4 minute(s) is shorter than 5 alarm periods (5 x 60 s ="
                    + " 300 s), so the alarms could not fire before traffic shifts; allowed: at least 5 minute(s), or lower"
                    + " period_seconds or evaluation_periods"),
            Map.of(
            "cpu256WithMemory4096IsNotAFargateSize", "4096 MiB does not pair with cpu 256 on Fargate; allowed memory for cpu"
                    + " 256: 512, 1024 or 2048",
            "cpu1024WithMemory1536IsNotAFargateSize", "1536 MiB does not pair with cpu 1024 on Fargate; allowed memory for cpu"
                    + " 1024: 2048 to 8192 in steps of 1024",
            "autoscalingMinAboveMaxIsRejected", "8 is greater than autoscaling_max (4); allowed: 1 to 4",
            "secretAlsoSetAsPlainValueIsRejected", "DB_PASSWORD is also set in environment_variables; allowed: a name in one"
                    + " of the two, as a plain value or as a secret"),
            Map.of(
            "egressRuleWithoutDestinationIsRefused", "has no destination; allowed: exactly one of cidr, prefix_list_id or"
                    + " security_group_id",
            "egressRuleWithTwoDestinationsIsRefused", "has 2 destinations (cidr, security_group_id); allowed: exactly one of"
                    + " cidr, prefix_list_id or security_group_id, a rule each",
            "egressRuleGivenTwiceIsRefused", "\"tcp_5432_10.0.0.0/16\" is given twice; allowed: each rule once"),
            Map.of(
            "dynamodbLockWithoutTableNeedsATable", "is required when state_lock is dynamodb; name the lock table (e.g."
                    + " webapp-tflock) or use state_lock = \"lockfile\"",
            "bothLocksWithoutTableNeedATable", "is required when state_lock is both; name the lock table (e.g."
                    + " webapp-tflock) or use state_lock = \"lockfile\"",
            "lockTableWithLockfileLockingIsRejected", "\"webapp-tflock\" is set but state_lock is lockfile, which uses no"
                    + " table; allowed: state_lock dynamodb or both, or no state_dynamodb_table",
            "accessLogsWithoutBucketNeedABucket", "\"alb\" is set but access_logs_bucket is empty, which means no access"
                    + " logs; allowed: a bucket in access_logs_bucket, or no access_logs_prefix",
            "pinnedZonesNotOneForEachZoneAreRejected", "2 zones given; allowed: 3, one for each zone of az_count",
            "wafValueNotAllowedIsRefused", "\"aws-managed-rules\" is not allowed; allowed: none, managed",
            "managedWafWithTheTeamsWebAclIsRefused", "\"arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0f1e2d3c\""
                    + " is set but waf is managed, which makes the module's own web ACL; allowed: one web ACL, waf managed"
                    + " without waf_web_acl_arn, or waf_web_acl_arn with waf none",
            "alarmsEvaluatedOverMoreThanADayAreRefused", "2 periods of 86400 s are 172800 s; CloudWatch evaluates an alarm"
                    + " over at most one day; allowed: evaluation_periods x period_seconds up to 86400 s"),
            // A module takes a key's ARN: the file's word state is looked up where the module is called.
            Map.of(
            "logKmsKeyThatIsNeitherStateNorAKeyArnIsRefused", "\"alias/webapp-dev-state\" is not allowed; allowed: a KMS key"
                    + " ARN, arn:aws:kms:<region>:<account>:key/<key id>",
            "flowLogKmsKeyGivenByItsAliasArnIsRefused", "\"arn:aws:kms:us-east-1:123456789012:alias/logs\" is not allowed;"
                    + " allowed: a KMS key ARN, arn:aws:kms:<region>:<account>:key/<key id>"));

    /** Cases not about a value a variable's validation can judge, and why. */
    static final Map<String, String> NOT_A_VALUE = Map.ofEntries(
            Map.entry("numberWhereStringMustBeQuoted", "42 for a string: Terraform turns it into \"42\", a valid repository"
                    + " name, as it turns a number into a string wherever one is wanted"),
            Map.entry("stringWhereNumberIsNotAWholeNumber", "\"two\" for a number: Terraform's type check refuses it, in its"
                    + " own words, before any validation"),
            Map.entry("mappingWhereStringIsNotASingleValue", "a mapping for a string: Terraform's type check refuses it, in"
                    + " its own words, before any validation"),
            Map.entry("listWhereMappingIsNotAMapping", "the section's shape: a module call has no section"),
            Map.entry("misspeltNestedKeySuggestsTheNearest", "a key, not a value: Terraform refuses an argument the module"
                    + " does not have"),
            Map.entry("unknownNestedKeyFarFromAnyListsTheKeys", "a key, not a value: Terraform refuses an argument the module"
                    + " does not have"),
            Map.entry("duplicateTopLevelKeyIsNamedWithItsLine", "YAML itself: an argument given twice is Terraform's own error"),
            Map.entry("missingAppIsRequired", "a missing key: Terraform refuses a call without a required argument, in its"
                    + " own words"),
            Map.entry("environmentNotMatchingTheFileNameIsRejected", "about the file's name: a module call has no file"),
            Map.entry("environmentNamedLikeCdktfsOwnFolderIsReserved", "about cdktf's output folder, where stacks are"
                    + " written and modules are not"),
            Map.entry("overlappingSubnetsAreRejected", "not checked by the module: the loader compares every pair of subnets,"
                    + " which the module's validations do not"),
            Map.entry("s3BackendWithoutBucketNeedsABucket", "a missing key: Terraform refuses a call without the required"
                    + " state_bucket, in its own words; the access module has no backend to choose"),
            Map.entry("secretAlsoSetAsPlainValueIsRejected", "about service.environment as well, which the access module"
                    + " does not take"),
            Map.entry("taskPolicyWithoutActionsOrResourcesIsRejected", "a statement without actions or resources:"
                    + " Terraform's type check refuses an object without the type's attributes, in its own words"),
            Map.entry("egressRuleWithoutPortIsRefused", "a rule without port: Terraform's type check refuses an object"
                    + " without the type's required attributes, in its own words"),
            Map.entry("everyProblemOfTheFileIsReportedOnePerLineInFileOrder", "several sections at once; its values are"
                    + " appNameWithCapitalsIsRejected's and azCountZeroIsOutOfRange's"),
            Map.entry("wordWhereBooleanIsNotABoolean", "\"maybe\" for a bool: Terraform's type check refuses it, in its own"
                    + " words, before any validation"),
            Map.entry("mappingWhereListIsNotAList", "a mapping for a list: Terraform's type check refuses it, in its own"
                    + " words, before any validation"),
            Map.entry("emptyOptionalArnIsRejectedNotTakenAsGiven", "certificate_arn = \"\" is the module's plain HTTP, since a"
                    + " module's variable is never null"),
            Map.entry("certificateFromAnotherRegionIsRejected", "the region is the caller's provider's, which a variable's"
                    + " validation cannot read"),
            Map.entry("webAclFromAnotherRegionIsRejected", "the region is the caller's provider's, which a variable's"
                    + " validation cannot read; WAF refuses the association at apply"),
            Map.entry("webAclOfAnotherAccountIsRejected", "the account is the caller's credentials', which a variable's"
                    + " validation cannot read; WAF refuses the association at apply"),
            Map.entry("pinnedZoneOfAnotherRegionIsRejected", "the region is the caller's provider's, which a variable's"
                    + " validation cannot read; the zones' lookup fails the plan with its postcondition instead"),
            Map.entry("logKmsKeyFromAnotherRegionIsRefused", "the region is the caller's provider's, which a variable's"
                    + " validation cannot read"),
            Map.entry("flowLogKmsKeyFromAnotherAccountIsRefused", "aws.accountId is the file's, which no module takes; the"
                    + " account is the caller's provider's"),
            Map.entry("taskPolicyLargerThanARolesInlinePoliciesMayBeIsRefused", "the size of the role's inline policies as IAM"
                    + " counts it, the rendered JSON of the task's statements and ecsforge's own, which a validation of the"
                    + " variable cannot compute; IAM refuses such a policy at apply"),
            Map.entry("testListenerCidrInsideTheVpcIsRefused", "about network.cidr as well, which the ecs-service module does"
                    + " not take: it is given the VPC's id; the private ranges are refused there as here"),
            Map.entry("fractionalEnvironmentValueMustBeQuoted", "1.10 for a string: Terraform turns the number 1.1 into"
                    + " \"1.1\", as it turns a number into a string wherever one is wanted"));

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

    @TempDir Path work;

    /**
     * A module as the test calls it.
     *
     * @param name its folder
     * @param judged the keys and sections whose cases it is held to
     * @param variables its variables
     * @param required the arguments every call gives, as Terraform literals, unless the case gives them
     */
    record Module(String name, List<String> judged, List<ModuleVariables.Variable> variables, Map<String, String> required) {
        /** Whether the problem at {@code path} is about a key or section this module is held to. */
        boolean judges(String path) {
            return judged.stream().anyMatch(prefix -> path.equals(prefix) || path.startsWith(prefix + ".")
                    || path.startsWith(prefix + "["));
        }
    }

    static final List<Module> MODULES = List.of(
            new Module("network", List.of("network", "app", "environment"),
                    Stream.concat(ModuleVariables.names().stream(), ModuleVariables.network().stream()).toList(),
                    Map.of("app", "\"webapp\"", "environment", "\"dev\"")),
            new Module("registry", List.of("registry", "service.imageTag"), ModuleVariables.registry(),
                    Map.of("repository_name", "\"webapp\"")),
            new Module("blue-green", List.of("deployment"), ModuleVariables.blueGreen(), blueGreenInputs()),
            new Module("ecs-service", List.of("cluster", "loadBalancer", "service.containerName", "service.containerPort",
                    "service.cpu", "service.memory", "service.cpuArchitecture", "service.desiredCount", "service.healthCheckPath",
                    "service.healthCheckGracePeriodSeconds", "service.environment", "service.secrets", "service.autoscaling",
                    "service.logRetentionDays", "service.logKmsKey", "service.readonlyRootFilesystem", "service.egress"),
                    Stream.concat(ModuleVariables.names().stream(), ModuleVariables.ecsService().stream()).toList(),
                    Map.of("app", "\"webapp\"", "environment", "\"dev\"", "vpc_id", "\"vpc-0123456789abcdef0\"",
                            "public_subnet_ids", "[\"subnet-0a\"]", "private_subnet_ids", "[\"subnet-0b\"]",
                            "repository_url", "\"123456789012.dkr.ecr.us-east-1.amazonaws.com/webapp\"",
                            "execution_role_arn", "\"arn:aws:iam::123456789012:role/webapp-dev-execution\"",
                            "task_role_arn", "\"arn:aws:iam::123456789012:role/webapp-dev-task\"")),
            // autoscaling is whether service.autoscaling is set, not the section itself.
            new Module("access", List.of("github.repository", "github.createOidcProvider", "aws.assumeRoleArn",
                    "service.secrets", "service.taskPolicy", "cluster.executeCommand", "state.bucket", "state.region",
                    "state.lock", "state.dynamodbTable", "deployment.strategy"),
                    Stream.concat(ModuleVariables.names().stream(), ModuleVariables.access().stream())
                            .filter(variable -> !variable.name().equals("autoscaling")).toList(),
                    Map.of("app", "\"webapp\"", "environment", "\"dev\"", "repository_arn",
                            "\"arn:aws:ecr:us-east-1:123456789012:repository/webapp\"", "repository_name", "\"webapp\"")));


    /** One map of several, whose keys differ ({@code Map.of} takes ten pairs at most). */
    @SafeVarargs
    private static Map<String, String> merged(Map<String, String>... maps) {
        Map<String, String> merged = new java.util.LinkedHashMap<>();
        for (Map<String, String> map : maps) {
            map.forEach((key, value) -> {
                if (merged.put(key, value) != null) {
                    throw new IllegalStateException(key + " twice");
                }
            });
        }
        return Map.copyOf(merged);
    }

    /** The blue-green module's names and inputs from other modules, which no case gives. */
    private static Map<String, String> blueGreenInputs() {
        String listener = "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/webapp-dev/50dc6c495c0c9188/";
        return Map.ofEntries(
                Map.entry("app", "\"webapp\""),
                Map.entry("environment", "\"dev\""),
                Map.entry("codedeploy_role_arn", "\"arn:aws:iam::123456789012:role/webapp-dev-codedeploy\""),
                Map.entry("cluster_name", "\"webapp-dev\""),
                Map.entry("service_name", "\"webapp-dev\""),
                Map.entry("production_listener_arn", "\"" + listener + "f2f7dc8efc522ab2\""),
                Map.entry("test_listener_arn", "\"" + listener + "a1b2c3d4e5f60718\""),
                Map.entry("blue_target_group_name", "\"webapp-dev-blue\""),
                Map.entry("green_target_group_name", "\"webapp-dev-green\""),
                Map.entry("blue_target_group_arn_suffix", "\"targetgroup/webapp-dev-blue/0123456789abcdef\""),
                Map.entry("green_target_group_arn_suffix", "\"targetgroup/webapp-dev-green/fedcba9876543210\""),
                Map.entry("alb_arn_suffix", "\"app/webapp-dev/50dc6c495c0c9188\""));
    }

    /** The field path of a problem line: what comes before its first ": ". */
    private static String path(String problem) {
        return problem.substring(0, problem.indexOf(": "));
    }

    /** The module a case is about, if any: the one that judges its first problem's path. */
    private static Optional<Module> moduleOf(BadConfigs.Case bad) {
        return bad.problems().stream().map(ModuleValidationParityIT::path).flatMap(path -> MODULES.stream()
                .filter(module -> module.judges(path))).findFirst();
    }

    static List<BadConfigs.Case> moduleCases() {
        return BadConfigs.all().filter(bad -> moduleOf(bad).isPresent()).toList();
    }

    @Test
    void everyCaseAboutAModulesKeysIsRunOrSaysWhyNot() {
        List<String> names = moduleCases().stream().map(BadConfigs.Case::behaviour).toList();
        List<String> named = Stream.concat(IN_MODULE_WORDS.keySet().stream(), NOT_A_VALUE.keySet().stream()).toList();
        assertEquals(List.of(), named.stream().filter(name -> !names.contains(name)).toList(),
                "named cases that are about no module's keys");
        assertTrue(names.size() >= 20, () -> "expected the network and registry cases of BadConfigs, found " + names);
    }

    @TestFactory
    Stream<DynamicTest> aBadValueFailsThePlanWithTheVariablesMessage() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String binaryName : RealProvider.binaryNames()) {
            for (Module module : MODULES) {
                // A root a module, initialized once: init installs the modules its calls name.
                Path root = work.resolve(binaryName).resolve(module.name());
                Repo.copyModules(root.resolve("modules"));
                for (BadConfigs.Case bad : moduleCases()) {
                    if (moduleOf(bad).orElseThrow() == module && !NOT_A_VALUE.containsKey(bad.behaviour())) {
                        tests.add(dynamicTest(binaryName + " " + bad.behaviour(), () -> plan(binaryName, root, module, bad)));
                    }
                }
            }
        }
        return tests.stream();
    }

    private void plan(String binaryName, Path root, Module module, BadConfigs.Case bad) throws IOException {
        RealProvider.Binary binary = RealProvider.binary(binaryName);
        Files.writeString(root.resolve("main.tf"), rootConfiguration(module, bad));
        if (!Files.isDirectory(root.resolve(".terraform"))) {
            binary.run(root, "init", "-input=false", "-no-color").succeeded();
        }
        RealProvider.Run plan = binary.run(root, "plan", "-input=false", "-no-color", "-json");

        assertEquals(1, plan.exitCode(), plan::toString);
        List<String> messages = new ArrayList<>();
        for (String line : plan.stdout().split("\n")) {
            JsonNode diagnostic = line.isBlank() ? JSON.nullNode() : JSON.readTree(line).path("diagnostic");
            if ("Invalid value for variable".equals(diagnostic.path("summary").asText())) {
                // The detail goes on with where the rule is; the message is its first paragraph.
                messages.add(diagnostic.path("detail").asText().split("\n\n")[0]);
            }
        }
        assertEquals(List.of(expected(bad)), messages, plan::toString);
    }

    /** The loader's message after its field path, or the module's own words for the case. */
    private static String expected(BadConfigs.Case bad) {
        String words = IN_MODULE_WORDS.get(bad.behaviour());
        if (words != null) {
            return words;
        }
        assertEquals(1, bad.problems().size(), bad::toString);
        String problem = bad.problems().get(0);
        return problem.substring(problem.indexOf(": ") + 2);
    }

    /**
     * The module called with the case's values of its keys as arguments, each written as in the
     * file (JSON's literals are Terraform's), and a provider that reaches no AWS.
     */
    private static String rootConfiguration(Module module, BadConfigs.Case bad) throws IOException {
        JsonNode file = YAML.readTree(bad.yaml());
        Map<String, String> arguments = new TreeMap<>(module.required());
        for (ModuleVariables.Variable variable : module.variables()) {
            JsonNode value = file;
            for (String part : variable.key().split("\\.")) {
                value = value.path(part);
            }
            if (!value.isMissingNode()) {
                arguments.put(variable.name(), ModuleInputs.value(value).toString());
            }
        }
        StringBuilder call = new StringBuilder();
        arguments.forEach((name, value) -> call.append("  ").append(name).append(" = ").append(value).append('\n'));
        return """
                provider "aws" {
                  region                      = "us-east-1"
                  access_key                  = "not-a-key"
                  secret_key                  = "not-a-secret"
                  skip_credentials_validation = true
                  skip_requesting_account_id  = true
                  skip_metadata_api_check     = true
                  max_retries                 = 1
                  https_proxy                 = "http://127.0.0.1:9"
                }

                module "%s" {
                  source = "./modules/%s"
                %s}
                """.formatted(module.name(), module.name(), call);
    }
}
