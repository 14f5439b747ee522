package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.runner.Bootstrap;
import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.Processes;
import io.ecsforge.testing.TerraformDataApp;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole life of an environment through the real CLI, real OpenTofu (built from source by
 * scripts/setup-tools.sh) and a real S3 API (moto on loopback): bootstrap, plan, apply, plan
 * again, output, locking, a stale plan, destroy. The steps build on each other, so they run in
 * order; each checks one behaviour.
 *
 * <p>Not real: the stacks use Terraform's built-in terraform_data instead of AWS resources (no
 * provider can be downloaded here), and the state bucket is made by a boto3 call in a
 * local-exec instead of an aws_s3_bucket.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TofuAndMotoLifecycleIT {
    @RegisterExtension static final MotoServer MOTO = new MotoServer();
    @TempDir static Path project;
    @TempDir static Path secondCheckout;
    @TempDir static Path interruptedProject;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STATE = "demo-it-state";
    private static final String NETWORK = "demo-it-network";
    private static final String SERVICE = "demo-it-service";

    private static Path tofu;
    private static TerraformDataApp.Settings app;
    private static Map<String, String> environment;

    @BeforeAll
    static void synthesize() {
        if (!MOTO.isRunning() || !Tools.installed("bin/tofu", "venv/bin/python")) {
            return;
        }
        app = new TerraformDataApp.Settings("demo", "it", MOTO.endpoint(), Tools.python(), "v1", 0);
        environment = MotoServer.clientEnvironment();
        TerraformDataApp.synth(project.resolve("cdktf.out"), app);
    }

    @BeforeEach
    void needsTofuAndPython() {
        tofu = Tools.tofu();
        Tools.python();
    }

    private static CliResult ecsforge(String... args) {
        return ecsforgeIn(project, args);
    }

    private static CliResult ecsforgeIn(Path directory, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-C", directory.toString()));
        if (!args[0].equals("stacks")) {
            all.addAll(List.of("--terraform", tofu.toString()));
        }
        if (args[0].equals("plan") || args[0].equals("bootstrap")) {
            all.add("--no-synth");
        }
        CliResult result = CliResult.run(environment, all.toArray(String[]::new));
        assertFalse(result.out().contains(MotoServer.SECRET_ACCESS_KEY)
                        || result.err().contains(MotoServer.SECRET_ACCESS_KEY),
                () -> "the secret access key was printed:\n" + result);
        return result;
    }

    private static JsonNode state(String stack) throws IOException {
        String key = app.stateKey(stack.substring(app.prefix().length()));
        String body = MOTO.object(app.bucket(), key)
                .orElseThrow(() -> new AssertionError("no state object s3://" + app.bucket() + "/" + key
                        + "; the bucket holds " + MOTO.keys(app.bucket())));
        return JSON.readTree(body);
    }

    private static List<String> resourceNames(JsonNode state) {
        List<String> names = new ArrayList<>();
        state.path("resources").forEach(r -> names.add(r.path("type").asText() + "." + r.path("name").asText()));
        return names;
    }

    /** The lines that end each stack: {@code [stack] step ok: ... (1.2s)}. */
    private static List<String> resultLines(CliResult result) {
        return result.out().lines().filter(line -> line.matches("\\[[^]]+] \\w+ (ok|FAILED).*")).toList();
    }

    private static List<String> stacksInResultLines(CliResult result) {
        return resultLines(result).stream().map(line -> line.substring(1, line.indexOf(']'))).toList();
    }

    @Test
    @Order(0)
    void planBeforeBootstrapFailsAtInitAndSaysToBootstrapFirst() {
        CliResult result = ecsforge("plan", "--env", "it", "--stack", "network");

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("error: stack " + NETWORK + " failed: tofu init -input=false -no-color:"
                + " exited with code 1\n"), result::toString);
        assertTrue(result.err().strip().endsWith(
                "  the state bucket does not exist yet: run 'ecsforge bootstrap' for this environment first"),
                result::toString);
    }

    @Test
    @Order(1)
    void bootstrapCreatesTheBucketWithABoto3LocalExecStandInOnLocalStateThenMovesTheStateIntoTheBucket()
            throws IOException {
        assertFalse(MOTO.bucketExists(app.bucket()), "the bucket must not exist before bootstrap");

        CliResult result = ecsforge("bootstrap", "--env", "it");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("terraform_data.bucket"), resourceNames(state(STATE)),
                () -> "resources in the state stack's state in the bucket; " + result);
        assertFalse(Files.exists(project.resolve(".tfstate/demo/it/state.tfstate")),
                "the local state must be gone once it is in the bucket");
        assertFalse(Files.exists(project.resolve("cdktf.out/stacks/" + STATE + "/" + Bootstrap.LOCAL_BACKEND_OVERRIDE)),
                "the local backend override must be gone: from now on the state stack runs on its JSON's S3 backend");
    }

    @Test
    @Order(2)
    void bootstrapTwiceChangesNothing() {
        String before = MOTO.object(app.bucket(), app.stateKey("state")).orElseThrow();

        CliResult result = ecsforge("bootstrap", "--env", "it");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[" + STATE + "] bootstrap ok: already bootstrapped, state in s3://"
                + app.bucket() + "/" + app.stateKey("state") + "; no changes ("), result::toString);
        assertEquals(before, MOTO.object(app.bucket(), app.stateKey("state")).orElseThrow(),
                "the state object must be byte for byte the same after a second bootstrap");
    }

    @Test
    @Order(3)
    void stacksListsTheStacksInDependencyOrderWithTheirBackendKeys() {
        CliResult result = ecsforge("stacks", "--env", "it");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(
                "ORDER  STACK            DEPENDS ON       BACKEND",
                "1      demo-it-state    -                s3://demo-it-state/demo/it/state.tfstate",
                "2      demo-it-network  demo-it-state    s3://demo-it-state/demo/it/network.tfstate",
                "3      demo-it-service  demo-it-network  s3://demo-it-state/demo/it/service.tfstate"),
                result.out().lines().toList(), result::toString);
    }

    @Test
    @Order(4)
    void planSavesEachStacksPlanWithItsShowJsonAndTheSha256OfItsStackJsonInDependencyOrder() throws Exception {
        CliResult result = ecsforge("plan", "--env", "it");

        assertEquals(0, result.exitCode(), result::toString);
        List<String> lines = resultLines(result);
        assertEquals(3, lines.size(), result::toString);
        assertTrue(lines.get(0).startsWith("[" + STATE + "] plan ok: no changes; saved "), result::toString);
        assertTrue(lines.get(1).startsWith("[" + NETWORK + "] plan ok: 1 to add, 0 to change, 0 to destroy; saved "),
                result::toString);
        assertTrue(lines.get(2).startsWith("[" + SERVICE + "] plan ok: 1 to add, 0 to change, 0 to destroy; saved "),
                result::toString);
        Path planDirectory = project.resolve(".ecsforge/plans/" + SERVICE);
        JsonNode fingerprint = JSON.readTree(planDirectory.resolve("fingerprint.json").toFile());
        assertEquals(sha256(project.resolve("cdktf.out/stacks/" + SERVICE + "/cdk.tf.json")),
                fingerprint.path("stackJsonSha256").asText(), fingerprint::toString);
        JsonNode showJson = JSON.readTree(planDirectory.resolve("plan.json").toFile());
        assertEquals("terraform_data.service", showJson.path("resource_changes").path(0).path("address").asText(),
                showJson::toPrettyString);
    }

    @Test
    @Order(5)
    void applyAppliesTheSavedPlansInOrderAndEachStacksStateIsInTheBucket() throws IOException {
        CliResult result = ecsforge("apply", "--env", "it", "--auto-approve");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of(STATE, NETWORK, SERVICE), stacksInResultLines(result), result::toString);
        assertEquals(List.of("terraform_data.vpc"), resourceNames(state(NETWORK)), result::toString);
        assertEquals(List.of("terraform_data.service"), resourceNames(state(SERVICE)), result::toString);
    }

    @Test
    @Order(6)
    void planAfterApplyShowsNoChanges() {
        CliResult result = ecsforge("plan", "--env", "it");

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(3, resultLines(result).stream().filter(line -> line.contains(" plan ok: no changes; ")).count(),
                result::toString);
    }

    @Test
    @Order(7)
    void outputJsonShowsTheStacksOutputsWithSensitiveValuesHidden() throws IOException {
        CliResult result = ecsforge("output", "--env", "it", "--stack", "service", "--json");

        assertEquals(0, result.exitCode(), result::toString);
        JsonNode outputs = JSON.readTree(result.out());
        assertEquals("v1", outputs.path("revision").path("value").asText(), result::toString);
        assertEquals("<sensitive>", outputs.path("db_password").path("value").asText(), result::toString);
        assertFalse(result.out().contains(TerraformDataApp.SENSITIVE_VALUE), result::toString);
    }

    @Test
    @Order(8)
    void outputShowsTerraformsTextWithSensitiveValuesHidden() {
        CliResult result = ecsforge("output", "--env", "it", "--stack", SERVICE);

        assertEquals(0, result.exitCode(), result::toString);
        assertEquals(List.of("db_password = <sensitive>", "revision = \"v1\""), result.out().lines().toList(),
                result::toString);
    }

    @Test
    @Order(9)
    void aSecondApplyWhileTheFirstHoldsTheLockFailsWithTheLockErrorAndLeavesTheStateIntact() throws Exception {
        TerraformDataApp.synth(project.resolve("cdktf.out"), app.withRevision("v2", 8));
        CliResult plan = ecsforge("plan", "--env", "it", "--stack", "service");
        assertEquals(0, plan.exitCode(), plan::toString);
        // A second checkout of the same project, as on a colleague's machine: its own working
        // directories, the same saved plan, the same bucket.
        copyTree(project, secondCheckout);
        String lockKey = app.stateKey("service") + ".tflock";

        CompletableFuture<CliResult> first = CompletableFuture.supplyAsync(
                () -> ecsforge("apply", "--env", "it", "--stack", "service", "--auto-approve"));
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!MOTO.keys(app.bucket()).contains(lockKey) && !first.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertTrue(MOTO.keys(app.bucket()).contains(lockKey),
                () -> "the first apply never held the lock " + lockKey + "; " + first.getNow(null));
        CliResult second = ecsforgeIn(secondCheckout, "apply", "--env", "it", "--stack", "service", "--auto-approve");
        CliResult firstResult = first.get();

        assertEquals(1, second.exitCode(), second::toString);
        assertTrue(second.err().contains("error: stack " + SERVICE + " failed: tofu apply -input=false -no-color "),
                second::toString);
        assertTrue(second.err().contains("Error acquiring the state lock"), second::toString);
        assertEquals(0, firstResult.exitCode(), firstResult::toString);
        JsonNode state = state(SERVICE);
        assertEquals("v2", state.path("resources").path(0).path("instances").path(0).path("attributes")
                .path("input").path("value").asText(), state::toPrettyString);
        assertFalse(MOTO.keys(app.bucket()).contains(lockKey), "the lock must be released after the first apply");
    }

    @Test
    @Order(10)
    void applyRefusesAPlanWhoseStackJsonChangedSinceItWasPlannedAndAppliesNothing() {
        TerraformDataApp.synth(project.resolve("cdktf.out"), app.withRevision("v3", 0));
        CliResult plan = ecsforge("plan", "--env", "it", "--stack", "service");
        assertEquals(0, plan.exitCode(), plan::toString);
        TerraformDataApp.synth(project.resolve("cdktf.out"), app.withRevision("v4", 0));
        String stateBefore = MOTO.object(app.bucket(), app.stateKey("service")).orElseThrow();

        CliResult result = ecsforge("apply", "--env", "it", "--stack", "service", "--auto-approve");

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains(
                "error: stack " + SERVICE + " failed: apply: refused to apply; nothing was applied"), result::toString);
        assertTrue(result.err().contains(SERVICE + ": the plan is stale: "), result::toString);
        assertEquals(stateBefore, MOTO.object(app.bucket(), app.stateKey("service")).orElseThrow(),
                "the state must not change when a stale plan is refused");
    }

    @Test
    @Order(11)
    void destroyRefusesAConfirmationThatIsNotTheStacksName() {
        CliResult result = ecsforge("destroy", "--env", "it", "--stack", "network", "--confirm", "network");

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("error: --confirm network does not match the stack to destroy; pass --confirm " + NETWORK,
                result.err().strip(), result::toString);
    }

    @Test
    @Order(12)
    void destroyRemovesTheStackAndItsDependentsInReverseDependencyOrder() throws IOException {
        CliResult result = ecsforge("destroy", "--env", "it", "--stack", "network", "--confirm", NETWORK);

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().startsWith("destroying, in this order: " + SERVICE + ", " + NETWORK + "\n"),
                result::toString);
        assertEquals(List.of(SERVICE, NETWORK), stacksInResultLines(result), result::toString);
        assertEquals(List.of(), resourceNames(state(SERVICE)), result::toString);
        assertEquals(List.of(), resourceNames(state(NETWORK)), result::toString);
        assertEquals(List.of("terraform_data.bucket"), resourceNames(state(STATE)), "the state stack stays");
    }

    @Test
    @Order(13)
    void planWritesTheMarkdownSummaryOfItsPlansWhenAsked() throws IOException {
        Path summary = project.resolve("plan.md");

        CliResult result = ecsforge("plan", "--env", "it", "--summary-md", summary.toString());

        assertEquals(0, result.exitCode(), result::toString);
        String markdown = Files.readString(summary);
        assertTrue(markdown.contains(NETWORK) && markdown.contains(SERVICE), markdown);
        assertTrue(result.out().endsWith("plan summary written to " + summary + "\n"), result::toString);
    }

    @Test
    @Order(14)
    void bootstrapResumesFromTheLocalStateAnInterruptedRunLeft() throws Exception {
        TerraformDataApp.Settings other = new TerraformDataApp.Settings("resume", "it", MOTO.endpoint(),
                Tools.python(), "v1", 0);
        TerraformDataApp.synth(interruptedProject.resolve("cdktf.out"), other);
        // What a run stopped between creating the bucket and moving the state leaves behind: the
        // state stack applied on local state through bootstrap's local backend override.
        Path stateStack = interruptedProject.resolve("cdktf.out/stacks/resume-it-state");
        Path localState = interruptedProject.resolve(".tfstate/resume/it/state.tfstate");
        Files.writeString(stateStack.resolve(Bootstrap.LOCAL_BACKEND_OVERRIDE),
                JSON.writeValueAsString(Map.of("terraform", Map.of("backend", Map.of("local",
                        Map.of("path", localState.toString()))))));
        for (List<String> command : List.of(List.of("init", "-input=false", "-no-color"),
                List.of("apply", "-input=false", "-no-color", "-auto-approve"))) {
            Processes.Finished run = tofu(stateStack, command);
            assertEquals(0, run.exitCode(), run.stdout() + run.stderr());
        }
        assertTrue(Files.exists(localState), "the interrupted run must leave local state");

        CliResult result = ecsforgeIn(interruptedProject, "bootstrap", "--env", "it");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[resume-it-state] resuming from the local state left in " + localState),
                result::toString);
        assertFalse(Files.exists(localState), () -> "the local state must be gone once it is in the bucket; " + result);
        JsonNode state = JSON.readTree(MOTO.object(other.bucket(), other.stateKey("state")).orElseThrow(
                () -> new AssertionError("no state in the bucket; " + result)));
        assertEquals(List.of("terraform_data.bucket"), resourceNames(state), result::toString);
    }

    @Test
    @Order(15)
    void afterBootstrapTheStateStacksJsonAloneFindsItsStateInTheBucketAsNpxCdktfDeployWould() throws Exception {
        Path stateStack = project.resolve("cdktf.out/stacks/" + STATE);
        List<String> outputs = new ArrayList<>();
        int exitCode = -1;
        for (List<String> command : List.of(List.of("init", "-input=false", "-no-color", "-reconfigure"),
                List.of("plan", "-input=false", "-no-color", "-detailed-exitcode"))) {
            Processes.Finished run = tofu(stateStack, command);
            outputs.add(run.stdout() + run.stderr());
            exitCode = run.exitCode();
        }

        assertEquals(0, exitCode, () -> "tofu plan -detailed-exitcode in " + stateStack + " (2: it would create the"
                + " bucket again, as on an empty local state):\n" + String.join("\n", outputs));
    }

    /** OpenTofu itself, without ecsforge, in a stack's folder. */
    private static Processes.Finished tofu(Path stackDirectory, List<String> command) {
        List<String> line = new ArrayList<>(List.of(tofu.toString()));
        line.addAll(command);
        return Processes.run(line, stackDirectory, environment, Duration.ofMinutes(5));
    }

    private static String sha256(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : paths.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (Files.exists(target)) {
                    throw new IOException(target + " exists already");
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
