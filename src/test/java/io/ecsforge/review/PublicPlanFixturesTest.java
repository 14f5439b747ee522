package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real plan in src/test/resources/review/public-plans, with the totals it must give. A file
 * added there without an expectation here fails, so none is skipped silently.
 */
class PublicPlanFixturesTest {
    private sealed interface Expected permits Totals, Refused {}

    /**
     * @param totals every column, as {@link io.ecsforge.review.Totals#toString()} prints it
     * @param entries how many resource_changes entries, no-ops included
     * @param changedOutputs output changes that are not no-ops
     */
    private record Totals(String totals, int entries, int changedOutputs, boolean hasChanges) implements Expected {}

    private record Refused(String message) implements Expected {}

    private static final String NONE = "create=0 update=0 replace=0 delete=0 import=0 move=0 read=0 forget=0";

    private static final Map<String, Expected> EXPECTED = Map.ofEntries(
            Map.entry("checkov__plan_aws_ecs_task_definition.json",
                    new Totals("create=1 update=0 replace=0 delete=0 import=0 move=0 read=0 forget=0", 1, 0, true)),
            Map.entry("checkov__plan_encoding_win_utf16.json",
                    new Totals("create=1 update=0 replace=0 delete=0 import=0 move=0 read=0 forget=0", 1, 0, true)),
            Map.entry("checkov__runner_plan_55_creates.json",
                    new Totals("create=55 update=0 replace=0 delete=0 import=0 move=0 read=0 forget=0", 55, 0, true)),
            Map.entry("checkov__runner_plan_change_keys.json",
                    new Totals("create=0 update=2 replace=0 delete=0 import=0 move=0 read=0 forget=0", 2, 0, true)),
            Map.entry("checkov__runner_plan_corrupted.json",
                    new Refused("checkov__runner_plan_corrupted.json is a Terraform state, not a plan (it has top-level"
                            + " \"values\" and no \"resource_changes\" or \"planned_values\")")),
            Map.entry("checkov__runner_plan_with_deleted_resources.json",
                    new Totals("create=0 update=0 replace=1 delete=0 import=0 move=0 read=0 forget=0", 1, 0, true)),
            Map.entry("terraform-json__120_basic.json",
                    new Totals("create=7 update=0 replace=0 delete=0 import=0 move=0 read=0 forget=0", 7, 8, true)),
            // Terraform 0.12 outputs are not counted: it wrote every output as "create" (see PlanReader).
            Map.entry("terraform-json__basic.json",
                    new Totals("create=7 update=0 replace=0 delete=0 import=0 move=0 read=1 forget=0", 8, 0, true)),
            Map.entry("terraform-json__config_resource_depends_on.json",
                    new Totals("create=0 update=0 replace=1 delete=0 import=0 move=0 read=0 forget=0", 2, 0, true)),
            Map.entry("terraform-json__deep_module.json",
                    new Totals("create=1 update=0 replace=0 delete=0 import=0 move=0 read=0 forget=0", 1, 0, true)),
            Map.entry("terraform-json__explicit_null.json",
                    new Totals("create=3 update=0 replace=0 delete=0 import=0 move=0 read=0 forget=0", 3, 0, true)),
            // The fixture README lists output changes here, but the file is Terraform 0.12.11's and
            // differs from no_changes.json only in random IDs: its outputs are the 0.12 "always create".
            Map.entry("terraform-json__has_changes.json", new Totals(NONE, 6, 0, false)),
            Map.entry("terraform-json__identity.json",
                    new Totals("create=0 update=1 replace=0 delete=0 import=1 move=0 read=0 forget=0", 1, 0, true)),
            Map.entry("terraform-json__invalid.json",
                    new Refused("terraform-json__invalid.json is not valid JSON at line 676, column 29")),
            Map.entry("terraform-json__no_changes.json", new Totals(NONE, 6, 0, false)));

    static Stream<String> publicPlanFiles() throws IOException {
        try (Stream<Path> files = Files.list(Fixtures.publicPlans())) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("publicPlanFiles")
    void publicPlanGivesItsExpectedTotalsOrIsRefused(String fileName) {
        Expected expected = EXPECTED.get(fileName);
        if (expected == null) {
            fail("no expectation for the new fixture " + fileName + "; add its totals to " + getClass().getSimpleName());
        }
        Path file = Fixtures.publicPlan(fileName);
        if (expected instanceof Refused refused) {
            UserError error = assertThrows(UserError.class, () -> PlanReader.read(file), fileName + " must be refused");
            assertTrue(error.getMessage().startsWith(file + refused.message().substring(fileName.length())),
                    "expected a message starting with: " + file + refused.message().substring(fileName.length())
                            + "\nfound: " + error.getMessage());
            return;
        }
        Totals totals = (Totals) expected;
        Plan plan = PlanReader.read(file);
        long changedOutputs = plan.outputs().stream().filter(o -> o.action() != Action.NO_OP).count();
        assertEquals(totals.totals(), plan.totals().toString(), fileName + " totals");
        assertEquals(totals.entries(), plan.changes().size(), fileName + " resource_changes entries");
        assertEquals(totals.changedOutputs(), changedOutputs, fileName + " changed outputs");
        assertEquals(totals.hasChanges(), plan.hasChanges(), fileName + " has changes");
    }

    @Test
    void everyExpectationHasItsFixture() throws IOException {
        TreeSet<String> missing = new TreeSet<>(EXPECTED.keySet());
        missing.removeAll(publicPlanFiles().toList());
        assertEquals(List.of(), List.copyOf(missing), "expected fixtures missing from " + Fixtures.publicPlans());
    }

    @Test
    void everyPublicPlanRendersWithinTheCommentLimit() throws IOException {
        for (String fileName : publicPlanFiles().toList()) {
            if (EXPECTED.get(fileName) instanceof Totals) {
                String markdown = PlanSummary.render(
                        List.of(new StackPlan("dev", "stack", Fixtures.publicPlan(fileName))), SummaryOptions.defaults());
                assertTrue(markdown.length() <= SummaryOptions.GITHUB_COMMENT_LIMIT,
                        fileName + " rendered " + markdown.length() + " characters");
            }
        }
    }
}
