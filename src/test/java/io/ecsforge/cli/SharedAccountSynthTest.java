package io.ecsforge.cli;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Two environments in one AWS account: config/prod.yaml and a staging.yaml derived from it
 * (src/test/resources/shared-account), synthesized side by side with config/dev.yaml, must not
 * create any physical name twice; and every way the two could is refused before anything is written.
 */
class SharedAccountSynthTest {
    private static final String NL = System.lineSeparator();
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Where each resource type keeps the name it is created under, written once: a name field, or
     * the resource it is named within (a role's inline policy, a bucket's settings), or nothing
     * when AWS gives it an id of its own. A type missing here fails the test, so that a new resource
     * is looked at before it can clash.
     */
    private record NameFields(List<String> fields, String parent) {}

    private static NameFields named(String... fields) {
        return new NameFields(List.of(fields), null);
    }

    private static NameFields within(String parent) {
        return new NameFields(List.of(), parent);
    }

    private static NameFields idGivenByAws() {
        return new NameFields(List.of(), null);
    }

    private static final Map<String, NameFields> NAME_FIELDS = Map.ofEntries(
            entry("aws_cloudwatch_log_group", named("name", "name_prefix")),
            entry("aws_cloudwatch_metric_alarm", named("alarm_name")),
            entry("aws_codedeploy_app", named("name")),
            entry("aws_codedeploy_deployment_config", named("deployment_config_name")),
            entry("aws_dynamodb_table", named("name")),
            entry("aws_ecr_repository", named("name")),
            entry("aws_ecs_cluster", named("name")),
            entry("aws_ecs_task_definition", named("family")),
            entry("aws_iam_openid_connect_provider", named("url")),
            entry("aws_iam_role", named("name", "name_prefix")),
            entry("aws_kms_alias", named("name", "name_prefix")),
            entry("aws_lb", named("name", "name_prefix")),
            entry("aws_wafv2_web_acl", named("name")),
            entry("aws_lb_target_group", named("name", "name_prefix")),
            entry("aws_s3_bucket", named("bucket", "bucket_prefix")),
            // Unique only in its VPC, but compared across the account all the same.
            entry("aws_security_group", named("name", "name_prefix")),
            entry("aws_appautoscaling_policy", within("aws_appautoscaling_target")),
            entry("aws_appautoscaling_target", within("aws_ecs_service")),
            entry("aws_codedeploy_deployment_group", within("aws_codedeploy_app")),
            entry("aws_default_security_group", within("aws_vpc")),
            entry("aws_ecr_lifecycle_policy", within("aws_ecr_repository")),
            entry("aws_ecs_cluster_capacity_providers", within("aws_ecs_cluster")),
            entry("aws_ecs_service", within("aws_ecs_cluster")),
            entry("aws_iam_role_policy", within("aws_iam_role")),
            entry("aws_iam_role_policy_attachment", within("aws_iam_role")),
            entry("aws_lb_listener", within("aws_lb")),
            entry("aws_route", within("aws_route_table")),
            entry("aws_route_table_association", within("aws_route_table")),
            entry("aws_s3_bucket_lifecycle_configuration", within("aws_s3_bucket")),
            entry("aws_s3_bucket_logging", within("aws_s3_bucket")),
            entry("aws_s3_bucket_notification", within("aws_s3_bucket")),
            entry("aws_s3_bucket_policy", within("aws_s3_bucket")),
            entry("aws_s3_bucket_public_access_block", within("aws_s3_bucket")),
            entry("aws_s3_bucket_server_side_encryption_configuration", within("aws_s3_bucket")),
            entry("aws_s3_bucket_versioning", within("aws_s3_bucket")),
            entry("aws_vpc_security_group_egress_rule", within("aws_security_group")),
            entry("aws_vpc_security_group_ingress_rule", within("aws_security_group")),
            entry("aws_wafv2_web_acl_association", within("aws_lb")),
            entry("aws_wafv2_web_acl_logging_configuration", within("aws_wafv2_web_acl")),
            entry("aws_eip", idGivenByAws()),
            entry("aws_flow_log", idGivenByAws()),
            entry("aws_internet_gateway", idGivenByAws()),
            entry("aws_kms_key", idGivenByAws()),
            entry("aws_nat_gateway", idGivenByAws()),
            entry("aws_route_table", idGivenByAws()),
            entry("aws_subnet", idGivenByAws()),
            entry("aws_vpc", idGivenByAws()),
            entry("aws_vpc_endpoint", idGivenByAws()));

