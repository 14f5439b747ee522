package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.ModuleInputs;
import io.ecsforge.config.ModuleVariables;
import io.ecsforge.testing.MotoPlans;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One source, proven on plans: the checked-in {@code modules/ecs-service}, called with an example
 * environment's values (read from its file, key by key, as the variables name them), plans
 * exactly the resources the environment's cluster and service stacks plan together, with the
 * same values. The service stack reads the network, the repository, the roles and the cluster
 * through cross-stack references; here those are fixed literals, given to the module as its
 * inputs, and the reference to the cluster is the cluster stack's own resource, as the module's
 * service uses its own cluster, so both plans are complete without applying another stack.
 * Module addresses are mapped to the stack's ({@code aws_lb_listener.http_redirect_listener[0]}
 * to {@code aws_lb_listener.http_redirect_listener},
 * {@code aws_vpc_security_group_ingress_rule.alb_ingress_80["0.0.0.0/0"]} to
 * {@code aws_vpc_security_group_ingress_rule.alb_ingress_80_0_0_0_0_0}, and the test listener's
 * rules, {@code alb_ingress_test[...]}, to its port's; the NAT addresses' rules,
 * {@code alb_ingress_test_nat[i]}, to {@code alb_ingress_test_nat_i}). Dev is plain HTTP with
 * autoscaling and one NAT gateway; prod HTTPS with deletion protection, ARM64, a NAT gateway a zone
 * and a public test listener block. Terraform and the real
 * provider plan both against moto, in the environment's account.
 */
class EcsServiceModuleMatchesStacksIT {
    @RegisterExtension static final MotoServer DEV = MotoServer.forPlatform("123456789012");
    @RegisterExtension static final MotoServer PROD = MotoServer.forPlatform("210987654321");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern REMOTE_STATE = Pattern.compile(
            "\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-[\\w-]+\\.outputs\\.cross-stack-output-([\\w]+)}");
    private static final String MODULE = "module.ecs_service.";

    @TempDir Path work;

    @Test
    void devsEcsServiceModulePlansWhatDevsClusterAndServiceStacksPlan() throws IOException {
        assertSamePlans("dev", "123456789012", DEV);
    }

    @Test
    void prodsEcsServiceModulePlansWhatProdsClusterAndServiceStacksPlan() throws IOException {
        assertSamePlans("prod", "210987654321", PROD);
    }

    /** Dev with an egress rule to each kind of destination, one with a range and one over UDP. */
    @Test
    void egressRulesToEveryKindOfDestinationPlanTheSameInTheModuleAsInTheServiceStack() throws IOException {
        Path configs = Files.createDirectories(work.resolve("config"));
        String dev = Files.readString(Repo.config().resolve("dev.yaml"));
        Files.writeString(configs.resolve("dev.yaml"), dev.replaceFirst("(?m)^service:\n", """
                service:
                  egress:
                    - {port: 5432, cidr: 10.0.0.0/16, description: PostgreSQL}
                    - {port: 443, prefixListId: pl-0123456789abcdef0}
                    - {port: 6379, toPort: 6380, securityGroupId: sg-0123456789abcdef0, description: Redis}
                    - {port: 53, protocol: udp, cidr: 10.0.0.2/32}
                """));
        Synthesized synthesized = Synthesized.of(List.of(new ConfigLoader(configs).load("dev")));
        Set<String> planned = assertSamePlans("dev", "123456789012", DEV, synthesized, configs);
        String rule = "aws_vpc_security_group_egress_rule.service_egress_";
        assertTrue(planned.containsAll(List.of(rule + "tcp_5432_10_0_0_0_16", rule + "tcp_443_pl_0123456789abcdef0",
                rule + "tcp_6379_6380_sg_0123456789abcdef0", rule + "udp_53_10_0_0_2_32")), () -> "planned: " + planned);
    }

    private void assertSamePlans(String env, String account, MotoServer moto) throws IOException {
        assertSamePlans(env, account, moto, Synthesized.examples(), Repo.config());
    }

