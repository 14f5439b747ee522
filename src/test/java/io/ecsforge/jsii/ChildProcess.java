package io.ecsforge.jsii;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A command run to its end, its output kept for assertions. */
record ChildProcess(List<String> command, int exitCode, String stdout, String stderr) {
    private static final long TIMEOUT_SECONDS = 300;

    /** The Node.js that jsii runs (surefire sets JSII_NODE). */
    static String node() {
        String node = System.getenv("JSII_NODE");
        return node == null || node.isEmpty() ? "node" : node;
    }

    static ChildProcess run(List<String> command, Path dir, Map<String, String> environment) {
        try {
            Path stdout = Files.createTempFile("child", ".out");
            Path stderr = Files.createTempFile("child", ".err");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile())
                        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
                builder.environment().putAll(environment);
                Process process = builder.start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s: " + command);
                }
                return new ChildProcess(command, process.exitValue(),
                        Files.readString(stdout, StandardCharsets.UTF_8), Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    /** Fails showing the command and both streams unless it exited with 0. */
    ChildProcess succeeded() {
        if (exitCode != 0) {
            throw new AssertionError(this.toString());
        }
        return this;
    }

    @Override
    public String toString() {
        return String.join(" ", command) + "\nexit code: " + exitCode + "\nstdout:\n" + stdout + "\nstderr:\n" + stderr;
    }
}
