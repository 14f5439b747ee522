package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.emit.ReleaseWorkflow;
import io.ecsforge.testing.PolicyDocuments;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The release role's permissions derived both ways: from the calls the generated release workflow
 * makes (listed with their sources in {@code release/aws-calls.tsv}) and from the synthesized
 * policy. Nothing missing, nothing extra; and each action on the kind of resource the call uses.
 */
class ReleasePermissionsTest {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** The commands a step's script runs that reach AWS. */
    private static final Pattern AWS_CLI = Pattern.compile("\\baws[ \\t]+([a-z0-9-]+)[ \\t]+([a-z0-9-]+)");
    private static final Pattern SKOPEO = Pattern.compile("\\bskopeo[ \\t]+([a-z-]+)");
    private static final Pattern COMMENT_LINE = Pattern.compile("(?m)^[ \\t]*#.*$");

    /** One line of aws-calls.tsv. */
    record Call(String command, String action, String resource, String source) {}

    private final ConfigLoader loader = new ConfigLoader(Repo.config());
    private final List<EnvironmentConfig> environments = List.of(loader.load("dev"), loader.load("prod"));
    private final String workflow = ReleaseWorkflow.render(environments, List.of("dev.yaml", "prod.yaml"));

    static List<Call> calls() {
        List<Call> calls = new ArrayList<>();
        try (InputStream in = ReleasePermissionsTest.class.getResourceAsStream("/release/aws-calls.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                assertEquals(4, fields.length, "aws-calls.tsv: four tab-separated fields: " + line);
                calls.add(new Call(fields[0], fields[1], fields[2], fields[3]));
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return calls;
    }

    /** The commands and actions of the release jobs that reach AWS or might: {@code uses owner/name}, {@code aws svc op}, {@code skopeo op}. */
    static Set<String> commands(String workflowText) {
        JsonNode jobs;
        try {
            jobs = YAML.readTree(workflowText).path("jobs");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        Set<String> commands = new TreeSet<>();
        jobs.properties().forEach(job -> {
            if (!job.getKey().startsWith("release-")) {
                return;
            }
            for (JsonNode step : job.getValue().path("steps")) {
                String uses = step.path("uses").asText("");
                if (!uses.isEmpty()) {
                    commands.add("uses " + uses.substring(0, uses.indexOf('@')));
                }
                String run = COMMENT_LINE.matcher(step.path("run").asText("")).replaceAll("");
                Matcher aws = AWS_CLI.matcher(run);
                while (aws.find()) {
                    commands.add("aws " + aws.group(1) + " " + aws.group(2));
                }
                Matcher skopeo = SKOPEO.matcher(run);
                while (skopeo.find()) {
                    commands.add("skopeo " + skopeo.group(1));
                }
            }
        });
        return commands;
    }

    /** What differs between the workflow's commands and the list: each line names a command and what to do. */
    static List<String> commandProblems(Set<String> inWorkflow, List<Call> calls) {
        Set<String> listed = new TreeSet<>();
        calls.forEach(call -> listed.add(call.command()));
        List<String> problems = new ArrayList<>();
        for (String command : inWorkflow) {
            if (!listed.contains(command)) {
                problems.add("the workflow runs `" + command + "`, which aws-calls.tsv does not list with its IAM actions");
            }
        }
        for (String command : listed) {
            if (!inWorkflow.contains(command)) {
                problems.add("aws-calls.tsv lists `" + command + "`, which the workflow no longer runs");
            }
        }
        return problems;
    }

    /** What differs between the actions the calls need and the actions the policy allows. */
    static List<String> actionProblems(Set<String> needed, Set<String> allowed) {
        List<String> problems = new ArrayList<>();
        for (String action : needed) {
            if (!allowed.contains(action)) {
                problems.add("missing from the release role: " + action);
            }
        }
        for (String action : allowed) {
            if (!needed.contains(action)) {
                problems.add("allowed but no call of the workflow needs it: " + action);
            }
        }
        return problems;
    }

    @Test
    void everyCommandOfTheReleaseJobsIsListedWithItsIamActions() {
        Set<String> commands = commands(workflow);
        assertTrue(commands.size() >= 10, "found too few commands to be the release job: " + commands);
        assertEquals(List.of(), commandProblems(commands, calls()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void releaseRoleAllowsExactlyWhatTheCallsNeed(String env) {
        Set<String> needed = new TreeSet<>();
        calls().stream().map(Call::action).filter(action -> !action.equals("-")).forEach(needed::add);
        assertEquals(List.of(), actionProblems(needed, allowed(env)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyActionIsAllowedOnTheResourceItsCallUses(String env) {
        Map<String, String> kinds = Map.of(
                "*", "\\*",
                "repository", "\\$\\{data\\.terraform_remote_state\\..*registry\\.outputs\\..*repositoryarn\\}",
                "task-definition", "arn:.*:ecs:us-east-1:.*:task-definition/webapp-" + env + ":\\*",
                "task-roles", "\\$\\{aws_iam_role\\.(execution|task)\\.arn\\}",
                "service", "arn:.*:ecs:us-east-1:.*:service/webapp-" + env + "/webapp-" + env,
                "deploymentgroup", "arn:.*:codedeploy:us-east-1:.*:deploymentgroup:webapp-" + env + "/webapp-" + env,
                "application", "arn:.*:codedeploy:us-east-1:.*:application:webapp-" + env,
                "deploymentconfig", "arn:.*:codedeploy:us-east-1:.*:deploymentconfig:(CodeDeployDefault\\.ECS\\*|webapp-" + env + "-\\*)");
        Map<String, List<String>> wrong = new TreeMap<>();
        int checked = 0;
        for (Call call : calls()) {
            if (call.action().equals("-")) {
                continue;
            }
            String pattern = kinds.get(call.resource());
            assertTrue(pattern != null, "aws-calls.tsv: unknown resource kind " + call.resource() + " for " + call.action());
            for (PolicyDocuments.Statement statement : releaseStatements(env)) {
                if (statement.actions().contains(call.action())) {
                    checked++;
                    for (String resource : statement.resources()) {
                        if (!resource.matches(pattern)) {
                            wrong.computeIfAbsent(call.action(), k -> new ArrayList<>()).add(resource + " (expected " + call.resource() + ")");
                        }
                    }
                }
            }
        }
        assertTrue(checked >= 15, "checked only " + checked + " action grants");
        assertEquals(Map.of(), wrong);
    }

    @Test
    void aCallAddedToTheWorkflowIsReported() {
        String changed = workflow.replace("arn=\"$(aws ecs register-task-definition",
                "aws ecs update-service --cluster \"$CLUSTER\" --service \"$SERVICE\" --force-new-deployment\n          arn=\"$(aws ecs register-task-definition");
        assertEquals(List.of("the workflow runs `aws ecs update-service`, which aws-calls.tsv does not list with its IAM actions"),
                commandProblems(commands(changed), calls()));
    }

    @Test
    void anActionAddedToThePolicyIsReported() {
        Set<String> needed = new TreeSet<>();
        calls().stream().map(Call::action).filter(action -> !action.equals("-")).forEach(needed::add);
        Set<String> allowed = new TreeSet<>(allowed("dev"));
        allowed.add("ecs:UpdateService");
        assertEquals(List.of("allowed but no call of the workflow needs it: ecs:UpdateService"), actionProblems(needed, allowed));
    }

    private static List<PolicyDocuments.Statement> releaseStatements(String env) {
        JsonNode stack = Synthesized.examples().stack("webapp-" + env + "-access");
        List<PolicyDocuments.Statement> statements = PolicyDocuments.statements(stack).stream()
                .filter(s -> s.where().equals("data.aws_iam_policy_document.release_permissions")).toList();
        assertTrue(statements.size() >= 5, "release_permissions not found in webapp-" + env + "-access");
        return statements;
    }

    private static Set<String> allowed(String env) {
        Set<String> allowed = new TreeSet<>();
        for (PolicyDocuments.Statement statement : releaseStatements(env)) {
            assertTrue(statement.allows(), "the release role has only Allow statements: " + statement.node());
            allowed.addAll(statement.actions());
        }
        return allowed;
    }
}
