package io.ecsforge.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository and the shared test data are, as Maven's surefire tells the tests. */
public final class Repo {
    private Repo() {}

    public static Path root() {
        String root = System.getProperty("ecsforge.root");
        return Path.of(root == null ? "." : root).toAbsolutePath().normalize();
    }

    public static Path config() {
        return root().resolve("config");
    }

    /** The shared fixtures beside the repository; fails loudly when they are not there. */
    public static Path fixtures() {
        Path fixtures = root().resolveSibling("shared").resolve("fixtures");
        if (!Files.isDirectory(fixtures)) {
            throw new IllegalStateException("test fixtures not found at " + fixtures);
        }
        return fixtures;
    }
}
