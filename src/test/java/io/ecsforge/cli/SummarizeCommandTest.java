package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummarizeCommandTest {
    private static final String HOW = "give the JSON that `terraform show -json PLANFILE` writes";

    @TempDir Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return Main.run(args, new PrintWriter(out), new PrintWriter(err));
    }

    private static Path plans() {
        return Repo.publicPlans();
    }

    @Test
    void summaryGoesToStdoutWithStackNamedAfterTheFile() {
        int code = run("summarize", "--env", "dev", plans().resolve("checkov__runner_plan_change_keys.json").toString());
        assertEquals(ExitCodes.OK, code, "stderr: " + err);
        assertTrue(out.toString().startsWith("<!-- ecsforge-plan:dev -->\n## Terraform plan for `dev`\n"), out.toString());
        assertTrue(out.toString().contains("### `dev` / `checkov__runner_plan_change_keys`: 2 to update"), out.toString());
        assertEquals("", err.toString());
    }

    @Test
    void stackAndEnvironmentCanBeNamedPerFile() {
        int code = run("summarize", "prod/network=" + plans().resolve("checkov__runner_plan_change_keys.json"),
                "prod/dns=" + plans().resolve("terraform-json__no_changes.json"));
        assertEquals(ExitCodes.OK, code, "stderr: " + err);
        assertTrue(out.toString().contains("**`prod`**: 1 of 2 stacks change (`network`): 0 to create, 2 to update,"
                + " 0 to replace, 0 to delete, 0 to import, 0 to move, 0 to read.  \nNo changes: `dns`."), out.toString());
    }

    @Test
    void outputOptionWritesTheFileAndNothingToStdout() throws IOException {
        Path md = dir.resolve("plan.md");
        int code = run("summarize", "--output", md.toString(), plans().resolve("terraform-json__deep_module.json").toString());
        assertEquals(ExitCodes.OK, code, "stderr: " + err);
        assertEquals("", out.toString());
        assertTrue(Files.readString(md).contains("`module.foo.module.bar.null_resource.baz`"), Files.readString(md));
    }

    @Test
    void missingPlanFileExitsTwoNamingIt() {
        Path missing = dir.resolve("services.json");
        assertRefused(ExitCodes.BAD_INPUT, "error: " + missing + " does not exist; " + HOW + "\n", "summarize",
                missing.toString());
    }

    @Test
    void stateFileExitsTwoSayingItIsAState() {
        Path state = plans().resolve("checkov__runner_plan_corrupted.json");
        assertRefused(ExitCodes.BAD_INPUT, "error: " + state + " is a Terraform state, not a plan (it has top-level"
                + " \"values\" and no \"resource_changes\" or \"planned_values\"); " + HOW
                + ", not `terraform show -json` alone\n", "summarize", state.toString());
    }

    @Test
    void invalidJsonExitsTwoWithWhereItBreaks() {
        Path invalid = plans().resolve("terraform-json__invalid.json");
        assertRefused(ExitCodes.BAD_INPUT, "error: " + invalid + " is not valid JSON at line 676, column 29 (Unexpected"
                + " close marker '}': no open Object to close); " + HOW + "\n", "summarize", invalid.toString());
    }

    @Test
    void emptyFileExitsTwo() throws IOException {
        Path empty = Files.createFile(dir.resolve("empty.json"));
        assertRefused(ExitCodes.BAD_INPUT, "error: " + empty + " is empty; " + HOW + " (did the plan step fail?)\n",
                "summarize", empty.toString());
    }

    @Test
    void sameStackTwiceExitsTwo() {
        Path plan = plans().resolve("terraform-json__deep_module.json");
        assertRefused(ExitCodes.BAD_INPUT, "error: stack \"app\" of environment \"dev\" is given twice (again as "
                + plan + "); give each stack once, or name them with STACK=FILE\n",
                "summarize", "--env", "dev", "app=" + plan, "app=" + plan);
    }

    @Test
    void tooSmallLimitExitsTwo() {
        assertRefused(ExitCodes.BAD_INPUT, "error: --max-chars must be at least 1000, got 10\n",
                "summarize", "--max-chars", "10", plans().resolve("terraform-json__deep_module.json").toString());
    }

    @Test
    void failOnACategoryWithItemsExitsThreeAfterWritingTheSummary() {
        int code = run("summarize", "--fail-on", "network-exposure,data-at-risk", "dev/service=" + motoPlan("service-test-listener-open.json"));
        assertEquals(ExitCodes.REVIEW_GATE, code, "stderr: " + err);
        assertTrue(out.toString().contains("**Network exposure** (1)\n"), out.toString());
        assertEquals("review gate: the plans have network-exposure items (--fail-on); exit code 3\n", err.toString());
    }

    @Test
    void failOnCategoriesWithoutItemsExitsZero() {
        int code = run("summarize", "--fail-on", "permissions-widened,data-at-risk", "dev/service=" + motoPlan("service-test-listener-open.json"));
        assertEquals(ExitCodes.OK, code, "stderr: " + err);
        assertEquals("", err.toString());
    }

    @Test
    void jsonFormatListsReviewItemsByCategory() {
        int code = run("summarize", "--format", "json", "--fail-on", "permissions-widened",
                "dev/access=" + motoPlan("access-task-policy.json"));
        assertEquals(ExitCodes.REVIEW_GATE, code, "stderr: " + err);
        assertTrue(out.toString().startsWith("{\n  \"format_version\" : 1,\n  \"review_first\" : {\n"
                + "    \"permissions-widened\" : [ {\n      \"environment\" : \"dev\",\n      \"stack\" : \"access\",\n"
                + "      \"address\" : \"aws_iam_role_policy.task_policy\",\n      \"rule\" : \"policy-statements\",\n"), out.toString());
    }

    @Test
    void unknownFailOnCategoryExitsTwoListingTheAllowedOnes() {
        assertRefused(ExitCodes.BAD_INPUT, "error: --fail-on network is not a category; allowed: permissions-widened,"
                + " network-exposure, data-at-risk, release-safety, permissions-narrowed\n",
                "summarize", "--fail-on", "network", plans().resolve("terraform-json__deep_module.json").toString());
    }

    @Test
    void unknownFormatExitsTwo() {
        assertRefused(ExitCodes.BAD_INPUT, "error: --format yaml is not known; allowed: markdown, json\n",
                "summarize", "--format", "yaml", plans().resolve("terraform-json__deep_module.json").toString());
    }

    private static Path motoPlan(String name) {
        return Repo.root().resolve("src/test/resources/review/real-plans/moto").resolve(name);
    }

    private void assertRefused(int expectedCode, String expectedErr, String... args) {
        int code = run(args);
        assertEquals(expectedErr, err.toString());
        assertEquals(expectedCode, code);
        assertEquals("", out.toString(), "nothing on stdout when refused");
    }
}