    /** What the other stacks would give, as literals: by the cross-stack output's name, and by the module's input. */
    private record Inputs(Map<String, String> byOutput, ObjectNode byVariable) {
        static Inputs of(String env, String account, int zones, int nats) {
            Map<String, String> byOutput = new LinkedHashMap<>();
            ObjectNode byVariable = JSON.createObjectNode();
            byOutput.put("aws_vpcvpcid", "vpc-0123456789abcdef0");
            byVariable.put("vpc_id", "vpc-0123456789abcdef0");
            for (String tier : List.of("public", "private")) {
                var ids = byVariable.putArray(tier + "_subnet_ids");
                for (int zone = 0; zone < zones; zone++) {
                    String id = "subnet-0" + (tier.equals("public") ? "a" : "b") + "0000000000000" + zone;
                    byOutput.put("aws_subnet" + tier + "_" + zone + "id", id);
                    ids.add(id);
                }
            }
            // The network's NAT addresses, which the test listener admits each as a /32.
            var addresses = byVariable.putArray("nat_public_ips");
            for (int nat = 0; nat < nats; nat++) {
                String address = "198.51.100." + (10 + nat);
                byOutput.put("aws_nat_gatewaynat_" + nat + "public_ip", address);
                addresses.add(address);
            }
            String repository = account + ".dkr.ecr.us-east-1.amazonaws.com/webapp";
            byOutput.put("aws_ecr_repositoryrepositoryrepository_url", repository);
            byVariable.put("repository_url", repository);
            for (String role : List.of("execution", "task")) {
                String arn = "arn:aws:iam::" + account + ":role/webapp-" + env + "-" + role;
                byOutput.put("aws_iam_role" + role + "arn", arn);
                byVariable.put(role + "_role_arn", arn);
            }
            // The service runs in the cluster planned beside it, as the module's does in its own.
            byOutput.put("aws_ecs_clusterclusterarn", "${aws_ecs_cluster.cluster.arn}");
            return new Inputs(byOutput, byVariable);
        }
    }

