package io.ecsforge.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real tools that {@code scripts/setup-tools.sh} installs into the tools cache, which
 * surefire names in the system property {@code ecsforge.cache}. A test that needs an absent
 * tool is skipped, with the reason and the command that installs it. Call these from a test or
 * a {@code @BeforeEach} method, not {@code @BeforeAll}: a class skipped as a whole is reported
 * as no tests at all rather than as skipped tests.
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

    /** terraform-docs, which fills the inputs and outputs tables of a module's README. */
    public static Path terraformDocs() {
        return executable(cache().resolve("bin").resolve("terraform-docs"));
    }

    /** The venv's Python, which has moto and boto3; skips the test when absent. */
    public static Path python() {
        return executable(cache().resolve("venv").resolve("bin").resolve("python"));
    }

    public static Path motoServer() {
        return executable(cache().resolve("venv").resolve("bin").resolve("moto_server"));
    }

    /** The AWS CLI (v1) in the venv, which the release replay runs the workflow's steps with. */
    public static Path aws() {
        return executable(cache().resolve("venv").resolve("bin").resolve("aws"));
    }

    public static Path checkov() {
        return executable(cache().resolve("venv").resolve("bin").resolve("checkov"));
    }

    /** The IAM policy linter; a venv made before it joined tools/requirements.txt lacks it. */
    public static Path parliament() {
        return executable(cache().resolve("venv").resolve("bin").resolve("parliament"));
    }

    /** Whether every named tool ({@code bin/tofu}, {@code venv/bin/python}, ...) is installed. */
    public static boolean installed(String... relativePaths) {
        for (String relative : relativePaths) {
            if (missing(cache().resolve(relative)) != null) {
                return false;
            }
        }
        return true;
    }

    /** Why the tool cannot be used, or null when it can. */
    static String missing(Path path) {
        return Files.isExecutable(path) ? null
                : path + " is not installed; run scripts/setup-tools.sh (tools cache: " + cache() + ")";
    }

    private static Path executable(Path path) {
        String missing = missing(path);
        assumeTrue(missing == null, missing);
        return path;
    }
}
