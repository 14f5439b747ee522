package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emulator endpoint as the CLI takes it: a bad value ends in one message and exit code 2
 * before anything is synthesized or run; a good one reaches the synthesized stacks.
 */
class AwsEndpointOptionTest {
    private static final String ALLOWED = "allowed: an http or https URL on loopback with no path, user, query or"
            + " fragment, such as http://127.0.0.1:5000 (hosts: localhost, 127.x.x.x, [::1])";

    @TempDir Path project;

    private void assertRefused(CliResult result, String message) {
        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("error: " + message + "\n", result.err(), result::toString);
        assertFalse(result.err().contains("\tat "), result::toString);
        assertFalse(Files.exists(project.resolve("cdktf.out")), () -> "nothing may be written; " + result);
    }

    @Test
    void synthRefusesAnEndpointOffLoopback() {
        CliResult result = CliResult.run(Map.of(), "synth", "--env", "dev", "--config-dir", Repo.config().toString(),
                "--out", project.resolve("cdktf.out").toString(), "--aws-endpoint", "http://10.1.2.3:4566");

        assertRefused(result, "--aws-endpoint http://10.1.2.3:4566: 10.1.2.3 is not loopback; the state and every"
                + " request would leave this machine with credential checks off. Run the emulator here, or publish or"
                + " forward its port on 127.0.0.1; " + ALLOWED);
    }

    @Test
    void synthRefusesABadVariableNamingTheVariable() {
        CliResult result = CliResult.run(Map.of("ECSFORGE_AWS_ENDPOINT", "localhost:5000"), "synth", "--env", "dev",
                "--config-dir", Repo.config().toString(), "--out", project.resolve("cdktf.out").toString());

        assertRefused(result, "ECSFORGE_AWS_ENDPOINT=localhost:5000: not an http or https URL; " + ALLOWED);
    }

    @Test
    void planRefusesTheOptionWithNoSynth() throws IOException {
        CliResult result = CliResult.run(Map.of(), "plan", "--env", "dev", "--no-synth", "-C", project.toString(),
                "--terraform", standInBinary().toString(), "--aws-endpoint", "http://127.0.0.1:5000");

        assertRefused(result, "--aws-endpoint http://127.0.0.1:5000: it changes what is synthesized, so it cannot go"
                + " with --no-synth; drop one of them");
    }

    @Test
    void planRefusesExcludeWithABinaryThatHasNoExcludeUsingAStandInTerraform() throws IOException {
        Path binary = standInBinary();
        CliResult result = CliResult.run(Map.of(), "plan", "--env", "dev", "-C", project.toString(),
                "--terraform", binary.toString(), "--exclude", "aws_codedeploy_deployment_config.deployment_config");

        assertRefused(result, "--exclude aws_codedeploy_deployment_config.deployment_config: " + binary + " has no"
                + " -exclude (OpenTofu 1.9 or newer has it, Terraform does not); pass --terraform with such a tofu,"
                + " or drop --exclude");
    }

    @Test
    void planWithTheVariableSynthesizesForTheEmulatorWithAFailingStandInBinary() throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.copy(Repo.config().resolve("dev.yaml"), project.resolve("config/dev.yaml"));

        CliResult result = CliResult.run(Map.of("ECSFORGE_AWS_ENDPOINT", "http://127.0.0.1:5000"), "plan", "--env", "dev",
                "--stack", "network", "-C", project.toString(), "--terraform", standInBinary().toString());

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("(for the AWS API emulator at http://127.0.0.1:5000)"), result::toString);
        String network = Files.readString(project.resolve("cdktf.out/stacks/webapp-dev-network/cdk.tf.json"));
        assertTrue(network.contains("\"ecsforge_aws_endpoint\": \"http://127.0.0.1:5000\""), network);
    }

    /** Prints a help without -exclude, as Terraform's does, and fails everything else. */
    private Path standInBinary() throws IOException {
        Path binary = project.resolve("terraform");
        Files.writeString(binary, "#!/bin/sh\necho 'Usage: terraform plan [options]'\nexit 1\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return binary;
    }
}
