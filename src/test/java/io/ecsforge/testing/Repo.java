package io.ecsforge.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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

    /** The modules {@code ecsforge modules} writes, as checked in. */
    public static Path modules() {
        return root().resolve("modules");
    }

    /**
     * The files under {@code folder} as {@code ecsforge modules} would write them, relative and
     * sorted: what Terraform makes when it runs there ({@code .terraform/}, lock files) left out.
     */
    public static List<Path> moduleFiles(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(folder::relativize).filter(Repo::notTerraformsOwn).sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Copies the checked-in {@code modules/} into {@code target}, for a test that runs Terraform
     * in them: init writes {@code .terraform/} and lock files, which must not land in the
     * repository. Returns {@code target}.
     */
    public static Path copyModules(Path target) {
        try {
            for (Path file : moduleFiles(modules())) {
                Path copy = target.resolve(file.toString());
                Files.createDirectories(copy.getParent());
                Files.copy(modules().resolve(file), copy);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    private static boolean notTerraformsOwn(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals(".terraform") || part.toString().endsWith(".lock.hcl")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Real plans from two public projects, kept in the repository so that a clone tests on its own;
     * their provenance and licences are in the README there.
     */
    public static Path publicPlans() {
        return root().resolve("src/test/resources/review/public-plans");
    }
}
