package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Plan fields that the real plans here do not hold (errored plans, deposed objects, forget,
 * deferred changes), written by hand in the shape Terraform's JSON plan format documents.
 */
class HandWrittenPlanTest {
    private static String render(String json) {
        Plan plan = PlanReader.parse("hand-written.json", json.getBytes(StandardCharsets.UTF_8));
        return MarkdownRenderer.render(List.of(new PlannedStack("dev", "app", plan)), SummaryOptions.defaults());
    }

    private static void assertContains(String markdown, String expected) {
        assertTrue(markdown.contains(expected), "expected to find:\n" + expected + "\nin:\n" + markdown);
    }

    @Test
    void handWrittenErroredPlanIsWarnedAboutFirst() {
        String markdown = render("{\"format_version\": \"1.2\", \"planned_values\": {}, \"errored\": true}");
        assertContains(markdown, "> [!CAUTION]\n> **Terraform reported errors while planning `dev` / `app`: that plan"
                + " is incomplete and must not be applied.**\n");
    }

    @Test
    void handWrittenDeposedObjectDeletionNamesItsKey() {
        String markdown = render("""
                {"planned_values": {}, "resource_changes": [{"address": "aws_lb.main", "deposed": "00a1b2c3",
                  "change": {"actions": ["delete"], "before": {"name": "main"}, "after": null,
                    "before_sensitive": {}, "after_sensitive": false}}]}
                """);
        assertContains(markdown, "> - **delete** `aws_lb.main` (deposed object `00a1b2c3`) in `dev` / `app`");
        assertContains(markdown, "| `-` delete | `aws_lb.main` | deposed object `00a1b2c3` |");
    }

    @Test
    void handWrittenReplacementThatKeepsTheOldObjectIsWarnedAbout() {
        String markdown = render("""
                {"planned_values": {}, "resource_changes": [{"address": "aws_instance.a",
                  "action_reason": "replace_by_request",
                  "change": {"actions": ["create", "forget"], "before": {"ami": "a"}, "after": {"ami": "a"},
                    "before_sensitive": {}, "after_sensitive": {}}}]}
                """);
        assertContains(markdown, "> - **replace, old object kept** `aws_instance.a` in `dev` / `app`: created; the"
                + " old one is only removed from the state and keeps running; replacement requested with -replace"
                + " (`replace_by_request`)");
    }

    @Test
    void handWrittenForgetIsCountedButNotWarnedAbout() {
        String markdown = render("""
                {"planned_values": {}, "resource_changes": [{"address": "aws_s3_bucket.keep",
                  "change": {"actions": ["forget"], "before": {"bucket": "b"}, "after": null,
                    "before_sensitive": {}, "after_sensitive": false}}]}
                """);
        assertContains(markdown, "0 to read, 1 to forget.");
        assertTrue(!markdown.contains("[!CAUTION]"), markdown);
    }

    @Test
    void handWrittenDeferredChangeIsListedWithItsReasonAndNotCounted() {
        String markdown = render("""
                {"planned_values": {}, "deferred_changes": [{"reason": "provider_config_unknown",
                  "resource_change": {"address": "aws_ecs_service.web",
                    "change": {"actions": ["create"], "before": null, "after": {}}}}]}
                """);
        assertContains(markdown, "| `aws_ecs_service.web` | create | `provider_config_unknown` |");
        assertContains(markdown, "no changes in 1 stack.");
    }
}
