package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code summarize --format json} of the real plans the Markdown goldens use, compared with files
 * in src/test/resources/review/json/ that are reviewed like code. {@code mvn test
 * -Dgolden.update=true} rewrites them from the current output.
 */
class GoldenJsonTest {
    @Test
    void securityReviewPlansOfDevInOneSummary() throws IOException {
        assertGolden("moto-security-review.json", List.of(
                new StackPlan("dev", "access", Fixtures.motoPlan("access-task-policy.json")),
                new StackPlan("dev", "service", Fixtures.motoPlan("service-test-listener-open.json")),
                new StackPlan("dev", "state", Fixtures.motoPlan("state-bucket-renamed.json")),
                new StackPlan("dev", "delivery", Fixtures.motoPlan("delivery-canary-percent.json"))));
    }

    @Test
    void trustPolicyChange() throws IOException {
        assertGolden("moto-github-repository.json", List.of(
                new StackPlan("dev", "access", Fixtures.motoPlan("access-github-repository.json"))));
    }


    @Test
    void tagChangeHasEmptyReviewCategories() throws IOException {
        assertGolden("moto-tags-only.json", List.of(
                new StackPlan("dev", "registry", Fixtures.motoPlan("registry-tags-only.json"))));
    }
    @Test
    void terraform111PlanWithSensitiveValuesAndEveryKindOfChange() throws IOException {
        assertGolden("terraform-1.11.4.json", List.of(new StackPlan("staging", "services", Fixtures.terraform111Plan())));
    }

    private static void assertGolden(String name, List<StackPlan> stacks) throws IOException {
        String json = PlanSummary.renderJson(stacks);
        Path golden = Fixtures.repoRoot().resolve("src/test/resources/review/json").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, json, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(golden),
                "golden file " + golden + " is missing; write it with mvn test -Dgolden.update=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), json,
                "JSON differs from " + golden + "; if the change is intended, rewrite it with"
                        + " -Dgolden.update=true and review the diff");
    }
}
