package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failing stack stops the run, with real OpenTofu. The cdktf.out here is written by hand in
 * cdktf's layout (local backend, terraform_data only), since the failure needs a stack JSON
 * that cdktf would not synthesize.
 */
class TofuFailureIT {
    @TempDir Path project;

    private void stack(String name, String body) throws IOException {
        Path directory = project.resolve("cdktf.out/stacks/" + name);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("cdk.tf.json"), body);
    }

    private void manifest() throws IOException {
        Files.writeString(project.resolve("cdktf.out/manifest.json"), """
                {"version": "0.19.2", "stacks": {
                  "demo-fail-state": {"name": "demo-fail-state", "workingDirectory": "stacks/demo-fail-state",
                    "synthesizedStackPath": "stacks/demo-fail-state/cdk.tf.json", "dependencies": []},
                  "demo-fail-network": {"name": "demo-fail-network", "workingDirectory": "stacks/demo-fail-network",
                    "synthesizedStackPath": "stacks/demo-fail-network/cdk.tf.json", "dependencies": ["demo-fail-state"]},
                  "demo-fail-service": {"name": "demo-fail-service", "workingDirectory": "stacks/demo-fail-service",
                    "synthesizedStackPath": "stacks/demo-fail-service/cdk.tf.json", "dependencies": ["demo-fail-network"]}
                }}
                """);
    }

    @Test
    void withParallelismOneAFailingStackStopsThePlanWithTheStackTheCommandAndTerraformsLastErrorLinesNeedsTofu()
            throws IOException {
        Path tofu = Tools.tofu();
        stack("demo-fail-state", "{\"resource\": {\"terraform_data\": {\"bucket\": {\"input\": \"b\"}}}}");
        stack("demo-fail-network", "{\"output\": {\"vpc_id\": {\"value\": \"${terraform_data.missing.id}\"}}}");
        stack("demo-fail-service", "{\"resource\": {\"terraform_data\": {\"service\": {}}}}");
        manifest();

        CliResult result = CliResult.run(MotoServer.clientEnvironment(),
                "plan", "--env", "fail", "--no-synth", "-C", project.toString(), "--terraform", tofu.toString(),
                "--parallelism", "1");

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[demo-fail-state] plan ok: 1 to add, 0 to change, 0 to destroy; saved "),
                result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("\\[demo-fail-network] plan FAILED \\(\\d+\\.\\ds\\)")),
                result::toString);
        assertTrue(result.err().contains("error: stack demo-fail-network failed: tofu plan -input=false -no-color -out="
                + project.toAbsolutePath().resolve(".ecsforge/plans/demo-fail-network/plan.tfplan")
                + ": exited with code 1\n  Error: Reference to undeclared resource\n"), result::toString);
        assertFalse(result.out().contains("[demo-fail-service]") || result.err().contains("[demo-fail-service]"),
                () -> "the run must stop at the failing stack; " + result);
        assertFalse(Files.exists(project.resolve(".ecsforge/plans/demo-fail-network/plan.tfplan")),
                "a failed plan must leave no plan to apply");
    }

    @Test
    void aProviderThatCannotBeInstalledIsNamedWithWhereToGetItNeedsTofu() throws IOException {
        Path tofu = Tools.tofu();
        // A registry host that cannot resolve anywhere, so init fails the same way with or without a network.
        stack("demo-fail-state", """
                {"terraform": {"required_providers": {"aws": {"source": "registry.invalid/hashicorp/aws", "version": "5.23.1"}}},
                 "resource": {"terraform_data": {"bucket": {"input": "b"}}}}
                """);
        stack("demo-fail-network", "{}");
        stack("demo-fail-service", "{}");
        manifest();

        CliResult result = CliResult.run(MotoServer.clientEnvironment(),
                "plan", "--env", "fail", "--no-synth", "-C", project.toString(), "--terraform", tofu.toString());

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("error: stack demo-fail-state failed: tofu init -input=false -no-color:"
                + " provider registry.invalid/hashicorp/aws is missing\n"), result::toString);
        assertTrue(result.err().contains("  provider registry.invalid/hashicorp/aws is missing: tofu could not download it"
                + " from its registry and found no local copy;"), result::toString);
    }
}
