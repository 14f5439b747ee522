package io.ecsforge.testing;

import java.nio.file.Path;

/** Where the repository and its test data are, as Maven's surefire tells the tests. */
public final class Repo {
    private Repo() {}

    public static Path root() {
        String root = System.getProperty("ecsforge.root");
        return Path.of(root == null ? "." : root).toAbsolutePath().normalize();
    }

    public static Path config() {
        return root().resolve("config");
    }

    /**
     * Real plans from two public projects, kept in the repository so that a clone tests on its own;
     * their provenance and licences are in the README there.
     */
    public static Path publicPlans() {
        return root().resolve("src/test/resources/review/public-plans");
    }
}
