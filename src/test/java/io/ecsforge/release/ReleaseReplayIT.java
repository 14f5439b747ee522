package io.ecsforge.release;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opentest4j.TestAbortedException;

/**
 * Replays the generated release workflow's {@code release-dev} job against moto: the calls its
 * actions make, then each {@code run:} step's script as the runner runs it, with the job's
 * environment, in a copy of examples/webapp. Each call or step is its own dynamic test, in
 * the job's order; a step that cannot run for want of something moto lacks is skipped, naming it.
 *
 * <p>Two stand-ins, where the real part cannot run here, and the tests that use one say so:
 * skopeo (moto serves ECR's API, not a registry) and, for the deployment outcomes moto never
 * reaches, an {@code aws} that answers with scripted statuses.
 */
class ReleaseReplayIT {
    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLE = Repo.root().resolve("examples/webapp");
    private static final Path WORKFLOW = EXAMPLE.resolve(".github/workflows/release.yml");
    private static final Path RESOURCES = Repo.root().resolve("src/test/resources/release");
    private static final String JOB = "release-dev";
    private static final String ENVIRONMENT = "dev";
    private static final String SHA = "0123456789abcdef0123456789abcdef01234567";
    private static final String RUN_ID = "4242";
    private static final String REPOSITORY = "my-org/webapp";
    private static final long STEP_TIMEOUT_SECONDS = 60;
    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*(.*?)\\s*}}");
    private static final Pattern MOTO_LACKS = Pattern.compile("NotImplementedError: The (\\w+) action has not been implemented");

    /** What the replay has found so far: each step's outputs, credentials, folders. */
    private static final class Replay {
        Path dir;
        Path workdir;
        Path runnerTemp;
        Path standins;
        String prefix;
        String imageDigest;
        JsonNode job;
        Map<String, String> jobEnv = new LinkedHashMap<>();
        Map<String, String> credentials = new HashMap<>();
        Map<String, Map<String, String>> outputs = new HashMap<>();
        JsonNode prerequisites;
        String deploymentId;
    }

    private record Result(int exit, String output, Map<String, String> outputs) {
        /** Fails with the step's full output when it exited otherwise. */
        void assertExit(int expected) {
            assertEquals(expected, exit, () -> "exit code; output:\n" + output);
        }
    }

    @TestFactory
    Stream<DynamicTest> releaseToDevReplaysAgainstMoto() throws Exception {
        Path python = Tools.python();
        Path aws = Tools.aws();
        Replay r = new Replay();
        r.job = new YAMLMapper().readTree(WORKFLOW.toFile()).path("jobs").path(JOB);
        r.dir = Files.createTempDirectory("ecsforge-replay");
        r.workdir = r.dir.resolve("workspace");
        copyTree(EXAMPLE, r.workdir);
        r.runnerTemp = Files.createDirectories(r.dir.resolve("runner-temp"));
        r.standins = Files.createDirectories(r.dir.resolve("standins"));
        r.job.path("env").fields().forEachRemaining(e -> r.jobEnv.put(e.getKey(), e.getValue().asText()));
        r.prefix = r.jobEnv.get("CLUSTER");

        List<DynamicTest> tests = new ArrayList<>();
        tests.add(dynamicTest("setup: an OCI archive as the build job makes, and the stacks' resources in moto", () -> {
            run(List.of(python.toString(), RESOURCES.resolve("oci_archive.py").toString(),
                    r.runnerTemp.resolve("image.tar").toString(), SHA), baseEnv(r), r.dir).assertExit(0);
            // The digest exactly as the build job reads it, from the archive's index.json.
            Result digest = bash(r, "tar -xOf \"$RUNNER_TEMP/image.tar\" index.json | jq -r '.manifests[0].digest'", Map.of());
            digest.assertExit(0);
            r.imageDigest = digest.output().strip();
            assertTrue(r.imageDigest.matches("sha256:[0-9a-f]{64}"), r.imageDigest);
            Path stacks = Synthesized.examples().outDir().resolve("stacks");
            Result made = run(List.of(python.toString(), RESOURCES.resolve("prerequisites.py").toString(),
                    "--endpoint", MOTO.endpoint().toString(), "--stacks", stacks.toString(), "--prefix", r.prefix,
                    "--release-role", releaseRoleArn(r).replaceAll(".*:role/", "")), baseEnv(r), r.dir);
            made.assertExit(0);
            r.prerequisites = JSON.readTree(made.output());
        }));
        tests.add(dynamicTest("configure-aws-credentials: sts AssumeRoleWithWebIdentity for the release role", () -> {
            assumeSetUp(r);
            Result assumed = run(List.of(aws.toString(), "sts", "assume-role-with-web-identity",
                    "--role-arn", releaseRoleArn(r), "--role-session-name", "release-" + ENVIRONMENT + "-" + RUN_ID,
                    "--web-identity-token", "github-oidc-token-for-" + REPOSITORY, "--output", "json"), baseEnv(r), r.dir);
            skipIfMotoLacks(assumed);
            assumed.assertExit(0);
            JsonNode response = JSON.readTree(assumed.output());
            assertTrue(response.at("/AssumedRoleUser/Arn").asText().contains(releaseRoleArn(r).replaceAll(".*:role/", "")),
                    assumed.output());
            r.credentials.put("AWS_ACCESS_KEY_ID", response.at("/Credentials/AccessKeyId").asText());
            r.credentials.put("AWS_SECRET_ACCESS_KEY", response.at("/Credentials/SecretAccessKey").asText());
            r.credentials.put("AWS_SESSION_TOKEN", response.at("/Credentials/SessionToken").asText());
        }));
        tests.add(dynamicTest("configure-aws-credentials: sts GetCallerIdentity with the assumed role's credentials", () -> {
            assumeSetUp(r);
            Result identity = run(List.of(aws.toString(), "sts", "get-caller-identity", "--output", "json"),
                    stepEnv(r, Map.of()), r.workdir);
            skipIfMotoLacks(identity);
            identity.assertExit(0);
            assertTrue(JSON.readTree(identity.output()).path("Arn").asText().contains("assumed-role/"), identity.output());
        }));
        tests.add(dynamicTest("login step, through the skopeo stand-in, takes ecr get-login-password", () -> {
            assumeSetUp(r);
            Result login = step(r, "Log in to the registry", Map.of());
            login.assertExit(0);
            assertTrue(login.output().contains("Login Succeeded!"), login.output());
        }));
        tests.add(dynamicTest("push step, through the skopeo stand-in's ECR layer and PutImage calls, tags the commit and the seed tag", () -> {
            assumeSetUp(r);
            Result push = step(r, "Push the image", Map.of());
            push.assertExit(0);
            assertEquals(r.imageDigest, digestOf(r, SHA), "digest of the commit's tag in moto");
            assertEquals(r.imageDigest, digestOf(r, r.jobEnv.get("SEED_TAG")), "digest of the seed tag in moto");
            assertEquals(registryImage(r), push.outputs().get("image"));
        }));
        tests.add(dynamicTest("push step run again, through the skopeo stand-in, finds the tag pushed and changes nothing", () -> {
            assumeSetUp(r);
            String before = images(r);
            Result push = step(r, "Push the image", Map.of());
            push.assertExit(0);
            assertTrue(!push.output().contains("Writing manifest") && !push.output().contains("Also tagged"), push.output());
            assertEquals(before, images(r), "moto's images before and after the second push");
        }));
        tests.add(dynamicTest("render step gives the container the image by digest", () -> {
            assumeSetUp(r);
            step(r, "Render the task definition", Map.of()).assertExit(0);
            JsonNode rendered = JSON.readTree(r.runnerTemp.resolve("taskdef.json").toFile());
            assertEquals(registryImage(r), rendered.at("/containerDefinitions/0/image").asText());
        }));
        tests.add(dynamicTest("register step makes a task definition revision with the image and both roles", () -> {
            assumeSetUp(r);
            Result register = step(r, "Register the task definition", Map.of());
            register.assertExit(0);
            String arn = register.outputs().get("arn");
            JsonNode definition = JSON.readTree(awsJson(r, "ecs", "describe-task-definition", "--task-definition", arn))
                    .path("taskDefinition");
            assertEquals(registryImage(r), definition.at("/containerDefinitions/0/image").asText());
            JsonNode roles = r.prerequisites.at("/created/roles");
            assertEquals(roles.path(r.prefix + "-execution").asText(), definition.path("executionRoleArn").asText());
            assertEquals(roles.path(r.prefix + "-task").asText(), definition.path("taskRoleArn").asText());
            assertTrue(definition.path("revision").asInt() >= 2, "the stacks registered revision 1: " + definition);
        }));
        tests.add(dynamicTest("deploy step against moto's own GetDeploymentGroup", () -> {
            assumeSetUp(r);
            Result deploy = step(r, "Start the blue/green deployment", Map.of());
            if (deploy.exit() != 0 && deploy.output().contains("generate them again with ecsforge workflows")) {
                lacking(r, "codedeploy:GetDeploymentGroup alarmConfiguration").ifPresent(reason -> {
                    throw new TestAbortedException("moto lacks " + reason + "; step output:\n" + deploy.output());
                });
            }
            deploy.assertExit(0);
            r.deploymentId = deploy.outputs().get("id");
        }));
        tests.add(dynamicTest("deploy step, group alarms through an aws stand-in that returns the alarms moto drops, starts the deployment", () -> {
            assumeSetUp(r);
            Result deploy = step(r, "Start the blue/green deployment", alarmsStandin(r));
            deploy.assertExit(0);
            r.deploymentId = deploy.outputs().get("id");
            JsonNode info = JSON.readTree(awsJson(r, "deploy", "get-deployment", "--deployment-id", r.deploymentId))
                    .path("deploymentInfo");
            String content = info.at("/revision/appSpecContent/content").asText();
            String taskDefinition = r.outputs.get("register").get("arn");
            assertTrue(content.contains("TaskDefinition: \"" + taskDefinition + "\""), content);
            assertEquals(REPOSITORY + "@" + SHA + ", run " + RUN_ID, info.path("description").asText());
        }));
        tests.add(dynamicTest("wait step fails a release moto leaves Created after 0 minutes", () -> {
            assumeSetUp(r);
            assumeDeployed(r);
            Result wait = step(r, "Wait for the release to finish", Map.of("WAIT_MINUTES", "0", "POLL_SECONDS", "0"));
            assertEquals(1, wait.exit(), wait.output());
            assertTrue(wait.output().contains("is still Created after 0 minutes"), wait.output());
            assertEquals("still Created after 0 minutes", wait.outputs().get("status"));
        }));
        tests.add(dynamicTest("summary step writes the release's table", () -> {
            assumeSetUp(r);
            Result summary = step(r, "Summary", Map.of());
            summary.assertExit(0);
            String table = Files.readString(r.dir.resolve("step-summary.md"));
            assertTrue(table.contains("### Release to " + ENVIRONMENT), table);
            assertTrue(table.contains("| image | `" + registryImage(r) + "` |"), table);
            assertTrue(table.contains("| task definition | `" + r.outputs.get("register").get("arn") + "` |"), table);
            assertTrue(table.contains("| outcome | still Created after 0 minutes |"), table);
        }));
        tests.add(dynamicTest("deploy step fails when moto's deployment group has other target groups (negative control)", () -> {
            assumeSetUp(r);
            variantGroup(r, "mismatched-target-groups", r.prefix + "-blue," + r.prefix + "-canary",
                    alarms(r).replace(' ', ','));
            Result deploy = step(r, "Start the blue/green deployment", Map.of("DEPLOYMENT_GROUP", "mismatched-target-groups"));
            assertEquals(1, deploy.exit(), deploy.output());
            assertTrue(deploy.output().contains("generate them again with ecsforge workflows"), deploy.output());
        }));
        tests.add(dynamicTest("deploy step fails when the group's alarms differ, alarms through the aws stand-in (negative control)", () -> {
            assumeSetUp(r);
            String otherAlarms = alarms(r).replace(r.prefix + "-green-5xx", r.prefix + "-green-latency");
            variantGroup(r, "mismatched-alarms", r.prefix + "-blue," + r.prefix + "-green", otherAlarms.replace(' ', ','));
            Map<String, String> env = new HashMap<>(alarmsStandin(r));
            env.put("DEPLOYMENT_GROUP", "mismatched-alarms");
            Result deploy = step(r, "Start the blue/green deployment", env);
            assertEquals(1, deploy.exit(), deploy.output());
            assertTrue(deploy.output().contains("generate them again with ecsforge workflows"), deploy.output());
            assertTrue(deploy.output().contains(r.prefix + "-green-latency"), deploy.output());
        }));
        tests.add(dynamicTest("hotfix deploy step reads the live target group from the primary task set, group alarms through the aws stand-in", () -> {
            assumeSetUp(r);
            Map<String, String> env = new HashMap<>(alarmsStandin(r));
            env.put("HOTFIX", "true");
            Result deploy = step(r, "Start the blue/green deployment", env);
            skipIfMotoLacks(deploy);
            deploy.assertExit(0);
            assertTrue(deploy.output().contains("Hotfix: this release watches only " + r.jobEnv.get("GREEN_ALARMS")),
                    deploy.output());
            JsonNode info = JSON.readTree(awsJson(r, "deploy", "get-deployment", "--deployment-id",
                    deploy.outputs().get("id"))).path("deploymentInfo");
            List<String> watched = new ArrayList<>();
            info.at("/overrideAlarmConfiguration/alarms").forEach(a -> watched.add(a.path("name").asText()));
            assertEquals(List.of(r.jobEnv.get("GREEN_ALARMS").split(" ")), watched, info.toString());
        }));
        tests.add(dynamicTest("wait step, aws stand-in answering Succeeded, exits 0", () -> {
            assumeSetUp(r);
            Result wait = step(r, "Wait for the release to finish", statusStandin(r, "Succeeded"));
            wait.assertExit(0);
            assertEquals("Succeeded", wait.outputs().get("status"));
        }));
        tests.add(dynamicTest("wait step, aws stand-in answering Failed, exits 1 naming the deployment and the error", () -> {
            assumeSetUp(r);
            Result wait = step(r, "Wait for the release to finish", statusStandin(r, "Failed"));
            assertEquals(1, wait.exit(), wait.output());
            assertTrue(wait.output().contains("::error::deployment d-STANDIN Failed") && wait.output().contains("ALARM_ACTIVE"),
                    wait.output());
            assertEquals("Failed", wait.outputs().get("status"));
        }));
        tests.add(dynamicTest("wait step, aws stand-in answering InProgress twice then Succeeded, polls three times", () -> {
            assumeSetUp(r);
            Map<String, String> env = statusStandin(r, "InProgress InProgress Succeeded");
            Result wait = step(r, "Wait for the release to finish", env);
            wait.assertExit(0);
            assertEquals(3, Files.readAllLines(Path.of(env.get("STANDIN_CALLS"))).size(), wait.output());
        }));
        return tests.stream();
    }

    // -- the runner ---------------------------------------------------------------------------

    private Result step(Replay r, String name, Map<String, String> overrides) throws IOException {
        JsonNode step = null;
        for (JsonNode candidate : r.job.path("steps")) {
            if (name.equals(candidate.path("name").asText())) {
                step = candidate;
            }
        }
        assertTrue(step != null, "no step named " + name + " in job " + JOB + " of " + WORKFLOW);
        Map<String, String> env = new HashMap<>();
        step.path("env").fields().forEachRemaining(e -> env.put(e.getKey(), resolve(r, e.getValue().asText())));
        env.putAll(overrides);
        Result result = bash(r, step.path("run").asText(), env);
        // A later step reads the outputs of the main scenario's run, failed or not, as the runner
        // keeps them; not those of a control or of the hotfix scenario.
        boolean control = overrides.containsKey("STANDIN_CALLS") || overrides.containsKey("HOTFIX")
                || overrides.containsKey("DEPLOYMENT_GROUP");
        if (step.has("id") && !control) {
            r.outputs.put(step.path("id").asText(), result.outputs());
        }
        return result;
    }

    private Result bash(Replay r, String script, Map<String, String> env) throws IOException {
        Path file = Files.createTempFile(r.dir, "step-", ".sh");
        Files.writeString(file, script);
        return run(List.of("bash", "--noprofile", "--norc", "-eo", "pipefail", file.toString()), stepEnv(r, env), r.workdir);
    }

    /** The job env, its expressions resolved, and what the runner and the actions before the step set. */
    private Map<String, String> stepEnv(Replay r, Map<String, String> stepEnv) throws IOException {
        Map<String, String> env = baseEnv(r);
        env.putAll(r.credentials);
        r.jobEnv.forEach((k, v) -> env.put(k, resolve(r, v)));
        env.put("GITHUB_SHA", SHA);
        env.put("GITHUB_REPOSITORY", REPOSITORY);
        env.put("GITHUB_RUN_ID", RUN_ID);
        env.put("RUNNER_TEMP", r.runnerTemp.toString());
        env.put("GITHUB_STEP_SUMMARY", r.dir.resolve("step-summary.md").toString());
        Path output = Files.createTempFile(r.dir, "github-output-", ".txt");
        env.put("GITHUB_OUTPUT", output.toString());
        env.putAll(stepEnv);
        String extraPath = env.remove("STANDIN_PATH");
        env.put("PATH", (extraPath == null ? "" : extraPath + ":") + r.standins + ":" + Tools.aws().getParent()
                + ":" + System.getenv("PATH"));
        return env;
    }

    private Map<String, String> baseEnv(Replay r) throws IOException {
        Map<String, String> env = MotoServer.clientEnvironment();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_DEFAULT_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL", MOTO.endpoint().toString());
        env.put("SKOPEO_STANDIN_STATE", r.dir.resolve("skopeo-standin").toString());
        Path skopeo = r.standins.resolve("skopeo");
        if (!Files.exists(skopeo)) {
            // The stand-in is named skopeo on PATH, as the steps call it; the file it runs says stand-in.
            executable(skopeo, "#!/bin/sh\nexec '" + Tools.python() + "' '" + RESOURCES.resolve("skopeo_standin.py")
                    + "' \"$@\"\n");
        }
        return env;
    }

    /** The step's ${{ }} expressions, as GitHub would resolve them for a push to main. */
    private static String resolve(Replay r, String value) {
        Matcher m = EXPRESSION.matcher(value);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String expression = m.group(1);
            String resolved;
            Matcher stepOutput = Pattern.compile("steps\\.([\\w-]+)\\.outputs\\.([\\w-]+)").matcher(expression);
            if (expression.equals("needs.build.outputs.digest")) {
                resolved = r.imageDigest == null ? "" : r.imageDigest;
            } else if (expression.equals("github.event_name == 'workflow_dispatch' && inputs.hotfix")) {
                resolved = "false";
            } else if (stepOutput.matches()) {
                resolved = r.outputs.getOrDefault(stepOutput.group(1), Map.of()).getOrDefault(stepOutput.group(2), "");
            } else {
                throw new AssertionError("the replay does not know the expression ${{ " + expression + " }} in " + value);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(resolved));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static Result run(List<String> command, Map<String, String> env, Path dir) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        Path log = Files.createTempFile("replay-", ".log");
        builder.redirectOutput(log.toFile());
        Process process = builder.start();
        try {
            if (!process.waitFor(STEP_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
                throw new AssertionError(command + " did not finish in " + STEP_TIMEOUT_SECONDS + " s: "
                        + Files.readString(log));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        String output = Files.readString(log);
        Files.delete(log);
        Map<String, String> outputs = new HashMap<>();
        String githubOutput = env.get("GITHUB_OUTPUT");
        if (githubOutput != null && Files.exists(Path.of(githubOutput))) {
            for (String line : Files.readAllLines(Path.of(githubOutput))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    outputs.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        }
        return new Result(process.exitValue(), output, outputs);
    }

    // -- moto ---------------------------------------------------------------------------------

    /** Skips, naming the API, when moto answered a call of the step with "not implemented". */
    private static void skipIfMotoLacks(Result result) {
        if (result.exit() == 0) {
            return;
        }
        Matcher m = MOTO_LACKS.matcher(MOTO.log());
        List<String> actions = new ArrayList<>();
        while (m.find()) {
            actions.add(m.group(1));
        }
        boolean lacks = result.output().contains("moto lacks") || result.output().contains("(500)")
                || result.output().contains("NotImplemented") || result.output().contains("UnknownOperation");
        if (lacks) {
            throw new TestAbortedException("moto lacks " + (actions.isEmpty() ? "an API" : String.join(", ", actions))
                    + ": " + result.output());
        }
    }

    private static java.util.Optional<String> lacking(Replay r, String api) {
        for (JsonNode lack : r.prerequisites.path("lacking")) {
            if (lack.path("api").asText().equals(api)) {
                return java.util.Optional.of(api + " (" + lack.path("reason").asText() + ")");
            }
        }
        return java.util.Optional.empty();
    }

    private static void assumeSetUp(Replay r) {
        if (r.prerequisites == null) {
            throw new TestAbortedException("the setup test failed: nothing to replay against");
        }
    }

    private static void assumeDeployed(Replay r) {
        if (r.deploymentId == null) {
            throw new TestAbortedException("no deployment was started before this step");
        }
    }

    private void variantGroup(Replay r, String name, String targetGroups, String alarms) throws IOException {
        run(List.of(Tools.python().toString(), RESOURCES.resolve("prerequisites.py").toString(),
                "--endpoint", MOTO.endpoint().toString(), "--stacks", Synthesized.examples().outDir().resolve("stacks").toString(),
                "--prefix", r.prefix, "--variant-group", name, "--target-groups", targetGroups, "--alarms", alarms),
                baseEnv(r), r.dir).assertExit(0);
        Map<String, String> groups = readGroupAlarms(r);
        groups.put(name, alarms.replace(',', ' '));
        writeGroupAlarms(r, groups);
    }

    private static String alarms(Replay r) {
        return r.jobEnv.get("BLUE_ALARMS") + " " + r.jobEnv.get("GREEN_ALARMS");
    }

    /**
     * A STAND-IN aws, first on PATH, that passes every call to the real one and, for
     * get-deployment-group, adds the alarms the group was created with: moto stores them but
     * answers alarmConfiguration {}.
     */
    private Map<String, String> alarmsStandin(Replay r) throws IOException {
        Map<String, String> groups = readGroupAlarms(r);
        groups.putIfAbsent(r.jobEnv.get("DEPLOYMENT_GROUP"), String.join(" ",
                JSON.convertValue(r.prerequisites.at("/created/alarms"), String[].class)));
        writeGroupAlarms(r, groups);
        Path dir = Files.createDirectories(r.dir.resolve("aws-standin-group-alarms"));
        executable(dir.resolve("aws"), """
                #!/bin/bash
                # STAND-IN: the real aws, with the alarms moto drops from get-deployment-group put back.
                set -eo pipefail
                if [ "$1 $2" = "deploy get-deployment-group" ]; then
                  group="$(sed -n 's/.*--deployment-group-name \\([^ ]*\\).*/\\1/p' <<<"$*")"
                  '%s' "$@" | jq --arg alarms "$(jq -r --arg g "$group" '.[$g] // ""' '%s')" \\
                    '.deploymentGroupInfo.alarmConfiguration = {enabled: true, alarms: [$alarms | split(" ")[] | {name: .}]}'
                else
                  exec '%s' "$@"
                fi
                """.formatted(Tools.aws(), r.dir.resolve("group-alarms.json"), Tools.aws()));
        return Map.of("STANDIN_PATH", dir.toString());
    }

    /** A STAND-IN aws answering get-deployment with the given statuses in turn, one per call. */
    private Map<String, String> statusStandin(Replay r, String statuses) throws IOException {
        Path dir = Files.createTempDirectory(r.dir, "aws-standin-status-");
        Path calls = dir.resolve("calls");
        Files.writeString(dir.resolve("statuses"), String.join("\n", statuses.split(" ")) + "\n");
        executable(dir.resolve("aws"), """
                #!/bin/bash
                # STAND-IN: CodeDeploy's answers for deployment outcomes moto never reaches.
                set -eo pipefail
                here="$(dirname "$0")"
                case "$*" in
                  *"--query deploymentInfo.status"*)
                    echo "$*" >> "$here/calls"
                    status="$(head -1 "$here/statuses")"
                    [ "$(wc -l < "$here/statuses")" -gt 1 ] && sed -i 1d "$here/statuses"
                    echo "$status" ;;
                  *errorInformation*) printf 'ALARM_ACTIVE\\tAlarm webapp-dev-green-5xx fired\\n' ;;
                  *) echo "aws stand-in: unexpected call: $*" >&2; exit 2 ;;
                esac
                """);
        return Map.of("STANDIN_PATH", dir.toString(), "DEPLOYMENT_ID", "d-STANDIN", "POLL_SECONDS", "0",
                "STANDIN_CALLS", calls.toString());
    }

    private static Map<String, String> readGroupAlarms(Replay r) throws IOException {
        Path file = r.dir.resolve("group-alarms.json");
        Map<String, String> groups = new HashMap<>();
        if (Files.exists(file)) {
            JSON.readTree(file.toFile()).fields().forEachRemaining(e -> groups.put(e.getKey(), e.getValue().asText()));
        }
        return groups;
    }

    private static void writeGroupAlarms(Replay r, Map<String, String> groups) throws IOException {
        JSON.writeValue(r.dir.resolve("group-alarms.json").toFile(), groups);
    }

    private String awsJson(Replay r, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Tools.aws().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--output", "json"));
        Result result = run(command, baseEnv(r), r.dir);
        result.assertExit(0);
        return result.output();
    }

    private String digestOf(Replay r, String tag) throws IOException {
        return JSON.readTree(awsJson(r, "ecr", "describe-images", "--repository-name", r.jobEnv.get("REPOSITORY"),
                "--image-ids", "imageTag=" + tag)).at("/imageDetails/0/imageDigest").asText();
    }

    private String images(Replay r) throws IOException {
        JsonNode details = JSON.readTree(awsJson(r, "ecr", "describe-images", "--repository-name", r.jobEnv.get("REPOSITORY")));
        List<String> images = new ArrayList<>();
        details.path("imageDetails").forEach(d -> images.add(d.path("imageDigest").asText() + " " + d.path("imageTags")
                + " " + d.path("imagePushedAt").asText()));
        images.sort(null);
        return String.join("\n", images);
    }

    private static String registryImage(Replay r) {
        return r.jobEnv.get("REGISTRY") + "/" + r.jobEnv.get("REPOSITORY") + "@" + r.imageDigest;
    }

    /** The role the job's configure-aws-credentials step assumes. */
    private static String releaseRoleArn(Replay r) {
        for (JsonNode step : r.job.path("steps")) {
            if (step.path("uses").asText().startsWith("aws-actions/configure-aws-credentials@")) {
                return step.at("/with/role-to-assume").asText();
            }
        }
        throw new AssertionError("job " + JOB + " has no configure-aws-credentials step");
    }

    private static void executable(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        assertTrue(file.toFile().setExecutable(true), "cannot make " + file + " executable");
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
