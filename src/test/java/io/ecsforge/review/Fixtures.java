package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.fail;

import io.ecsforge.testing.Repo;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the test plans are: real plans from public projects, and the ones this suite generated. */
final class Fixtures {
    private Fixtures() {}

    static Path repoRoot() {
        String root = System.getProperty("ecsforge.root");
        if (root == null) {
            fail("system property ecsforge.root is not set; run the tests with Maven (surefire sets it to the repository)");
        }
        return Path.of(root).toAbsolutePath().normalize();
    }

    /** The real plans from public projects, in the repository (see the README beside them). */
    static Path publicPlans() {
        Path dir = Repo.publicPlans();
        if (!Files.isDirectory(dir)) {
            fail("the public plan fixtures are missing: expected the directory " + dir);
        }
        return dir;
    }

    static Path publicPlan(String name) {
        Path file = publicPlans().resolve(name);
        if (!Files.isRegularFile(file)) {
            fail("public plan fixture " + file + " is missing");
        }
        return file;
    }

    /** The real Terraform 1.11.4 plan made by src/test/resources/review/real-plans/generate.sh. */
    static Path terraform111Plan() {
        return realPlan("terraform-1.11.4.json");
    }

    /** The same configuration planned by OpenTofu 1.10.10. */
    static Path openTofu110Plan() {
        return realPlan("opentofu-1.10.10.json");
    }

    /**
     * A plan of dev's stacks against moto with the real provider, made and masked by
     * RealProviderLifecycleIT (which also checks that it still summarizes as the stacks plan now).
     */
    static Path motoPlan(String name) {
        return realPlan("moto/" + name);
    }

    private static Path realPlan(String name) {
        return repoRoot().resolve("src/test/resources/review/real-plans").resolve(name);
    }
}