    @TempDir static Path dir;
    private static Path configDir;
    private static Path outDir;
    private static CliResult first;

    private static Path fixture() {
        return Repo.root().resolve("src/test/resources/shared-account/staging.yaml");
    }

    private static Path staging() {
        return configDir.resolve("staging.yaml");
    }

    private static Path prod() {
        return configDir.resolve("prod.yaml");
    }

    private static CliResult synth(String... environments) {
        List<String> args = new ArrayList<>(List.of("synth", "--config-dir", configDir.toString(), "--out", outDir.toString()));
        for (String env : environments) {
            args.addAll(List.of("--env", env));
        }
        return CliResult.run(Map.of(), args.toArray(String[]::new));
    }

    @BeforeAll
    static void synthesizeDevProdAndAStagingInProdsAccountOnce() throws IOException {
        configDir = Files.createDirectories(dir.resolve("config"));
        Files.copy(Repo.config().resolve("dev.yaml"), configDir.resolve("dev.yaml"));
        Files.copy(Repo.config().resolve("prod.yaml"), prod());
        Files.copy(fixture(), staging());
        outDir = dir.resolve("cdktf.out");
        first = synth("dev", "prod", "staging");
    }

    @Test
    void prodAndAStagingInItsAccountCreateNoPhysicalNameTwice() {
        assertEquals(0, first.exitCode(), first::toString);
        Map<String, List<String>> created = new TreeMap<>();
        for (String env : List.of("prod", "staging")) {
            for (Path stack : stacksOf("webapp-" + env + "-")) {
                physicalNames(stack).forEach((name, address) ->
                        created.computeIfAbsent(name, n -> new ArrayList<>()).add(stack.getFileName() + " " + address));
            }
        }
        Map<String, List<String>> twice = created.entrySet().stream().filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
        assertEquals(Map.of(), twice, "physical names created by both environments of account 210987654321");
        for (String expected : List.of("aws_iam_openid_connect_provider https://token.actions.githubusercontent.com",
                "aws_ecr_repository webapp", "aws_ecr_repository webapp-staging", "aws_s3_bucket webapp-staging-tfstate-210987654321",
                "aws_dynamodb_table webapp-staging-tflock", "aws_iam_role webapp-staging-github-infra")) {
            assertTrue(created.containsKey(expected), () -> "no " + expected + " among the names created: " + created.keySet());
        }
    }

    @Test
    void everyResourceTypeSynthesizedHasItsNameFieldsListed() {
        assertEquals(0, first.exitCode(), first::toString);
        List<String> unlisted = new ArrayList<>();
        for (Path stack : stacksOf("webapp-")) {
            resources(stack).fieldNames().forEachRemaining(type -> {
                if (!NAME_FIELDS.containsKey(type)) {
                    unlisted.add(stack.getFileName() + " " + type);
                }
            });
        }
        assertEquals(List.of(), unlisted, "resource types with no entry in NAME_FIELDS: say where each keeps its name");
        List<String> orphans = NAME_FIELDS.entrySet().stream()
                .filter(e -> e.getValue().parent() != null && !NAME_FIELDS.containsKey(e.getValue().parent()))
                .map(e -> e.getKey() + " within " + e.getValue().parent()).sorted().toList();
        assertEquals(List.of(), orphans, "types named within a type that is not listed");
    }

