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
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan --caller-credentials}: prod's stacks assume aws.assumeRoleArn, which a pull
 * request's read-only plan role may not do; with the flag, nothing assumes it.
 */
class CallerCredentialsTest {
    @TempDir Path project;

    /** Only found, then run for init, where it fails: the run stops after synthesis. */
    private Path failingBinary() throws IOException {
        Path binary = project.resolve("tofu");
        Files.writeString(binary, "#!/bin/sh\nexit 1\n");
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        return binary;
    }

    private String synthesizedText() throws IOException {
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(project.resolve("cdktf.out/stacks"))) {
            for (Path file : files.filter(p -> p.getFileName().toString().equals("cdk.tf.json")).sorted().toList()) {
                text.append(Files.readString(file));
            }
        }
        return text.toString();
    }

    @Test
    void planWithCallerCredentialsSynthesizesNoAssumedRoleWithAFailingStandInBinary() throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.copy(Repo.config().resolve("prod.yaml"), project.resolve("config/prod.yaml"));

        CliResult result = CliResult.run(Map.of(), "plan", "--env", "prod", "--caller-credentials",
                "-C", project.toString(), "--terraform", failingBinary().toString());

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("synthesized prod: webapp-prod-state, "), result::toString);
        String synthesized = synthesizedText();
        assertFalse(synthesized.contains("\"assume_role\""), "a provider, backend or remote state still assumes a role");
        assertTrue(synthesized.contains("\"arn:aws:iam::210987654321:role/platform-admin\""),
                "the deploy role may still assume the admin role, as configured");
        assertTrue(synthesized.contains("\"allowed_account_ids\": [\n          \"210987654321\"\n        ]"),
                "the account guard must stay");
    }

    @Test
    void planWithoutTheFlagKeepsTheAssumedRole() throws IOException {
        Files.createDirectories(project.resolve("config"));
        Files.copy(Repo.config().resolve("prod.yaml"), project.resolve("config/prod.yaml"));

        CliResult result = CliResult.run(Map.of(), "plan", "--env", "prod", "--stack", "network",
                "-C", project.toString(), "--terraform", failingBinary().toString());

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(synthesizedText().contains("\"role_arn\": \"arn:aws:iam::210987654321:role/platform-admin\""),
                "prod's stacks assume aws.assumeRoleArn");
    }

    @Test
    void callerCredentialsWithNoSynthIsRefusedBeforeAnythingRuns() throws IOException {
        CliResult result = CliResult.run(Map.of(), "plan", "--env", "prod", "--caller-credentials", "--no-synth",
                "-C", project.toString(), "--terraform", failingBinary().toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("error: --caller-credentials: it changes what is synthesized, so it cannot go with --no-synth;"
                + " drop one of them", result.err().strip(), result::toString);
        assertEquals(List.of(), List.of(project.toFile().list((dir, name) -> name.equals("cdktf.out"))));
    }
}
