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

    @Test
    void everyStackNamesTheEmulatorForTheRunnerAndNoProviderHasAnEndpointsBlock() {
        for (String stack : stackNames(emulated())) {
            JsonNode json = emulated().stack(stack);
            assertEquals(URL, json.path("//").path(AwsEndpoint.SYNTHESIZED_KEY).asText(), () -> stack + ": " + json.path("//"));
            JsonNode provider = json.path("provider").path("aws").path(0);
            assertFalse(provider.has("endpoints"), () -> stack + ": the endpoints block costs the provider 2.5 s of CPU"
                    + " each time it is configured; the runner sets AWS_ENDPOINT_URL instead: " + provider);
        }
    }

    @Test
    void everyProviderSendsHttpsThroughAClosedPortSoThatARunWithoutTheEmulatorCannotReachAws() {
        for (String stack : stackNames(emulated())) {
            JsonNode provider = emulated().stack(stack).path("provider").path("aws").path(0);
            assertEquals("http://127.0.0.1:9", provider.path("https_proxy").asText(), () -> stack + ": " + provider);
            assertEquals("localhost,127.0.0.1,::1", provider.path("no_proxy").asText(), () -> stack + ": " + provider);
            assertFalse(provider.has("http_proxy"), () -> stack + ": plain-HTTP emulators must not be proxied: " + provider);
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
            for (String setting : List.of(AwsEndpoint.SYNTHESIZED_KEY, "https_proxy", "no_proxy", "endpoints", "use_path_style", "skip_credentials_validation",
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