    /** The addresses planned, the same in both. */
    private Set<String> assertSamePlans(String env, String account, MotoServer moto, Synthesized synthesized, Path configs)
            throws IOException {
        RealProvider.Binary terraform = RealProvider.terraform();
        ObjectNode cluster = (ObjectNode) synthesized.stack("webapp-" + env + "-cluster").deepCopy();
        ObjectNode service = (ObjectNode) synthesized.stack("webapp-" + env + "-service").deepCopy();
        ObjectNode provider = provider(cluster, moto);
        JsonNode file = YAML.readTree(configs.resolve(env + ".yaml").toFile());
        int zones = file.path("network").path("azCount").asInt();
        String nat = file.path("network").path("natGateways").asText();
        Inputs inputs = Inputs.of(env, account, zones, nat.equals("none") ? 0 : nat.equals("one-per-az") ? zones : 1);

        ObjectNode stacks = JSON.createObjectNode();
        ObjectNode resources = stacks.putObject("resource");
        for (ObjectNode stack : List.of(cluster, service)) {
            stack.path("resource").properties().forEach(type -> type.getValue().properties().forEach(resource ->
                    resources.with(type.getKey()).set(resource.getKey(), resolved(resource.getValue(), inputs.byOutput()))));
        }
        // A log group under the state key: the stack looks it up by its alias, the module takes its ARN.
        JsonNode stateKeyLookup = service.path("data").path("aws_kms_alias");
        if (!stateKeyLookup.isMissingNode()) {
            stacks.putObject("data").set("aws_kms_alias", stateKeyLookup);
        }
        stacks.set("terraform", cluster.path("terraform").deepCopy());
        ((ObjectNode) stacks.path("terraform")).remove("backend");
        Path stackDir = Files.createDirectories(work.resolve("stacks"));
        Files.writeString(stackDir.resolve("main.tf.json"), JSON.writeValueAsString(stacks));
        Files.writeString(stackDir.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        ObjectNode call = moduleCall(env, file, inputs);
        if (file.path("service").path("logKmsKey").asText().equals(EnvironmentConfig.STATE_KEY)) {
            call.put("log_kms_key_arn", moto.kmsKeyWithAlias(file.path("aws").path("region").asText(), "alias/webapp-" + env + "-state"));
        }
        Path moduleRoot = Files.createDirectories(work.resolve("root"));
        Repo.copyModules(moduleRoot.resolve("modules"));
        ObjectNode root = JSON.createObjectNode();
        root.putObject("module").set("ecs_service", call);
        Files.writeString(moduleRoot.resolve("main.tf.json"), JSON.writeValueAsString(root));
        Files.writeString(moduleRoot.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        Map<String, JsonNode> stackChanges = MotoPlans.changes(terraform, stackDir);
        int testPort = file.path("loadBalancer").path("testListenerPort").asInt(8443);
        Map<String, JsonNode> moduleChanges = new TreeMap<>();
        MotoPlans.changes(terraform, moduleRoot).forEach((address, change) ->
                moduleChanges.put(stackAddress(address, testPort, stackChanges.keySet()), change));

        assertEquals(new TreeMap<>(stackChanges).keySet(), moduleChanges.keySet(),
                "planned addresses, the module's as the stacks name them");
        assertTrue(stackChanges.size() >= 15, () -> "expected the whole cluster and service, planned: " + stackChanges.keySet());
        stackChanges.forEach((address, change) -> {
            JsonNode fromModule = moduleChanges.get(address);
            for (String field : List.of("actions", "after", "after_unknown")) {
                assertEquals(change.path("change").path(field), fromModule.path("change").path(field),
                        () -> address + " " + field + ": the stack's first, then the module's " + fromModule.path("address"));
            }
        });
        return stackChanges.keySet();
    }

    /**
     * The module called with the file's value of every key it has a variable for, written as in
     * the file (JSON's literals are Terraform's; a {@code null} takes the variable's default),
     * and the other stacks' literals as its inputs.
     */
    private static ObjectNode moduleCall(String env, JsonNode file, Inputs inputs) {
        ObjectNode call = JSON.createObjectNode();
        call.put("source", "./modules/" + EcsServiceModule.NAME);
        call.put("app", "webapp");
        call.put("environment", env);
        for (ModuleVariables.Variable variable : ModuleVariables.ecsService()) {
            JsonNode value = file;
            for (String part : variable.key().split("\\.")) {
                value = value.path(part);
            }
            if (!value.isMissingNode()) {
                call.set(variable.name(), ModuleInputs.value(value));
            }
        }
        call.setAll(inputs.byVariable());
        return call;
    }

    /** {@code node} with every cross-stack reference replaced by its literal; fails on one it has none for. */
    private static JsonNode resolved(JsonNode node, Map<String, String> byOutput) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = JSON.createObjectNode();
            object.properties().forEach(field -> {
                if (!field.getKey().equals("//")) {
                    copy.set(field.getKey(), resolved(field.getValue(), byOutput));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(item -> copy.add(resolved(item, byOutput)));
            return copy;
        }
        if (node.isTextual()) {
            Matcher reference = REMOTE_STATE.matcher(node.textValue());
            StringBuilder text = new StringBuilder();
            while (reference.find()) {
                String literal = byOutput.get(reference.group(1));
                if (literal == null) {
                    throw new AssertionError("no literal for the cross-stack output " + reference.group(1) + " in " + node);
                }
                reference.appendReplacement(text, Matcher.quoteReplacement(literal));
            }
            reference.appendTail(text);
            return TextNode.valueOf(text.toString());
        }
        return node;
    }

    /**
     * The stack's provider with moto's endpoints and dummy keys: the region, default tags and
     * allowed account are the stack's, and the module's root is given the same.
     */
    private static ObjectNode provider(ObjectNode stack, MotoServer moto) {
        return MotoPlans.provider(stack, moto, List.of("applicationautoscaling", "ec2", "ecs", "elbv2", "iam", "kms", "logs", "sts"));
    }

    /**
     * The stacks' address of a module's resource: without the module, a rule a block named after
     * its port and block, an instance of what the stack makes once an instance
     * ({@code alb_ingress_test_nat[1]}) numbered as the stack numbers it, and without the
     * {@code [0]} of what is optional.
     */
    static String stackAddress(String address, int testListenerPort, Set<String> stackAddresses) {
        String local = address.startsWith(MODULE) ? address.substring(MODULE.length()) : address;
        Matcher keyed = Pattern.compile("(.+)\\[\"(.+)\"]").matcher(local);
        if (keyed.matches()) {
            String resource = keyed.group(1).replace("alb_ingress_test", "alb_ingress_" + testListenerPort);
            return resource + "_" + keyed.group(2).replaceAll("\\W", "_");
        }
        Matcher counted = Pattern.compile("(.+)\\[(\\d+)]").matcher(local);
        if (counted.matches()) {
            String numbered = counted.group(1) + "_" + counted.group(2);
            return stackAddresses.contains(numbered) || !counted.group(2).equals("0") ? numbered : counted.group(1);
        }
        return local;
    }
}
