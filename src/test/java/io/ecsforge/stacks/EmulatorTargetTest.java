package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.config.AwsEndpoint;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The example environments synthesized for an emulator at {@link #URL}: every AWS API the
 * stacks call, every backend and every cross-stack read goes there. Without the endpoint nothing
 * changes, which {@link GoldenSnapshotTest} proves byte for byte.
 */
class EmulatorTargetTest {
    private static final String URL = "http://127.0.0.1:4566";

    /**
     * The provider endpoint (provider 5.x argument name) each type's API is called through, by
     * type-name prefix; the longest matching prefix wins. Written here, apart from
     * {@link EmulatorTarget}, so that a new resource type must be placed by hand.
     */
    private static final Map<String, String> SERVICE_BY_TYPE_PREFIX = Map.ofEntries(
            Map.entry("aws_vpc", "ec2"), Map.entry("aws_subnet", "ec2"), Map.entry("aws_route", "ec2"),
            Map.entry("aws_internet_gateway", "ec2"), Map.entry("aws_nat_gateway", "ec2"), Map.entry("aws_eip", "ec2"),
            Map.entry("aws_flow_log", "ec2"), Map.entry("aws_security_group", "ec2"),
            Map.entry("aws_default_security_group", "ec2"), Map.entry("aws_availability_zones", "ec2"),
            Map.entry("aws_cloudwatch_log_group", "logs"), Map.entry("aws_cloudwatch_metric_alarm", "cloudwatch"),
            Map.entry("aws_iam_", "iam"), Map.entry("aws_ecr_", "ecr"), Map.entry("aws_ecs_", "ecs"),
            Map.entry("aws_lb", "elbv2"), Map.entry("aws_appautoscaling_", "applicationautoscaling"),
            Map.entry("aws_codedeploy_", "codedeploy"), Map.entry("aws_s3_", "s3"), Map.entry("aws_dynamodb_", "dynamodb"),
            Map.entry("aws_caller_identity", "sts"));

    /** Types that call no API: rendered or known by the provider itself. */
    private static final Set<String> NO_API = Set.of("aws_iam_policy_document", "aws_partition", "terraform_remote_state");

    /** Called whatever the types: the account id that allowed_account_ids checks. */
    private static final Set<String> ALWAYS = Set.of("sts", "iam");

    private static final List<String> BACKEND_SETTINGS = List.of("use_path_style", "skip_credentials_validation",
            "skip_metadata_api_check", "skip_region_validation", "skip_requesting_account_id");

    private static Synthesized emulated;

    private static synchronized Synthesized emulated() {
        if (emulated == null) {
            ConfigLoader loader = new ConfigLoader(Repo.config());
            AwsEndpoint endpoint = AwsEndpoint.parse(URL, "test");
            List<EnvironmentConfig> configs = Stream.of("dev", "prod")
                    .map(loader::load).map(config -> config.withAwsEndpoint(endpoint)).toList();
            emulated = Synthesized.of(configs);
        }
        return emulated;
    }

    private static List<String> stackNames(Synthesized synthesized) {
        return synthesized.stacks().values().stream().flatMap(List::stream).toList();
    }

    /** Every type the stacks can make (InfraPermissions declares them all) and every type synthesized here. */
    private static Set<String> types() {
        Set<String> types = new TreeSet<>();
        InfraPermissions.BY_TYPE.keySet().stream()
                .filter(type -> !type.equals(InfraPermissions.S3_BACKEND))
                .map(type -> type.replaceFirst("^data\\.", ""))
                .forEach(types::add);
        for (String stack : stackNames(emulated())) {
            JsonNode json = emulated().stack(stack);
            json.path("resource").fieldNames().forEachRemaining(types::add);
            json.path("data").fieldNames().forEachRemaining(types::add);
        }
        return types;
    }

    private static String serviceOf(String type) {
        return SERVICE_BY_TYPE_PREFIX.entrySet().stream()
                .filter(entry -> type.startsWith(entry.getKey()))
                .max((a, b) -> Integer.compare(a.getKey().length(), b.getKey().length()))
                .map(Map.Entry::getValue)
                .orElse(null);
    }

    @Test
    void everyServiceTheStacksCallHasAProviderEndpointInEveryStack() {
        Set<String> needed = new TreeSet<>(ALWAYS);
        List<String> unplaced = new ArrayList<>();
        for (String type : types()) {
            if (NO_API.contains(type)) {
                continue;
            }
            String service = serviceOf(type);
            if (service == null) {
                unplaced.add(type);
            } else {
                needed.add(service);
            }
        }
        assertTrue(unplaced.isEmpty(), () -> "types with no service in SERVICE_BY_TYPE_PREFIX: " + unplaced
                + "; add the provider endpoint their API is called through, here and in EmulatorTarget.PROVIDER_SERVICES");
        for (String stack : stackNames(emulated())) {
            JsonNode provider = emulated().stack(stack).path("provider").path("aws").path(0);
            Map<String, String> endpoints = strings(provider.path("endpoints").path(0));
            Set<String> missing = new TreeSet<>(needed);
            missing.removeAll(endpoints.keySet());
            assertTrue(missing.isEmpty(), () -> stack + ": no provider endpoint for " + missing + "; provider: " + provider);
            endpoints.forEach((service, url) -> assertEquals(URL, url, () -> stack + ": endpoint " + service));
        }
    }

    @Test
    void everyProviderSkipsTheChecksAnEmulatorCannotAnswerAndUsesPathStyleS3() {
        for (String stack : stackNames(emulated())) {
            JsonNode provider = emulated().stack(stack).path("provider").path("aws").path(0);
            assertTrue(provider.path("s3_use_path_style").asBoolean(), () -> stack + ": " + provider);
            assertTrue(provider.path("skip_credentials_validation").asBoolean(), () -> stack + ": " + provider);
            assertEquals("true", provider.path("skip_metadata_api_check").asText(), () -> stack + ": " + provider);
            assertTrue(provider.path("skip_region_validation").asBoolean(), () -> stack + ": " + provider);
            assertFalse(provider.has("skip_requesting_account_id"),
                    () -> stack + ": the account id must still be asked for, for allowed_account_ids: " + provider);
        }
    }

    @Test
    void everyS3BackendTalksToTheEmulator() {
        for (String stack : stackNames(emulated())) {
            JsonNode backend = emulated().stack(stack).path("terraform").path("backend");
            if (backend.has("local")) {
                assertTrue(stack.endsWith("-state"), () -> stack + " keeps local state: " + backend);
                continue;
            }
            assertEmulatorSettings(stack + " backend", backend.path("s3"));
        }
    }

    @Test
    void everyRemoteStateReadTalksToTheEmulator() {
        int reads = 0;
        for (String stack : stackNames(emulated())) {
            JsonNode remoteStates = emulated().stack(stack).path("data").path("terraform_remote_state");
            for (Iterator<Map.Entry<String, JsonNode>> it = remoteStates.fields(); it.hasNext(); reads++) {
                Map.Entry<String, JsonNode> read = it.next();
                assertEmulatorSettings(stack + " " + read.getKey(), read.getValue().path("config"));
            }
        }
        assertTrue(reads >= 6, "expected the cross-stack reads of dev and prod, found " + reads);
    }

    @Test
    void withoutTheEndpointNoStackNamesAnEndpointOrSkipsACheck() {
        Synthesized examples = Synthesized.examples();
        for (String stack : stackNames(examples)) {
            String json = examples.stack(stack).toString();
            for (String setting : List.of("endpoints", "use_path_style", "skip_credentials_validation",
                    "skip_metadata_api_check", "skip_region_validation", "skip_requesting_account_id")) {
                assertFalse(json.contains("\"" + setting + "\""), () -> stack + " has " + setting + ": " + json);
            }
        }
    }

    private static void assertEmulatorSettings(String where, JsonNode settings) {
        assertEquals(Map.of("s3", URL, "sts", URL, "dynamodb", URL, "iam", URL), strings(settings.path("endpoints")),
                () -> where + ": " + settings);
        for (String setting : BACKEND_SETTINGS) {
            assertTrue(settings.path(setting).asBoolean(), () -> where + ": " + setting + " is not true: " + settings);
        }
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> values = new LinkedHashMap<>();
        object.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }
}
