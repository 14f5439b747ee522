package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known secrets planted in plans must never reach the Markdown. The plans hold them in clear, as
 * real plans do; each test first checks the secret really is in its input.
 */
class SensitiveValuesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path dir;

    @Test
    void secretsOfARealTerraform111PlanNeverAppear() throws IOException {
        // Set by generate.sh: a sensitive variable before and after, and a sensitive() literal.
        assertAbsent(Fixtures.terraform111Plan(), "first-secret-Xq7", "second-secret-Kp9", "created-token-Zr4");
    }

    @Test
    void secretsOfARealOpenTofu110PlanNeverAppear() throws IOException {
        assertAbsent(Fixtures.openTofu110Plan(), "first-secret-Xq7", "second-secret-Kp9", "created-token-Zr4");
    }

    @Test
    void secretEchoedUnmarkedByTerraformIsMaskedToo() throws IOException {
        // terraform_data.app's "output" repeats the sensitive input with no sensitive mark.
        String markdown = render(Fixtures.terraform111Plan());
        assertTrue(markdown.contains("| `output` | _(sensitive)_ | _(known after apply)_ |"),
                "expected the unmarked copy masked, found:\n" + markdown);
    }

    @Test
    void plantedSecretsInDriftDeferredOutputsAndMapKeysNeverAppear() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(Files.readAllBytes(Fixtures.terraform111Plan()));
        ArrayNode drift = plan.putArray("resource_drift");
        drift.add(JSON.readTree("""
                {"address": "aws_db_instance.main", "mode": "managed", "type": "aws_db_instance", "name": "main",
                 "change": {"actions": ["update"],
                   "before": {"password": "drift-secret-Mm1", "port": 5432, "endpoint": "a"},
                   "after": {"password": "drift-secret-Mm2", "port": 5433, "endpoint": "x-drift-secret-Mm2-y"},
                   "after_unknown": {}, "before_sensitive": {"password": true}, "after_sensitive": {"password": true}}}
                """));
        ArrayNode changes = (ArrayNode) plan.get("resource_changes");
        changes.add(JSON.readTree("""
                {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition",
                 "name": "web", "change": {"actions": ["create"], "before": null,
                   "after": {"environment": {"MAP-KEY-SECRET-Q2": "map-value-secret-Q3"}, "family": "web"},
                   "after_unknown": {"arn": true}, "before_sensitive": false, "after_sensitive": {"environment": true}}}
                """));
        changes.add(JSON.readTree("""
                {"address": "aws_iam_access_key.ci", "mode": "managed", "type": "aws_iam_access_key", "name": "ci",
                 "change": {"actions": ["no-op"], "before": {"id": "import-id-secret-W4"},
                   "after": {"id": "import-id-secret-W4"}, "after_unknown": {},
                   "before_sensitive": {"id": true}, "after_sensitive": {"id": true},
                   "importing": {"id": "import-id-secret-W4"}}}
                """));
        plan.putArray("deferred_changes").add(JSON.readTree("""
                {"reason": "provider_config_unknown", "resource_change": {"address": "aws_secret.later",
                 "change": {"actions": ["create"], "before": null, "after": {"value": "deferred-secret-D5"},
                   "after_unknown": {}, "before_sensitive": false, "after_sensitive": {"value": true}}}}
                """));
        ((ObjectNode) plan.get("output_changes")).set("nested", JSON.readTree("""
                {"actions": ["update"], "before": {"user": "u", "token": "output-secret-O6"},
                 "after": {"user": "u", "token": "output-secret-O7"}, "after_unknown": false,
                 "before_sensitive": {"token": true}, "after_sensitive": {"token": true}}
                """));
        Path file = Files.write(dir.resolve("planted.json"), JSON.writeValueAsBytes(plan));
        assertAbsent(file, "drift-secret-Mm1", "drift-secret-Mm2", "MAP-KEY-SECRET-Q2", "map-value-secret-Q3",
                "import-id-secret-W4", "deferred-secret-D5", "output-secret-O6", "output-secret-O7");
    }

    @Test
    void plantedSecretsInsideJsonTextNeverAppearWhileTheRestIsDiffedKeyByKey() throws IOException {
        ObjectNode plan = (ObjectNode) JSON.readTree(Files.readAllBytes(Fixtures.terraform111Plan()));
        ArrayNode changes = (ArrayNode) plan.get("resource_changes");
        // The secret itself, marked where it is set: Secrets learns it there.
        changes.add(JSON.readTree("""
                {"address": "aws_ssm_parameter.db", "mode": "managed", "type": "aws_ssm_parameter", "name": "db",
                 "change": {"actions": ["update"], "before": {"value": "json-secret-J1", "name": "db"},
                   "after": {"value": "json-secret-J2", "name": "db"}, "after_unknown": {},
                   "before_sensitive": {"value": true}, "after_sensitive": {"value": true}}}
                """));
        // A container definition that copies it into an environment variable, unmarked, as a
        // jsonencode() of a nonsensitive() value would; and a key named by a secret.
        changes.add(change("aws_ecs_task_definition.app", "container_definitions",
                "[{\"name\":\"web\",\"image\":\"web:1\",\"environment\":[{\"name\":\"DB\",\"value\":\"json-secret-J1\"}]}]",
                "[{\"name\":\"web\",\"image\":\"web:2\",\"environment\":[{\"name\":\"DB\",\"value\":\"json-secret-J2\"}],"
                        + "\"dockerLabels\":{\"json-secret-J2\":\"x\"}}]",
                false));
        // A container definition Terraform marks sensitive as a whole: not even its keys are shown.
        changes.add(change("aws_ecs_task_definition.worker", "container_definitions",
                "[{\"name\":\"worker\",\"secrets\":[{\"name\":\"K\",\"valueFrom\":\"marked-secret-M1\"}]}]",
                "[{\"name\":\"worker\",\"secrets\":[{\"name\":\"K\",\"valueFrom\":\"marked-secret-M2\"}]}]",
                true));
        // A policy whose condition holds the secret: the review line must not show it either.
        changes.add(change("aws_iam_role_policy.task", "policy",
                "{\"Statement\":[{\"Sid\":\"Get\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/*\"}]}",
                "{\"Statement\":[{\"Sid\":\"Get\",\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
                        + "\"Resource\":[\"arn:aws:s3:::b/*\",\"arn:aws:s3:::json-secret-J2/*\"]}]}",
                false));
        Path file = Files.write(dir.resolve("planted-json.json"), JSON.writeValueAsBytes(plan));

        assertAbsent(file, "json-secret-J1", "json-secret-J2", "marked-secret-M1", "marked-secret-M2");
        String markdown = render(file);
        for (String row : new String[] {
            "| `container_definitions[name=web] › environment[name=DB] › value` | _(sensitive)_ | _(sensitive)_ |",
            "| `container_definitions[name=web] › image` | `\"web:1\"` | `\"web:2\"` |",
            "| `container_definitions[name=web] › dockerLabels › (sensitive key)` | _(sensitive)_ | _(sensitive)_ |",
            "| `container_definitions` | _(sensitive)_ | _(sensitive)_ |",
            "| `policy › Statement[Sid=Get] › Resource` | `[\"arn:aws:s3:::b/*\"]` | _(sensitive)_ |",
            "allows `s3:GetObject` on _(sensitive)_ (new; statement `Get`)"}) {
            assertTrue(markdown.contains(row), "expected " + row + " in:\n" + markdown);
        }
    }

    private static JsonNode change(String address, String attribute, String before, String after, boolean marked)
            throws IOException {
        ObjectNode change = (ObjectNode) JSON.readTree("{\"address\": \"" + address + "\", \"mode\": \"managed\","
                + " \"change\": {\"actions\": [\"update\"], \"after_unknown\": {}}}");
        ObjectNode values = (ObjectNode) change.get("change");
        values.putObject("before").put(attribute, before);
        values.putObject("after").put(attribute, after);
        values.putObject("before_sensitive").put(attribute, marked);
        values.putObject("after_sensitive").put(attribute, marked);
        return change;
    }

    @Test
    void valuesOfPlansWithoutSensitiveMarksNeverAppear() throws IOException {
        // Terraform 0.12.23 wrote the database password in clear and did not mark it.
        assertAbsent(Fixtures.publicPlan("checkov__runner_plan_55_creates.json"), "Aa1234321Bb");
    }

    @Test
    void sensitiveOutputOfTerraform012IsMaskedByItsDeclaration() throws IOException {
        // Output "foo" is declared sensitive; Terraform 1.2 marks it, and the value "bar" is in clear.
        String markdown = render(Fixtures.publicPlan("terraform-json__120_basic.json"));
        assertTrue(markdown.contains("| `foo` | `+` create | — | _(sensitive)_ |"),
                "expected output foo masked, found:\n" + markdown);
    }

    private void assertAbsent(Path plan, String... secrets) throws IOException {
        String input = Files.readString(plan);
        String markdown = render(plan);
        String json = PlanSummary.renderJson(List.of(new StackPlan("dev", "app", plan)));
        for (String secret : secrets) {
            assertTrue(input.contains(secret), "the test plan " + plan + " must contain " + secret);
            assertFalse(markdown.contains(secret), "secret " + secret + " leaked into:\n" + markdown);
            assertFalse(json.contains(secret), "secret " + secret + " leaked into the JSON:\n" + json);
        }
    }

    private static String render(Path plan) {
        return PlanSummary.render(List.of(new StackPlan("dev", "app", plan)), SummaryOptions.defaults());
    }
}
