package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.runner.TerraformBinary;
import io.ecsforge.testing.CliResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The runner commands' answers to bad input, which need no Terraform binary. */
class RunnerCommandsTest {
    @TempDir Path project;

    @Test
    void aMissingBinaryGivesTheInstallMessageAndExitCodeTwo() {
        CliResult result = CliResult.run(Map.of("PATH", project.toString()),
                "plan", "--env", "prod", "-C", project.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("error: no Terraform-compatible binary found: neither terraform nor tofu is on PATH and"
                + " TERRAFORM_BINARY is not set; install Terraform (https://developer.hashicorp.com/terraform/install)"
                + " or OpenTofu (https://opentofu.org/docs/intro/install/, or scripts/setup-tools.sh, which builds it"
                + " into $ECSFORGE_CACHE/bin/tofu), then put it on PATH, set TERRAFORM_BINARY or pass --terraform PATH",
                result.err().strip(), result::toString);
        assertEquals("", result.out(), result::toString);
    }

    @Test
    void aTerraformBinaryVariableNamingNoFileGivesExitCodeTwo() {
        String missing = project.resolve("bin/tofu").toString();

        CliResult result = CliResult.run(Map.of("PATH", "", TerraformBinary.ENVIRONMENT_VARIABLE, missing),
                "apply", "--env", "prod", "--auto-approve", "-C", project.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("error: TERRAFORM_BINARY=" + missing + ": no executable file there; install "),
                result::toString);
    }

    @Test
    void planSynthesizesConfigFirstSoAMissingConfigFileGivesExitCodeTwo() throws IOException {
        // Only looked up, never run: the configuration fails first.
        Path binary = Files.createFile(project.resolve("tofu"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        CliResult result = CliResult.run(Map.of(), "plan", "--env", "dev", "-C", project.toString(),
                "--terraform", binary.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("error: " + project.toAbsolutePath().resolve("config").resolve("dev.yaml")
                + ": file not found; "), result::toString);
    }

    /** Exit code 1 is Terraform's side: here a saved plan that is missing, found before the binary runs. */
    @Test
    void applyWithoutASavedPlanExitsOneNamingTheStackAndRunsNothing() throws IOException {
        Path binary = Files.createFile(project.resolve("tofu"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path stack = Files.createDirectories(project.resolve("cdktf.out/stacks/demo-prod-state"));
        Files.writeString(stack.resolve("cdk.tf.json"), "{}");
        Files.writeString(project.resolve("cdktf.out/manifest.json"), """
                {"version": "0.19.2", "stacks": {"demo-prod-state": {"name": "demo-prod-state",
                  "workingDirectory": "stacks/demo-prod-state", "synthesizedStackPath": "stacks/demo-prod-state/cdk.tf.json",
                  "dependencies": []}}}
                """);

        CliResult result = CliResult.run(Map.of(), "apply", "--env", "prod", "--auto-approve", "-C", project.toString(),
                "--terraform", binary.toString());

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().startsWith("error: stack demo-prod-state failed: apply: refused to apply; nothing was applied\n"
                + "  demo-prod-state: "), result::toString);
    }

    @Test
    void applyWithoutAutoApproveIsRefusedBeforeAnythingRuns() {
        CliResult result = CliResult.run(Map.of(), "apply", "--env", "prod", "-C", project.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("error: apply changes infrastructure without asking again: review the saved plans"
                + " (.ecsforge/plans/<stack>/plan.json), then pass --auto-approve", result.err().strip(),
                result::toString);
    }

    @Test
    void stacksWithoutASynthesizedOutputSaysToSynthesizeFirst() {
        CliResult result = CliResult.run(Map.of(), "stacks", "--env", "prod", "-C", project.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("error: " + project.toAbsolutePath().resolve("cdktf.out/manifest.json")
                + " does not exist; run 'ecsforge synth --env <env>' first", result.err().strip(), result::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan", "apply", "destroy", "bootstrap", "output", "stacks"})
    void helpListsTheExitCodes(String command) {
        CliResult result = CliResult.run(Map.of(), command, "--help");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("Exit codes:"), result::toString);
        assertTrue(result.out().contains("  0   "), result::toString);
        assertTrue(result.out().contains("  1   "), result::toString);
        assertTrue(result.out().contains("  2   "), result::toString);
        assertTrue(result.out().contains("  70   an unexpected error in ecsforge"), result::toString);
    }
}
