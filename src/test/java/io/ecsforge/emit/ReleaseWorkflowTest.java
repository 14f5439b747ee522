package io.ecsforge.emit;

import static io.ecsforge.testing.Resources.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ecsforge.UserError;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.DeploymentConfig;
import io.ecsforge.config.DeploymentConfig.Strategy;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The generated release workflow, read back as YAML: what it runs on, with which rights, in which order, how long. */
class ReleaseWorkflowTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern USES = Pattern.compile("uses: ([^@\\s]+)@([0-9a-f]{40}) # (v\\d+\\.\\d+\\.\\d+)");

    private final ConfigLoader loader = new ConfigLoader(Repo.config());
    private final EnvironmentConfig dev = loader.load("dev");
    private final EnvironmentConfig prod = loader.load("prod");
    private final String text = ReleaseWorkflow.render(List.of(dev, prod), List.of("dev.yaml", "prod.yaml"));
    private final JsonNode workflow = read(text);
    private final JsonNode jobs = workflow.path("jobs");

    private static JsonNode read(String yaml) {
        try {
            return YAML.readTree(yaml);
        } catch (IOException e) {
            throw new AssertionError("the workflow is not YAML:\n" + yaml, e);
        }
    }

    @Test
    void runsOnPushToTheConfiguredBranchAndByHand() {
        assertEquals(List.of("main"), YAML.convertValue(workflow.path("on").path("push").path("branches"), List.class), show(workflow.path("on")));
        JsonNode hotfix = workflow.path("on").path("workflow_dispatch").path("inputs").path("hotfix");
        assertEquals("boolean", hotfix.path("type").asText(), show(workflow.path("on")));
        assertFalse(hotfix.path("default").asBoolean(true), show(hotfix));
    }

    @Test
    void jobsHaveOnlyTheTokenPermissionsTheyNeed() {
        assertEquals(0, workflow.path("permissions").size(), "top-level permissions must be empty: " + workflow.path("permissions"));
        assertEquals(read("{contents: read}"), jobs.path("build").path("permissions"), "build job: " + jobs.path("build").path("permissions"));
        for (String job : List.of("release-dev", "release-prod")) {
            assertEquals(read("{contents: read, id-token: write}"), jobs.path(job).path("permissions"), job + ": " + jobs.path(job).path("permissions"));
        }
    }

    @Test
    void theBuildJobHasNoAwsAccess() {
        String build = show(jobs.path("build"));
        assertFalse(build.contains("configure-aws-credentials") || build.contains("aws "), build);
    }

    @Test
    void environmentsReleaseInOrderEachAfterTheOneBefore() {
        assertEquals(List.of("build", "release-dev", "release-prod"), fieldNames(jobs));
        assertEquals(List.of("build"), YAML.convertValue(jobs.path("release-dev").path("needs"), List.class));
        assertEquals(List.of("build", "release-dev"), YAML.convertValue(jobs.path("release-prod").path("needs"), List.class));
        assertEquals("dev", jobs.path("release-dev").path("environment").asText());
        assertEquals("prod", jobs.path("release-prod").path("environment").asText());
    }

    @Test
    void twoReleasesOfOneEnvironmentNeverOverlapAndNoneIsCancelledHalfWay() {
        for (String env : List.of("dev", "prod")) {
            JsonNode concurrency = jobs.path("release-" + env).path("concurrency");
            assertEquals("release-" + env, concurrency.path("group").asText(), show(concurrency));
            assertTrue(concurrency.path("cancel-in-progress").isBoolean() && !concurrency.path("cancel-in-progress").asBoolean(), show(concurrency));
        }
    }

    @Test
    void everyActionIsPinnedToTheCommitOfItsReleaseWithTheVersionBeside() {
        List<String> uses = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.contains("uses:")) {
                uses.add(line.strip());
            }
        }
        assertEquals(10, uses.size(), String.join("\n", uses));
        for (String line : uses) {
            Matcher matcher = USES.matcher(line.replaceFirst("^- ", ""));
            assertTrue(matcher.matches(), "not pinned to a full SHA with its version: " + line);
            PinnedAction pin = pin(matcher.group(1));
            assertEquals(pin.sha() + " " + pin.version(), matcher.group(2) + " " + matcher.group(3), line);
        }
    }

    @Test
    void everyEnvironmentShipsTheDigestTheBuildJobMade() {
        assertEquals("${{ steps.build.outputs.digest }}", jobs.path("build").path("outputs").path("digest").asText());
        for (String job : List.of("release-dev", "release-prod")) {
            assertEquals("${{ needs.build.outputs.digest }}", jobs.path(job).path("env").path("IMAGE_DIGEST").asText(), job);
            String render = script(job, "Render the task definition");
            assertTrue(render.contains("\"$REGISTRY/$REPOSITORY@$IMAGE_DIGEST\""), render);
        }
        String build = script("build", "Build for linux/amd64 and linux/arm64");
        assertTrue(build.contains("--output \"type=oci,dest=image.tar\""), build);
    }

    @Test
    void theImageIsBuiltForEveryEnvironmentsCpuArchitecture() {
        assertEquals("linux/amd64,linux/arm64", step("build", "Build for linux/amd64 and linux/arm64").path("env").path("PLATFORMS").asText());
        String devOnly = ReleaseWorkflow.render(List.of(dev), List.of("dev.yaml"));
        assertTrue(devOnly.contains("PLATFORMS: linux/amd64\n"), devOnly);
        assertFalse(devOnly.contains("setup-qemu-action"), "an x86-64 build needs no QEMU:\n" + devOnly);
    }

    @Test
    void releaseJobsAssumeTheReleaseRoleOfTheirEnvironment() {
        assertEquals("arn:aws:iam::123456789012:role/webapp-dev-github-release",
                step("release-dev", null, "aws-actions/configure-aws-credentials").path("with").path("role-to-assume").asText());
        assertEquals("arn:aws:iam::210987654321:role/webapp-prod-github-release",
                step("release-prod", null, "aws-actions/configure-aws-credentials").path("with").path("role-to-assume").asText());
    }

    /** The names the workflow uses are the ones the synthesized stacks create, read from their JSON. */
    @Test
    void namesInTheWorkflowAreThoseOfTheSynthesizedStacks() {
        for (String env : List.of("dev", "prod")) {
            JsonNode variables = jobs.path("release-" + env).path("env");
            Resources registry = Synthesized.examples().resources("webapp-" + env + "-registry");
            Resources service = Synthesized.examples().resources("webapp-" + env + "-service");
            Resources cluster = Synthesized.examples().resources("webapp-" + env + "-cluster");
            Resources delivery = Synthesized.examples().resources("webapp-" + env + "-delivery");
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put("REPOSITORY", registry.resource("aws_ecr_repository", "repository").path("name").asText());
            expected.put("CLUSTER", cluster.resource("aws_ecs_cluster", "cluster").path("name").asText());
            expected.put("SERVICE", service.resource("aws_ecs_service", "service").path("name").asText());
            expected.put("BLUE_TARGET_GROUP", service.resource("aws_lb_target_group", "blue").path("name").asText());
            expected.put("GREEN_TARGET_GROUP", service.resource("aws_lb_target_group", "green").path("name").asText());
            expected.put("CODEDEPLOY_APPLICATION", delivery.resource("aws_codedeploy_app", "application").path("name").asText());
            expected.put("DEPLOYMENT_GROUP", delivery.resource("aws_codedeploy_deployment_group", "deployment_group")
                    .path("deployment_group_name").asText());
            List<String> alarms = new ArrayList<>();
            delivery.json().path("resource").path("aws_cloudwatch_metric_alarm").forEach(alarm -> alarms.add(alarm.path("alarm_name").asText()));
            assertTrue(alarms.size() >= 4, "the delivery stack has alarms on both target groups: " + alarms);
            expected.put("BLUE_ALARMS", String.join(" ", alarms.stream().filter(a -> a.contains("-blue-")).sorted().toList()));
            expected.put("GREEN_ALARMS", String.join(" ", alarms.stream().filter(a -> a.contains("-green-")).sorted().toList()));
            Map<String, String> found = new LinkedHashMap<>();
            expected.keySet().forEach(name -> found.put(name, variables.path(name).asText()));
            for (String list : List.of("BLUE_ALARMS", "GREEN_ALARMS")) {
                found.put(list, String.join(" ", java.util.Arrays.stream(found.get(list).split(" ")).sorted().toList()));
            }
            assertEquals(expected, found, "release-" + env + " env");
        }
    }

    @Test
    void theSeedTagIsTheTagTheServiceStackStartsOn() {
        for (String env : List.of("dev", "prod")) {
            String seed = jobs.path("release-" + env).path("env").path("SEED_TAG").asText();
            assertEquals("initial", seed);
            String containers = Synthesized.examples().resources("webapp-" + env + "-service")
                    .resource("aws_ecs_task_definition", "task").path("container_definitions").asText();
            assertTrue(containers.contains(".amazonaws.com/webapp:initial\"") || containers.contains("}:initial\""), containers);
        }
        String push = script("release-dev", "Push the image");
        assertTrue(push.contains("if [ -z \"$(digest_of \"$SEED_TAG\")\" ]; then\n  push \"$SEED_TAG\""), push);
    }

    @Test
    void theJobWaitsForTheDeploymentLongerThanCanaryAndOldTasksTake() {
        // dev: a 10-minute canary and 5 minutes before the old tasks end; prod: 10 and 30.
        assertEquals("35", jobs.path("release-dev").path("env").path("WAIT_MINUTES").asText());
        assertEquals("60", jobs.path("release-prod").path("env").path("WAIT_MINUTES").asText());
        assertEquals(50, jobs.path("release-dev").path("timeout-minutes").asInt());
        assertEquals(75, jobs.path("release-prod").path("timeout-minutes").asInt());
        String wait = script("release-prod", "Wait for the release to finish");
        assertTrue(wait.contains("deadline=$(( $(date +%s) + WAIT_MINUTES * 60 ))"), wait);
        assertFalse(text.contains("aws deploy wait"), "the CLI's waiter gives up after 30 minutes");
    }

    @ParameterizedTest
    @CsvSource({
        "CANARY, 25, 10, 5, 10, 35",
        "CANARY, 10, 30, 0, 30, 50",
        "LINEAR, 10, 1, 5, 9, 34",
        "LINEAR, 25, 3, 0, 9, 29",
        "LINEAR, 30, 2, 0, 6, 26",
        "ALL_AT_ONCE, 25, 10, 15, 0, 35"})
    void waitCoversStartShiftAndTermination(Strategy strategy, int percent, int interval, int terminate, int shift, int wait) {
        ReleaseTiming timing = ReleaseTiming.of(with(dev, strategy, percent, interval, terminate));
        assertEquals(List.of(shift, wait, wait + ReleaseTiming.JOB_OVERHEAD_MINUTES),
                List.of(timing.shiftMinutes(), timing.waitMinutes(), timing.jobTimeoutMinutes()), timing.toString());
    }

    @Test
    void aReleaseLongerThanAGithubJobMayRunIsRefused() {
        UserError error = assertThrows(UserError.class, () -> ReleaseTiming.of(with(dev, Strategy.CANARY, 25, 300, 60)));
        assertEquals(dev.file() + ": deployment: a release takes up to 380 minutes (20 to start the new tasks, 300 to shift traffic,"
                + " 60 before the old tasks end), but a GitHub-hosted job runs at most 360 minutes; allowed: intervalMinutes and"
                + " terminateBlueAfterMinutes that keep the release under 345 minutes", error.getMessage());
    }

    @Test
    void aWorkflowNeedsTheAccountOfEveryEnvironment() {
        EnvironmentConfig noAccount = new EnvironmentConfig(dev.file(), dev.app(), dev.environment(),
                new io.ecsforge.config.AwsConfig(dev.aws().region(), java.util.Optional.empty(), java.util.Optional.empty()),
                dev.state(), dev.network(), dev.registry(), dev.github(), dev.cluster(), dev.service(), dev.loadBalancer(),
                dev.deployment(), dev.tags());
        UserError error = assertThrows(UserError.class, () -> ReleaseWorkflow.render(List.of(noAccount), List.of("dev.yaml")));
        assertEquals(dev.file() + ": aws.accountId: not set; the release workflow names the account's registry and release role;"
                + " allowed: the twelve-digit account id, quoted (\"123456789012\")", error.getMessage());
    }

    @Test
    void onlyAHotfixOverridesTheAlarmsAndThenWatchesTheTargetGroupTheNewVersionStartsIn() {
        assertEquals("${{ github.event_name == 'workflow_dispatch' && inputs.hotfix }}",
                jobs.path("release-prod").path("env").path("HOTFIX").asText());
        String deploy = script("release-prod", "Start the blue/green deployment");
        assertTrue(deploy.contains("if [ \"$HOTFIX\" = \"true\" ]; then"), deploy);
        assertTrue(deploy.contains("*:targetgroup/\"$BLUE_TARGET_GROUP\"/*) watch=\"$GREEN_ALARMS\" ;;"), deploy);
        assertTrue(deploy.contains("*:targetgroup/\"$GREEN_TARGET_GROUP\"/*) watch=\"$BLUE_ALARMS\" ;;"), deploy);
        assertTrue(deploy.contains("\"${override[@]}\" --query deploymentId"), deploy);
    }

    @Test
    void theDeployStepRefusesReleaseFilesThatNoLongerMatchTheDeploymentGroup() {
        String deploy = script("release-dev", "Start the blue/green deployment");
        assertTrue(deploy.contains("aws deploy get-deployment-group"), deploy);
        assertTrue(deploy.contains("generate them again with ecsforge workflows"), deploy);
    }

    @Test
    void theSummaryIsWrittenWhateverHappened() {
        JsonNode summary = step("release-dev", "Summary", null);
        assertEquals("always()", summary.path("if").asText(), show(summary));
        assertEquals(List.of("IMAGE", "TASK_DEFINITION", "DEPLOYMENT_ID", "OUTCOME"), fieldNames(summary.path("env")));
    }

    @ParameterizedTest
    @CsvSource({"main, main", "true, '\"true\"'", "12, '\"12\"'", "a b, '\"a b\"'", "arn:aws:x, '\"arn:aws:x\"'", "-x, '\"-x\"'"})
    void scalarsAreQuotedWhenYamlWouldReadThemAsSomethingElse(String value, String expected) {
        assertEquals(expected, ReleaseWorkflow.scalar(value));
        assertEquals(value, read("k: " + ReleaseWorkflow.scalar(value)).path("k").asText());
    }

    private static EnvironmentConfig with(EnvironmentConfig c, Strategy strategy, int percent, int interval, int terminate) {
        DeploymentConfig deployment = new DeploymentConfig(strategy, percent, interval, terminate, c.deployment().alarms());
        return new EnvironmentConfig(c.file(), c.app(), c.environment(), c.aws(), c.state(), c.network(), c.registry(), c.github(),
                c.cluster(), c.service(), c.loadBalancer(), deployment, c.tags());
    }

    private static PinnedAction pin(String repository) {
        for (PinnedAction action : PinnedAction.values()) {
            if (action.repository().equals(repository)) {
                return action;
            }
        }
        throw new AssertionError("not a pinned action: " + repository);
    }

    private JsonNode step(String job, String name) {
        return step(job, name, null);
    }

    /** The step of {@code job} with this name, or that uses this action. */
    private JsonNode step(String job, String name, String action) {
        JsonNode steps = jobs.path(job).path("steps");
        assertTrue(steps.size() > 0, job + " has no steps");
        for (JsonNode step : steps) {
            if ((name != null && name.equals(step.path("name").asText())) || (action != null && step.path("uses").asText().startsWith(action + "@"))) {
                return step;
            }
        }
        throw new AssertionError(job + " has no step " + (name != null ? name : action) + ":\n" + show(steps));
    }

    private String script(String job, String name) {
        return step(job, name).path("run").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
