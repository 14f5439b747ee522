package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.Arrays;
import io.ecsforge.emit.PinnedAction;
import org.junit.jupiter.api.Test;

/** The pull-request plan and the apply workflows: their contract (ActionlintIT lints them). */
class WorkflowsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** A commit SHA, with the release it is as a comment: a tag, even a full one, can be moved to other code. */
    private static final Pattern PINNED = Pattern.compile("\\s*(- )?uses: ([^@\\s]+)@([0-9a-f]{40}) # (v\\d+\\.\\d+\\.\\d+)");

    private static Path workflows() {
        return Fixtures.repoRoot().resolve(".github/workflows");
    }

    private static JsonNode workflow(String name) throws IOException {
        return YAML.readTree(workflows().resolve(name).toFile());
    }

    @Test
    void everyActionIsPinnedToTheCommitOfTheReleaseThatEcsforgePins() throws IOException {
        Map<String, String> problems = new TreeMap<>();
        int pinned = 0;
        for (String name : List.of("infra-plan.yml", "infra-apply.yml")) {
            for (String line : Files.readAllLines(workflows().resolve(name))) {
                if (!line.contains("uses:")) {
                    continue;
                }
                Matcher matcher = PINNED.matcher(line);
                if (!matcher.matches()) {
                    problems.put(name + ": " + line.strip(), "not pinned to a commit SHA with its version as a comment");
                    continue;
                }
                pinned++;
                String expected = Arrays.stream(PinnedAction.values()).filter(a -> a.repository().equals(matcher.group(2)))
                        .map(a -> a.sha() + " # " + a.version()).findFirst().orElse("no pin in PinnedAction");
                if (!expected.equals(matcher.group(3) + " # " + matcher.group(4))) {
                    problems.put(name + ": " + line.strip(), "expected " + expected);
                }
            }
        }
        assertTrue(pinned >= 10, "found only " + pinned + " actions");
        assertEquals(Map.of(), problems);
    }

    @Test
    void applyUsesTheInfrastructureRoleOfTheGithubEnvironment() throws IOException {
        JsonNode steps = workflow("infra-apply.yml").path("jobs").path("apply").path("steps");
        String text = steps.toString();
        assertTrue(text.contains("\"role-to-assume\":\"${{ vars.ECSFORGE_INFRA_ROLE_ARN }}\""), text);
        assertTrue(!text.contains("DEPLOY_ROLE"), text);
    }

    @Test
    void planJobHasOnlyTheTokenPermissionsItNeeds() throws IOException {
        JsonNode plan = workflow("infra-plan.yml").path("jobs").path("plan");
        assertEquals(YAML.readTree("{id-token: write, contents: read, pull-requests: write}"), plan.path("permissions"),
                "plan job permissions: " + plan.path("permissions"));
        assertEquals(YAML.readTree("{contents: read}"), workflow("infra-plan.yml").path("permissions"));
    }

    @Test
    void planJobWritesTheSummaryAndFindsItsCommentByTheRenderersMarker() throws IOException {
        JsonNode steps = workflow("infra-plan.yml").path("jobs").path("plan").path("steps");
        String runs = steps.findValuesAsText("run").toString();
        assertTrue(runs.contains("./ecsforge plan --env \"$ENV_NAME\" --caller-credentials --summary-md plan.md"), runs);
        String script = steps.findValuesAsText("script").toString();
        // The workflow and the renderer must agree on the marker, or every push adds a new comment.
        assertEquals("<!-- ecsforge-plan:dev -->", MarkdownRenderer.marker(List.of("dev")));
        assertTrue(script.contains("const marker = `<!-- ecsforge-plan:${env} -->`;"), script);
    }

    @Test
    void applyRunsBehindTheEnvironmentOneRunPerEnvironmentAtATime() throws IOException {
        JsonNode apply = workflow("infra-apply.yml").path("jobs").path("apply");
        assertEquals("${{ matrix.env }}", apply.path("environment").asText(), "apply job environment");
        assertEquals("infra-apply-${{ matrix.env }}", apply.path("concurrency").path("group").asText());
        assertTrue(apply.path("concurrency").path("cancel-in-progress").isBoolean()
                && !apply.path("concurrency").path("cancel-in-progress").asBoolean(),
                "cancel-in-progress must be false, found " + apply.path("concurrency"));
        assertEquals(YAML.readTree("{id-token: write, contents: read}"), apply.path("permissions"));
        assertEquals(List.of("main"), YAML.convertValue(workflow("infra-apply.yml").path("on").path("push").path("branches"),
                List.class));
    }
}