    @Test
    void stagingCopiedFromProdWithOnlyItsEnvironmentChangedIsRefusedNamingBothFiles() throws IOException {
        String copied = Files.readString(Repo.config().resolve("prod.yaml"), StandardCharsets.UTF_8)
                .replace("environment: prod\n", "environment: staging\n");

        CliResult refused = refusedWith(copied, "prod");

        assertEquals("error: " + String.join(NL,
                staging() + ": state.bucket: \"webapp-tfstate-210987654321\", as in " + prod() + "; the state stack of each"
                        + " creates its bucket, and bucket names are unique across all of S3, so the second to apply would"
                        + " fail; allowed: a bucket of its own: set state.bucket: webapp-staging-tfstate-210987654321 in "
                        + staging(),
                staging() + ": state.dynamodbTable: \"webapp-tflock\", as in " + prod() + "; the state stack of each"
                        + " creates that lock table, both in account 210987654321, us-east-1, so the second to apply would"
                        + " fail; allowed: a table of its own: set state.dynamodbTable: webapp-staging-tflock in " + staging(),
                staging() + ": registry.repositoryName: \"webapp\", as in " + prod() + "; the registry stack of each"
                        + " creates that ECR repository, both in account 210987654321, us-east-1, so the second to apply"
                        + " would fail; allowed: a repository of its own (the default is the app name, the same in every"
                        + " environment): set registry.repositoryName: webapp-staging in " + staging(),
                staging() + ": github.createOidcProvider: true, as in " + prod() + ", both in account 210987654321,"
                        + " which has one GitHub OIDC provider (token.actions.githubusercontent.com), so the second to"
                        + " apply would fail to create it; allowed: true in one environment of the account: set"
                        + " github.createOidcProvider: false in " + staging() + "; that environment looks the provider up")
                + NL, refused.err(), refused::toString);
    }

