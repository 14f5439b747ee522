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

/** An environment's stacks as cdktf.out has them: each runs on the backend its own JSON names. */
class EnvironmentStacksTest {
    @TempDir Path outDir;

    private EnvironmentStacks environment() throws IOException {
        Files.writeString(outDir.resolve("manifest.json"), """
                {"stacks": {
                  "shop-prod-state": {"workingDirectory": "stacks/shop-prod-state",
                    "synthesizedStackPath": "stacks/shop-prod-state/cdk.tf.json", "dependencies": []},
                  "shop-prod-network": {"workingDirectory": "stacks/shop-prod-network",
                    "synthesizedStackPath": "stacks/shop-prod-network/cdk.tf.json", "dependencies": ["shop-prod-state"]}
                }}
                """);
        write("shop-prod-state", """
                {"terraform": {"backend": {"s3": {"bucket": "shop-prod-state", "key": "shop/prod/state.tfstate",
                  "region": "eu-west-1", "encrypt": true, "use_lockfile": true}}}}""");
        write("shop-prod-network", """
                {"terraform": {"backend": {"s3": {"bucket": "shop-prod-state", "key": "shop/prod/network.tfstate",
                  "region": "eu-west-1", "encrypt": true, "use_lockfile": true}}}}""");
        return EnvironmentStacks.of(StackManifest.read(outDir), "prod");
    }

    private void write(String stack, String json) throws IOException {
        Path directory = outDir.resolve("stacks").resolve(stack);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("cdk.tf.json"), json);
    }

    @Test
    void theStateStackRunsOnTheS3BackendItsJsonNames() throws IOException {
        EnvironmentStacks prod = environment();

        assertEquals(new Backend("s3", Map.of("bucket", "shop-prod-state", "key", "shop/prod/state.tfstate",
                "region", "eu-west-1", "encrypt", true, "use_lockfile", true)), prod.stateStack().backend());
    }

    @Test
    void aStackIsFoundByItsFullNameOrByThePartAfterThePrefix() throws IOException {
        EnvironmentStacks prod = environment();

        assertEquals(prod.stack("shop-prod-network"), prod.stack("network"));
    }

    @Test
    void anUnknownStackIsRefusedNamingTheStacksThereAre() throws IOException {
        EnvironmentStacks prod = environment();

        UserError error = assertThrows(UserError.class, () -> prod.stack("db"));

        assertEquals("--stack db: no such stack; the stacks are shop-prod-state, shop-prod-network", error.getMessage());
    }
}
