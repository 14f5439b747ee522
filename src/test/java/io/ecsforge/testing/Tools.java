package io.ecsforge.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real tools that {@code scripts/setup-tools.sh} installs into the tools cache, which
 * surefire names in the system property {@code ecsforge.cache}. A test that needs an absent
 * tool is skipped, with the reason and the command that installs it.
 */
public final class Tools {
    private Tools() {}

    /** The tools cache: {@code -Decsforge.cache}, else {@code $ECSFORGE_CACHE}, else ~/.cache/ecsforge. */
    public static Path cache() {
        String property = System.getProperty("ecsforge.cache");
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = System.getenv("ECSFORGE_CACHE");
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "ecsforge");
    }

    /** OpenTofu, built from source by setup-tools.sh; skips the test when absent. */
    public static Path tofu() {
        return executable(cache().resolve("bin").resolve("tofu"));
    }

    public static Path actionlint() {
        return executable(cache().resolve("bin").resolve("actionlint"));
    }

    public static Path hclcheck() {
        return executable(cache().resolve("bin").resolve("hclcheck"));
    }

    /** The venv's Python, which has moto and boto3; skips the test when absent. */
    public static Path python() {
        return executable(cache().resolve("venv").resolve("bin").resolve("python"));
    }

    public static Path motoServer() {
        return executable(cache().resolve("venv").resolve("bin").resolve("moto_server"));
    }

    public static Path checkov() {
        return executable(cache().resolve("venv").resolve("bin").resolve("checkov"));
    }

    private static Path executable(Path path) {
        assumeTrue(Files.isExecutable(path),
                () -> path + " is not installed; run scripts/setup-tools.sh (tools cache: " + cache() + ")");
        return path;
    }
}
