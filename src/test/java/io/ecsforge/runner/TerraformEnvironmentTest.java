package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The variables Terraform runs with: the caller's, Go's collector target unless the caller sets
 * one, and the automation settings over both. The binary is a shell-script stand-in that prints
 * them: only the environment is under test here.
 */
class TerraformEnvironmentTest {
    @TempDir Path project;

    private String printed(Map<String, String> callers) throws IOException {
        Path binary = project.resolve("bin/terraform");
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, "#!/bin/sh\necho \"GOGC=${GOGC:-unset} TF_INPUT=${TF_INPUT:-unset}\"\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path directory = Files.createDirectories(project.resolve("stacks/demo"));
        Files.writeString(directory.resolve("cdk.tf.json"), "{}");
        PrintWriter writer = new PrintWriter(new StringWriter(), true);
        Terraform terraform = new Terraform(new TerraformBinary(binary), callers, writer, writer);
        return terraform.capture(new Stack("demo", directory, directory.resolve("cdk.tf.json"), List.of()),
                List.of("plan")).stdout();
    }

    @Test
    void terraformAndItsProviderCollectGarbageLessOftenByDefault() throws IOException {
        assertEquals("GOGC=400 TF_INPUT=0\n", printed(Map.of("PATH", "/usr/bin:/bin")));
    }

    @Test
    void theCallersCollectorTargetWins() throws IOException {
        assertEquals("GOGC=100 TF_INPUT=0\n", printed(Map.of("PATH", "/usr/bin:/bin", "GOGC", "100")));
    }

    @Test
    void theAutomationSettingsWinOverTheCallers() throws IOException {
        assertEquals("GOGC=400 TF_INPUT=0\n", printed(Map.of("PATH", "/usr/bin:/bin", "TF_INPUT", "1")));
    }
}
