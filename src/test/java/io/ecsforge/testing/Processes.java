package io.ecsforge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command to its end for a test, with exactly the given environment and no input. Both
 * streams go to files rather than pipes, so a chatty child can never block on a full pipe.
 */
public final class Processes {
    /** A command that has ended, both streams kept for assertions. */
    public record Finished(List<String> command, int exitCode, String stdout, String stderr) {}

    private Processes() {}

    /** Fails the test when the command is still running after {@code timeout}. */
    public static Finished run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) {
        try {
            Path stdout = Files.createTempFile("ecsforge-child-", ".out");
            Path stderr = Files.createTempFile("ecsforge-child-", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile())
                        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
                builder.environment().clear();
                builder.environment().putAll(environment);
                Process process = builder.start();
                process.getOutputStream().close();
                if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError("timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
                }
                return new Finished(List.copyOf(command), process.exitValue(),
                        Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + String.join(" ", command), e);
        }
    }
}