    @Test
    void planIsRefusedTooBeforeAnyTerraformRuns() throws IOException {
        // Only looked up, never run: the check across environments fails first.
        Path binary = Files.createFile(dir.resolve("tofu"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String clash = Files.readString(fixture(), StandardCharsets.UTF_8).replace("createOidcProvider: false",
                "createOidcProvider: true");

        CliResult refused = refusedWith(clash, () -> CliResult.run(Map.of(), "plan", "--env", "staging", "-C",
                dir.toString(), "--terraform", binary.toString()));

        assertTrue(refused.err().startsWith("error: " + staging() + ": github.createOidcProvider: true, as in " + prod() + ", "),
                refused::toString);
        assertEquals(1, refused.err().lines().count(), refused::toString);
    }

    /** One name the fixture gives staging, set back to prod's: the edit, and the message's text after the file and field. */
    record Clash(String behaviour, String from, String to, String field, String problem) {
        @Override
        public String toString() {
            return behaviour;
        }
    }

    static Stream<Clash> clashes() {
        return Stream.of(
                new Clash("theStateBucketOfProd", "bucket: webapp-staging-tfstate-210987654321", "bucket: webapp-tfstate-210987654321",
                        "state.bucket", "\"webapp-tfstate-210987654321\", as in %2$s; the state stack of each creates its"
                        + " bucket, and bucket names are unique across all of S3, so the second to apply would fail;"
                        + " allowed: a bucket of its own: set state.bucket: webapp-staging-tfstate-210987654321 in %1$s"),
                new Clash("theLockTableOfProd", "dynamodbTable: webapp-staging-tflock", "dynamodbTable: webapp-tflock",
                        "state.dynamodbTable", "\"webapp-tflock\", as in %2$s; the state stack of each creates that lock"
                        + " table, both in account 210987654321, us-east-1, so the second to apply would fail; allowed: a"
                        + " table of its own: set state.dynamodbTable: webapp-staging-tflock in %1$s"),
                new Clash("theRepositoryOfProdByDefault", "  repositoryName: webapp-staging\n", "",
                        "registry.repositoryName", "\"webapp\", as in %2$s; the registry stack of each creates that ECR"
                        + " repository, both in account 210987654321, us-east-1, so the second to apply would fail;"
                        + " allowed: a repository of its own (the default is the app name, the same in every environment):"
                        + " set registry.repositoryName: webapp-staging in %1$s"),
                new Clash("theOidcProviderProdCreates", "createOidcProvider: false", "createOidcProvider: true",
                        "github.createOidcProvider", "true, as in %2$s, both in account 210987654321, which has one GitHub"
                        + " OIDC provider (token.actions.githubusercontent.com), so the second to apply would fail to create"
                        + " it; allowed: true in one environment of the account: set github.createOidcProvider: false in"
                        + " %1$s; that environment looks the provider up"),
                new Clash("theNamePrefixOfProd", "app: webapp\n", "app: webapp-prod\n", "environment",
                        "app \"webapp-prod\" and environment \"staging\" make the names webapp-prod-staging-*, as app"
                        + " \"webapp\" and environment \"prod-staging\" do in %2$s, in the same account 210987654321, so"
                        + " their roles, log groups and every other name would be the same; allowed: an environment or"
                        + " app name that makes other names: rename %1$s"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clashes")
    void aNameBothEnvironmentsOfTheAccountWouldCreateIsRefusedWithExitTwo(Clash clash) throws IOException {
        String fixture = Files.readString(fixture(), StandardCharsets.UTF_8);
        assertTrue(fixture.contains(clash.from()), () -> "the fixture has no " + clash.from());
        Path later = staging();
        Path earlier = prod();
        String prodYaml = Files.readString(prod(), StandardCharsets.UTF_8);
        if (clash.behaviour().equals("theNamePrefixOfProd")) {
            // webapp-prod + staging against webapp + prod-staging: the files' own names differ, the prefix does not.
            earlier = configDir.resolve("prod-staging.yaml");
            Files.writeString(earlier, prodYaml.replace("environment: prod\n", "environment: prod-staging\n")
                    .replace("bucket: webapp-tfstate-210987654321", "bucket: webapp-prod-staging-tfstate")
                    .replace("dynamodbTable: webapp-tflock", "dynamodbTable: webapp-prod-staging-tflock")
                    .replace("repositoryName: webapp\n", "repositoryName: webapp-prod-staging\n")
                    .replace("createOidcProvider: true", "createOidcProvider: false"), StandardCharsets.UTF_8);
        }
        try {
            CliResult refused = refusedWith(fixture.replace(clash.from(), clash.to()), "staging");

            assertEquals("error: " + later + ": " + clash.field() + ": " + clash.problem().formatted(later, earlier) + NL,
                    refused.err(), refused::toString);
        } finally {
            if (!earlier.equals(prod())) {
                Files.delete(earlier);
            }
        }
    }

    /**
     * Synthesizes {@code env} with staging.yaml as {@code stagingYaml}, expecting exit 2, nothing
     * on stdout and the previous output untouched; the fixture is put back after.
     */
    private static CliResult refusedWith(String stagingYaml, String env) throws IOException {
        return refusedWith(stagingYaml, () -> synth(env));
    }

    private static CliResult refusedWith(String stagingYaml, Supplier<CliResult> command) throws IOException {
        assertEquals(0, first.exitCode(), first::toString);
        Map<String, String> before = contents(outDir);
        try {
            Files.writeString(staging(), stagingYaml, StandardCharsets.UTF_8);

            CliResult refused = command.get();

            assertEquals(ExitCodes.BAD_INPUT, refused.exitCode(), refused::toString);
            assertEquals("", refused.out(), refused::toString);
            assertEquals(before, contents(outDir), "cdktf.out changed after a refused synth");
            return refused;
        } finally {
            Files.copy(fixture(), staging(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static List<Path> stacksOf(String prefix) {
        try (Stream<Path> stacks = Files.list(outDir.resolve("stacks"))) {
            return stacks.filter(stack -> stack.getFileName().toString().startsWith(prefix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode resources(Path stack) {
        try {
            return JSON.readTree(stack.resolve("cdk.tf.json").toFile()).path("resource");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Every name a stack creates, as {@code <type> <name>}, with the resource's address. A name
     * made from another resource's attribute (${...}) cannot be compared, so it fails the test.
     */
    private static Map<String, String> physicalNames(Path stack) {
        Map<String, String> names = new TreeMap<>();
        JsonNode resources = resources(stack);
        resources.fieldNames().forEachRemaining(type -> {
            NameFields where = NAME_FIELDS.get(type);
            assertTrue(where != null, () -> stack.getFileName() + ": " + type + " has no entry in NAME_FIELDS");
            resources.path(type).fields().forEachRemaining(resource -> {
                for (String field : where.fields()) {
                    JsonNode value = resource.getValue().path(field);
                    if (value.isMissingNode()) {
                        continue;
                    }
                    String address = type + "." + resource.getKey();
                    assertTrue(value.isTextual() && !value.asText().contains("${"),
                            () -> stack.getFileName() + " " + address + "." + field + " is " + value + ", not a literal name");
                    names.put(type + " " + value.asText(), address);
                }
            });
        });
        return names;
    }

    private static Map<String, String> contents(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            Map<String, String> contents = new TreeMap<>();
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                contents.put(root.relativize(file).toString(), Files.readString(file, StandardCharsets.ISO_8859_1));
            }
            return contents;
        }
    }
}
