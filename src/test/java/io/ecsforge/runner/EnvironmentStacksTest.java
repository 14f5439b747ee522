package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The state stack runs with the other stacks' S3 backend and its own key. */
class EnvironmentStacksTest {
    @TempDir Path outDir;

    private EnvironmentStacks environment(String networkBackend) throws IOException {
        Files.writeString(outDir.resolve("manifest.json"), """
                {"stacks": {
                  "shop-prod-state": {"workingDirectory": "stacks/shop-prod-state",
                    "synthesizedStackPath": "stacks/shop-prod-state/cdk.tf.json", "dependencies": []},
                  "shop-prod-network": {"workingDirectory": "stacks/shop-prod-network",
                    "synthesizedStackPath": "stacks/shop-prod-network/cdk.tf.json", "dependencies": ["shop-prod-state"]}
                }}
                """);
        write("shop-prod-state",
                "{\"terraform\": {\"backend\": {\"local\": {\"path\": \"../../../.tfstate/shop/prod/state.tfstate\"}}}}");
        write("shop-prod-network", "{\"terraform\": {\"backend\": " + networkBackend + "}}");
        return EnvironmentStacks.of(StackManifest.read(outDir), "prod");
    }

    private void write(String stack, String json) throws IOException {
        Path directory = outDir.resolve("stacks").resolve(stack);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("cdk.tf.json"), json);
    }

    @Test
    void theStateStackGetsTheOtherStacksS3BackendWithItsOwnKey() throws IOException {
        EnvironmentStacks prod = environment("""
                {"s3": {"bucket": "shop-prod-state", "key": "shop/prod/network.tfstate", "region": "eu-west-1",
                        "encrypt": true, "use_lockfile": true}}""");

        assertEquals(Map.of("shop-prod-state", new Backend("s3", Map.of("bucket", "shop-prod-state",
                        "key", "shop/prod/state.tfstate", "region", "eu-west-1", "encrypt", true, "use_lockfile", true))),
                prod.backendOverrides());
        assertEquals("s3://shop-prod-state/shop/prod/state.tfstate", prod.effectiveBackend(prod.stateStack()).location());
    }

    @Test
    void anEnvironmentOnLocalStateHasNoOverride() throws IOException {
        EnvironmentStacks prod = environment("{\"local\": {\"path\": \"../../../.tfstate/shop/prod/network.tfstate\"}}");

        assertEquals(Map.of(), prod.backendOverrides());
        assertEquals("local:../../../.tfstate/shop/prod/state.tfstate",
                prod.effectiveBackend(prod.stateStack()).location());
    }

    @Test
    void aKeyThatDoesNotEndInTheStacksPartIsRefused() throws IOException {
        UserError error = assertThrows(UserError.class, () -> environment(
                "{\"s3\": {\"bucket\": \"b\", \"key\": \"shop/prod/net.tfstate\", \"region\": \"eu-west-1\"}}"));

        assertEquals(outDir.resolve("stacks/shop-prod-network/cdk.tf.json").toAbsolutePath() + ": S3 backend key"
                + " shop/prod/net.tfstate does not end in network.tfstate, so the state stack's key cannot be derived"
                + " from it", error.getMessage());
    }
}
