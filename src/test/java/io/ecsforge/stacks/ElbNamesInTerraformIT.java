package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.RealProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The load balancer's and target groups' names a module computes in Terraform, from
 * {@code app} and {@code environment}, are the names {@link ElbNames} gives the stacks: the
 * expression {@code ElbNames.of} writes for a prefix of variables is evaluated by
 * {@code terraform console} and compared with the Java for names that fit, names one character
 * too long, the longest names the file allows, and a cut that falls on a dash.
 */
class ElbNamesInTerraformIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "${var.app}-${var.environment}";

    @TempDir Path work;

    @ParameterizedTest(name = "{0}-{1}")
    @CsvSource({
        "webapp, dev",
        "webapp, prod",
        "abcdefghij-klmnopqrst, abcdefghij",
        "abcdefghij-klmnopqrst, abcdefghijklmnop",
        "abcdefghijklmnopqrs, a-b-c-d-e-f-g-h",
        "abcdefghijklmnopqrstu, x",
        "a1, abcdefghijklmnop",
    })
    void terraformComputesTheNamesJavaComputes(String app, String environment) throws IOException {
        List<String> suffixes = List.of("", EnvironmentNames.BLUE, EnvironmentNames.GREEN);
        List<String> expressions = new ArrayList<>();
        List<String> expected = new ArrayList<>();
        for (String suffix : suffixes) {
            String name = ElbNames.of(PREFIX, suffix);
            expressions.add(name.substring(2, name.length() - 1));
            expected.add(ElbNames.of(app + "-" + environment, suffix));
        }
        Files.writeString(work.resolve("main.tf"), """
                variable "app" {
                  type = string
                }

                variable "environment" {
                  type = string
                }
                """);
        Path input = Files.writeString(work.resolve("input.txt"), "jsonencode([" + String.join(", ", expressions) + "])\n");
        Path output = work.resolve("output.txt");
        Path errors = work.resolve("errors.txt");
        ProcessBuilder console = new ProcessBuilder(RealProvider.terraform().path().toString(), "console", "-var", "app=" + app,
                "-var", "environment=" + environment)
                .directory(work.toFile()).redirectInput(input.toFile()).redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        int exitCode;
        try {
            Process process = console.start();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError("terraform console still running after a minute");
            }
            exitCode = process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        String stdout = Files.readString(output);
        String stderr = Files.readString(errors);
        assertEquals(0, exitCode, () -> "terraform console: " + stdout + stderr);
        JsonNode names = JSON.readTree(JSON.readTree(stdout.trim()).asText());
        List<String> computed = new ArrayList<>();
        names.forEach(name -> computed.add(name.asText()));
        assertEquals(expected, computed, () -> "Java's names, then Terraform's, for " + app + "-" + environment
                + " with the suffixes " + suffixes);
    }
}
