package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terraform runs a stack synthesized for an emulator with AWS_ENDPOINT_URL set to the address the
 * stack names, whatever the caller's environment says, and a stack for AWS without it. The binary
 * is a shell-script stand-in that prints the variable: only the environment is under test here.
 */
class EmulatorEnvironmentTest {
    @TempDir Path project;
    private Terraform terraform;

    @BeforeEach
    void standIn() throws IOException {
        Path binary = project.resolve("bin/terraform");
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, "#!/bin/sh\necho \"endpoint=${AWS_ENDPOINT_URL:-none}\"\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrintWriter writer = new PrintWriter(new StringWriter(), true);
        terraform = new Terraform(new TerraformBinary(binary),
                Map.of("PATH", "/usr/bin:/bin", "AWS_ENDPOINT_URL", "http://127.0.0.1:1111"), writer, writer);
    }

    private Stack stack(String name, String json) throws IOException {
        Path directory = project.resolve("stacks").resolve(name);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("cdk.tf.json"), json);
        return new Stack(name, directory, directory.resolve("cdk.tf.json"), List.of());
    }

    @Test
    void aStackSynthesizedForAnEmulatorRunsWithTheAddressItNames() throws IOException {
        Stack stack = stack("emulated", "{\"//\": {\"ecsforge_aws_endpoint\": \"http://127.0.0.1:5000\"}}");

        assertEquals("endpoint=http://127.0.0.1:5000\n", terraform.capture(stack, List.of("plan")).stdout());
    }

    @Test
    void aStackForAwsRunsWithTheCallersEnvironmentAsItIs() throws IOException {
        Stack stack = stack("real", "{\"//\": {\"metadata\": {}}}");

        assertEquals("endpoint=http://127.0.0.1:1111\n", terraform.capture(stack, List.of("plan")).stdout());
    }

    @Test
    void anAddressOffLoopbackInAStackIsRefusedBeforeTerraformRuns() throws IOException {
        Stack stack = stack("tampered", "{\"//\": {\"ecsforge_aws_endpoint\": \"http://10.0.0.1:4566\"}}");

        UserError error = assertThrows(UserError.class, () -> terraform.capture(stack, List.of("plan")));
        assertEquals(stack.stackJson() + ": \"//\".ecsforge_aws_endpoint http://10.0.0.1:4566: 10.0.0.1 is not loopback;"
                + " the state and every request would leave this machine with credential checks off. Run the emulator"
                + " here, or publish or forward its port on 127.0.0.1; allowed: an http or https URL on loopback with no"
                + " path, user, query or fragment, such as http://127.0.0.1:5000 (hosts: localhost, 127.x.x.x, [::1])",
                error.getMessage());
    }
}
