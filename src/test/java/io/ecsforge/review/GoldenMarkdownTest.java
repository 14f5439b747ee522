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
 * The Markdown of a few real plans, compared with files in src/test/resources/review/ that are
 * reviewed like code. {@code mvn test -Dgolden.update=true} rewrites them from the current output.
 */
class GoldenMarkdownTest {
    @Test
    void environmentWithChangedUnchangedAndEveryKindOfChange() throws IOException {
        assertGolden("staging-three-stacks.md", List.of(
                new StackPlan("staging", "services", Fixtures.terraform111Plan()),
                new StackPlan("staging", "network", Fixtures.publicPlan("checkov__runner_plan_change_keys.json")),
                new StackPlan("staging", "dns", Fixtures.publicPlan("terraform-json__no_changes.json"))),
                SummaryOptions.defaults());
    }

    @Test
    void openTofuPlanOfTheSameConfiguration() throws IOException {
        assertGolden("opentofu-1.10.md", List.of(new StackPlan("staging", "services", Fixtures.openTofu110Plan())),
                SummaryOptions.defaults());
    }

    @Test
    void terraform012ReplacementWithoutSensitiveMarks() throws IOException {
        assertGolden("terraform-0.12-replacement.md", List.of(
                new StackPlan("dev", "app", Fixtures.publicPlan("terraform-json__config_resource_depends_on.json"))),
                SummaryOptions.defaults());
    }

    @Test
    void twoEnvironmentsWithOutputsAndCreateBeforeDestroy() throws IOException {
        assertGolden("two-environments.md", List.of(
                new StackPlan("prod", "secrets", Fixtures.publicPlan("checkov__runner_plan_with_deleted_resources.json")),
                new StackPlan("dev", "app", Fixtures.publicPlan("terraform-json__120_basic.json")),
                new StackPlan("dev", "tasks", Fixtures.publicPlan("checkov__plan_aws_ecs_task_definition.json"))),
                SummaryOptions.defaults());
    }

    @Test
    void planCutToASmallLimitSaysWhatWasCut() throws IOException {
        assertGolden("cut-to-6000-characters.md", List.of(
                new StackPlan("dev", "platform", Fixtures.publicPlan("checkov__runner_plan_55_creates.json")),
                new StackPlan("dev", "services", Fixtures.terraform111Plan())),
                SummaryOptions.defaults().withMaxChars(6_000));
    }

    @Test
    void realPlanOfAHealthCheckPathChangeUpdatesBothTargetGroups() throws IOException {
        assertGolden("moto-health-check-path.md", List.of(
                new StackPlan("dev", "service", Fixtures.motoPlan("service-health-check-path.json"))),
                SummaryOptions.defaults());
    }

    @Test
    void realPlanOfAThirdZoneOnlyCreates() throws IOException {
        assertGolden("moto-third-zone.md", List.of(
                new StackPlan("dev", "network", Fixtures.motoPlan("network-third-zone.json"))),
                SummaryOptions.defaults());
    }

    @Test
    void realPlansOfANewCanaryPercentAndOfAStackWithoutChanges() throws IOException {
        assertGolden("moto-canary-percent.md", List.of(
                new StackPlan("dev", "delivery", Fixtures.motoPlan("delivery-canary-percent.json")),
                new StackPlan("dev", "registry", Fixtures.motoPlan("registry-no-changes.json"))),
                SummaryOptions.defaults());
    }

    @Test
    void realPlanOfANewTaskPolicyStatementWidensTheTaskRole() throws IOException {
        assertGolden("moto-task-policy.md", List.of(
                new StackPlan("dev", "access", Fixtures.motoPlan("access-task-policy.json"))), SummaryOptions.defaults());
    }

    @Test
    void realPlanOfAnotherGithubRepositoryChangesWhoTheRolesTrust() throws IOException {
        assertGolden("moto-github-repository.md", List.of(
                new StackPlan("dev", "access", Fixtures.motoPlan("access-github-repository.json"))),
                SummaryOptions.defaults());
    }

    @Test
    void realPlanOfTheTestListenerOpenedToTheInternet() throws IOException {
        assertGolden("moto-test-listener-open.md", List.of(
                new StackPlan("dev", "service", Fixtures.motoPlan("service-test-listener-open.json"))),
                SummaryOptions.defaults());
    }

    @Test
    void realPlanOfTheStateBucketReplaced() throws IOException {
        assertGolden("moto-state-bucket-renamed.md", List.of(
                new StackPlan("dev", "state", Fixtures.motoPlan("state-bucket-renamed.json"))), SummaryOptions.defaults());
    }


    @Test
    void realPlanOfATagChangeHasNothingToReviewFirst() throws IOException {
        assertGolden("moto-tags-only.md", List.of(
                new StackPlan("dev", "registry", Fixtures.motoPlan("registry-tags-only.json"))), SummaryOptions.defaults());
    }
    private static void assertGolden(String name, List<StackPlan> stacks, SummaryOptions options) throws IOException {
        String markdown = PlanSummary.render(stacks, options);
        Path golden = Fixtures.repoRoot().resolve("src/test/resources/review").resolve(name);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(golden, markdown, StandardCharsets.UTF_8);
            return;
        }
        assertTrue(Files.isRegularFile(golden),
                "golden file " + golden + " is missing; write it with mvn test -Dgolden.update=true and review it");
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), markdown,
                "Markdown differs from " + golden + "; if the change is intended, rewrite it with"
                        + " -Dgolden.update=true and review the diff");
    }
}
