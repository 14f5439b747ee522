package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Generated plans with thousands of changes: the comment stays under GitHub's limit and says what it cut. */
class SizeLimitTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void thousandsOfChangesStayUnderTheCommentLimitWithAllWarningsAndTotals() throws IOException {
        Path big = plan("big", 3000, 600, 150, 50);
        Path small = plan("small", 2, 0, 0, 0);
        String markdown = PlanSummary.render(
                List.of(new StackPlan("prod", "services", big), new StackPlan("prod", "network", small)),
                SummaryOptions.defaults());

        assertTrue(markdown.length() <= SummaryOptions.GITHUB_COMMENT_LIMIT, "length " + markdown.length());
        assertContains(markdown, "**`prod`**: 2 of 2 stacks change (`network`, `services`): 600 to create,"
                + " 3002 to update, 50 to replace, 150 to delete, 0 to import, 0 to move, 0 to read.");
        assertContains(markdown, "> **200 resources will be deleted or replaced:** 150 deleted, 50 replaced.");
        for (int i = 0; i < 150; i++) {
            assertContains(markdown, "> - **delete** `aws_s3_bucket.gone[" + i + "]` in `prod` / `services`");
        }
        assertContains(markdown, "> [!NOTE]\n> Shortened to stay under the 65,536-character comment limit: cut ");
        assertContains(markdown, " attribute diffs cut to fit the comment size limit");
    }

    @Test
    void soManyDeletionsThatWarningsAloneOverflowKeepTheirCount() throws IOException {
        Path huge = plan("huge", 0, 0, 5000, 0);
        String markdown = PlanSummary.render(List.of(new StackPlan("prod", "data", huge)), SummaryOptions.defaults());

        assertTrue(markdown.length() <= SummaryOptions.GITHUB_COMMENT_LIMIT, "length " + markdown.length());
        assertContains(markdown, "> **5000 resources will be deleted or replaced:** 5000 deleted, 0 replaced.");
        assertContains(markdown, "**`prod`**: 1 of 1 stack changes (`data`): 0 to create, 0 to update, 0 to replace,"
                + " 5000 to delete, 0 to import, 0 to move, 0 to read.");
        assertTrue(markdown.matches("(?s).*> - _\\d+ of 5000 warning lines cut to fit the comment size limit\\._\n.*"),
                "expected a note saying how many warning lines were cut, found:\n" + markdown.substring(0, 3000));
    }

    @Test
    void reviewItemsAreCutAfterEverythingButTheWarningsAndKeepTheirCount() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(Files.readAllBytes(plan("mixed", 0, 0, 100, 0)));
        ArrayNode changes = (ArrayNode) plan.get("resource_changes");
        for (int i = 0; i < 3000; i++) {
            ObjectNode change = change(changes, "aws_vpc_security_group_ingress_rule.open[" + i + "]", "create");
            change.putNull("before");
            change.putObject("after").put("cidr_ipv4", "0.0.0.0/0").put("ip_protocol", "tcp").put("from_port", i)
                    .put("to_port", i);
        }
        Path file = Files.write(dir.resolve("mixed-open.json"), JSON.writeValueAsBytes(plan));
        String markdown = PlanSummary.render(List.of(new StackPlan("prod", "edge", file)), SummaryOptions.defaults());

        assertTrue(markdown.length() <= SummaryOptions.GITHUB_COMMENT_LIMIT, "length " + markdown.length());
        assertContains(markdown, "### Review first\n\n**Network exposure** (3000)\n\n- [`aws_vpc_security_group_ingress_rule.open[0]`]");
        assertContains(markdown, "**Data at risk** (100)\n\n");
        assertTrue(markdown.matches("(?s).*- _\\d+ of 3000 review items cut to fit the comment size limit\\._\n.*"),
                "expected a note saying how many review items were cut, found:\n" + markdown.substring(0, 3000));
        for (int i = 0; i < 100; i++) {
            assertContains(markdown, "> - **delete** `aws_s3_bucket.gone[" + i + "]` in `prod` / `edge`");
        }
        assertContains(markdown, "3100 resource rows");
    }

    @Test
    void smallerLimitsAreHonouredToo() throws IOException {
        Path big = plan("big", 500, 100, 20, 5);
        for (int limit : new int[] {1_000, 5_000, 20_000}) {
            String markdown = PlanSummary.render(List.of(new StackPlan("dev", "app", big)),
                    SummaryOptions.defaults().withMaxChars(limit));
            assertTrue(markdown.length() <= limit, "limit " + limit + ", length " + markdown.length());
            assertContains(markdown, "<!-- ecsforge-plan:dev -->\n");
        }
    }

    @Test
    void orderOfTheInputDoesNotChangeTheOutput() throws IOException {
        List<StackPlan> stacks = new ArrayList<>();
        for (String env : List.of("prod", "dev")) {
            for (String stack : List.of("network", "cluster", "services")) {
                stacks.add(new StackPlan(env, stack, plan(env + stack, 20, 3, 2, 1)));
            }
        }
        String first = PlanSummary.render(stacks, SummaryOptions.defaults().withMaxChars(20_000));
        Collections.shuffle(stacks, new Random(7));
        assertEquals(first, PlanSummary.render(stacks, SummaryOptions.defaults().withMaxChars(20_000)));
    }

    /** A plan in Terraform 1.11's format with the given numbers of updates, creates, deletes and replacements. */
    private Path plan(String name, int updates, int creates, int deletes, int replaces) throws IOException {
        ObjectNode plan = JSON.createObjectNode();
        plan.put("format_version", "1.2").put("terraform_version", "1.11.4").putObject("planned_values");
        ArrayNode changes = plan.putArray("resource_changes");
        for (int i = 0; i < updates; i++) {
            ObjectNode change = change(changes, "aws_ecs_service.svc[" + i + "]", "update");
            change.putObject("before").put("desired_count", 2).put("task_definition", "web:" + i)
                    .put("name", "service-" + i);
            change.putObject("after").put("desired_count", 3).put("task_definition", "web:" + (i + 1))
                    .put("name", "service-" + i);
        }
        for (int i = 0; i < creates; i++) {
            ObjectNode change = change(changes, "aws_cloudwatch_log_group.new[" + i + "]", "create");
            change.putNull("before");
            change.putObject("after").put("name", "/ecs/new-" + i).put("retention_in_days", 30);
            change.putObject("after_unknown").put("arn", true);
        }
        for (int i = 0; i < deletes; i++) {
            ObjectNode change = change(changes, "aws_s3_bucket.gone[" + i + "]", "delete");
            change.putObject("before").put("bucket", "old-bucket-" + i);
            change.putNull("after");
        }
        for (int i = 0; i < replaces; i++) {
            ObjectNode change = change(changes, "aws_lb_target_group.tg[" + i + "]", "delete", "create");
            change.putObject("before").put("port", 80).put("name", "tg-" + i);
            change.putObject("after").put("port", 8080).put("name", "tg-" + i);
            change.putArray("replace_paths").addArray().add("port");
        }
        return Files.write(dir.resolve(name + ".json"), JSON.writeValueAsBytes(plan));
    }

    private static ObjectNode change(ArrayNode changes, String address, String... actions) {
        ObjectNode entry = changes.addObject().put("address", address);
        if (actions[0].equals("delete") && actions.length == 1) {
            entry.put("action_reason", "delete_because_no_resource_config");
        } else if (actions.length == 2) {
            entry.put("action_reason", "replace_because_cannot_update");
        }
        ObjectNode change = entry.putObject("change");
        ArrayNode list = change.putArray("actions");
        for (String action : actions) {
            list.add(action);
        }
        change.putObject("before_sensitive");
        change.putObject("after_sensitive");
        return change;
    }

    private static void assertContains(String markdown, String expected) {
        assertTrue(markdown.contains(expected), "expected to find:\n" + expected + "\nin:\n"
                + (markdown.length() > 4000 ? markdown.substring(0, 4000) + "\n…" : markdown));
    }
}
