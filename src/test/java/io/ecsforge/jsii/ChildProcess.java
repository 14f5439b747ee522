package io.ecsforge.jsii;

import io.ecsforge.testing.Processes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A command run to its end, its output kept for assertions. */
record ChildProcess(List<String> command, int exitCode, String stdout, String stderr) {
    private static final long TIMEOUT_SECONDS = 300;

    /** The Node.js that jsii runs (surefire sets JSII_NODE). */
    static String node() {
        String node = System.getenv("JSII_NODE");
        return node == null || node.isEmpty() ? "node" : node;
    }

    /** Runs {@code command} with this JVM's environment and {@code environment} on top of it. */
    static ChildProcess run(List<String> command, Path dir, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(System.getenv());
        merged.putAll(environment);
        Processes.Finished finished = Processes.run(command, dir, merged, Duration.ofSeconds(TIMEOUT_SECONDS));
        return new ChildProcess(command, finished.exitCode(), finished.stdout(), finished.stderr());
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
