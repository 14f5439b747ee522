package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real checkov, from the tools cache (scripts/setup-tools.sh), over the scanned copy
 * ({@link CheckovInput}) of every synthesized stack of the example environments. A failed check
 * fails this test unless src/test/resources/checkov-skips.txt lists it, with a reason, for that
 * environment, resource address and check; a skip that no failed check matches fails too, so the
 * list only holds what is still needed. There is one test per stack, so a failure names it.
 *
 * <p>The controls prove the scan can fail: each edits one stack's synthesized JSON the way a
 * regression would (the stacks themselves are not changed) and asserts exactly which checks then
 * fail, at which address.
 */
class CheckovIT {
    static final String CHECKOV_VERSION = "3.3.30";
    private static final Path SKIPS = Repo.root().resolve("src/test/resources/checkov-skips.txt");
    private static final long TIMEOUT_MINUTES = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    /** {@code section.key} at the start of a reason, e.g. {@code loadBalancer.certificateArn}, or a nested key ({@code loadBalancer.accessLogs.bucket}). */
    private static final Pattern CONFIG_KEY = Pattern.compile("([a-z][A-Za-z]*)\\.([a-z][A-Za-z]*(?:\\.[a-z][A-Za-z]*)*)\\b");

    /** One reviewed exception: {@code check} may fail on {@code address} in environment {@code env}. */
    record Skip(String env, String address, String check, String reason) {
        String key() {
            return env + " " + address + " " + check;
        }
    }

    /** A failed check, by environment and resource address. */
    record Finding(String check, String name, String env, String stack, String address, String guideline) {
        String key() {
            return env + " " + address + " " + check;
        }

        @Override
        public String toString() {
            return key() + " (" + stack + "): " + name + (guideline.isEmpty() ? "" : " (" + guideline + ")");
        }
    }

    /** What one checkov run over every example stack found; made once for all the tests here. */
    record Report(Map<String, String> envOf, List<Finding> findings, List<String> parsingErrors) {}

    private static Report report;

    private static synchronized Report report() throws Exception {
        if (report == null) {
            Path checkov = checkov();
            Synthesized examples = Synthesized.examples();
            Path stacks = examples.outDir().resolve("stacks");
            Map<String, String> envOf = new LinkedHashMap<>();
            examples.stacks().forEach((env, names) -> names.forEach(name -> envOf.put(name, env)));
            Path scanned = Files.createTempDirectory("checkov-input");
            envOf.keySet().forEach(stack -> CheckovInput.write(stacks.resolve(stack), scanned.resolve(stack)));
            JsonNode json = run(checkov, scanned);
            List<String> parsingErrors = new ArrayList<>();
            for (JsonNode run : runs(json)) {
                assertEquals(CHECKOV_VERSION, run.path("summary").path("checkov_version").asText(),
                        "checkov version in " + checkov + "; rerun scripts/setup-tools.sh");
                run.path("results").path("parsing_errors").forEach(file -> parsingErrors.add(file.asText()));
            }
            List<Finding> findings = findings(json, envOf, scanned::resolve);
            report = new Report(envOf, findings, parsingErrors);
            System.out.println("checkov " + CHECKOV_VERSION + " over " + scanned + ": " + findings.size() + " failed check(s)");
            envOf.values().stream().distinct().forEach(env -> System.out.println("  " + env + ": "
                    + findings.stream().filter(f -> f.env().equals(env)).count() + " failed check(s)"));
            findings.forEach(f -> System.out.println("  " + f));
        }
        return report;
    }

    /** One test per stack, so a failure names the stack that has it. */
    @TestFactory
    Stream<DynamicTest> everyStackPassesCheckovExceptReviewedSkips() throws Exception {
        Report report = report();
        Map<String, Skip> skips = skips();
        return report.envOf().keySet().stream().map(stack -> DynamicTest.dynamicTest(stack + " passes checkov", () -> {
            List<String> unparsed = report.parsingErrors().stream().filter(file -> file.contains("/" + stack + "/")).toList();
            assertTrue(unparsed.isEmpty(), () -> "checkov could not parse, so did not check: " + unparsed);
            List<Finding> failed = report.findings().stream()
                    .filter(f -> f.stack().equals(stack) && !skips.containsKey(f.key())).toList();
            assertTrue(failed.isEmpty(), () -> failed.size() + " failed checkov check(s) in " + stack + "; fix them,"
                    + " or add a line \"<env> <resource address> <check> <reason>\" to " + SKIPS + ":\n  "
                    + failed.stream().map(Finding::toString).collect(Collectors.joining("\n  ")));
        }));
    }

    @Test
    void everyCheckovSkipStillMatchesAFailedCheck() throws Exception {
        Report report = report();
        List<String> stale = skips().values().stream()
                .filter(skip -> report.findings().stream().noneMatch(f -> f.key().equals(skip.key())))
                .map(Skip::key).toList();
        assertTrue(stale.isEmpty(), () -> "skips that match no failed check any more; remove them from " + SKIPS + ": " + stale);
    }

    @Test
    void skipListNamesEachEnvironmentAddressAndCheckOnceWithAReason() throws IOException {
        skips();
    }

    /**
     * A skip that holds in one environment only is there because of a choice in that
     * environment's file, so its reason starts with the configuration key that makes it.
     */
    @Test
    void aSkipOfOneEnvironmentOnlyNamesTheConfigurationKeyBehindIt() throws IOException {
        Collection<Skip> skips = skips().values();
        String reference = Files.readString(Repo.root().resolve("docs/configuration.md"), StandardCharsets.UTF_8);
        List<String> unexplained = new ArrayList<>();
        for (Skip skip : skips) {
            boolean elsewhere = skips.stream().anyMatch(other -> !other.env().equals(skip.env())
                    && other.address().equals(skip.address()) && other.check().equals(skip.check()));
            if (elsewhere) {
                continue;
            }
            Matcher key = CONFIG_KEY.matcher(skip.reason());
            if (!key.lookingAt() || !reference.contains("| `" + key.group(2) + "` |")) {
                unexplained.add(skip.key() + ": " + skip.reason());
            }
        }
        assertTrue(unexplained.isEmpty(), () -> "skips of one environment whose reason does not start with a key of"
                + " docs/configuration.md (section.key):\n  " + String.join("\n  ", unexplained));
    }

    /** The task definitions are read, not passed unread: their container checks ran and passed. */
    @Test
    void theContainerChecksEvaluateEveryTaskDefinition() throws Exception {
        Path checkov = checkov();
        for (String stack : List.of("webapp-dev-service", "webapp-prod-service")) {
            JsonNode json = run(checkov, scannedCopy(stack, unchanged -> {}));
            Set<String> passed = new TreeSet<>();
            runs(json).forEach(run -> run.path("results").path("passed_checks").forEach(check ->
                    passed.add(check.path("check_id").asText() + " " + check.path("resource").asText())));
            assertTrue(passed.containsAll(Set.of("CKV_AWS_335 aws_ecs_task_definition.task",
                    "CKV_AWS_336 aws_ecs_task_definition.task")), () -> stack + ": passed " + passed);
        }
    }

    @Test
    void aWritableRootFilesystemAndTheHostPidModeFailTheScan() throws Exception {
        assertNewFailures("webapp-prod-service", stack -> {
            ObjectNode task = (ObjectNode) stack.path("resource").path("aws_ecs_task_definition").path("task");
            editContainers(task, container -> container.put("readonlyRootFilesystem", false).put("pidMode", "host"));
        }, Set.of("aws_ecs_task_definition.task CKV_AWS_335", "aws_ecs_task_definition.task CKV_AWS_336"));
    }

    @Test
    void sshOpenToTheInternetFailsTheScan() throws Exception {
        assertNewFailures("webapp-prod-service", stack -> ingress(stack, "ssh_from_anywhere", 22, 22),
                Set.of("aws_vpc_security_group_ingress_rule.ssh_from_anywhere CKV_AWS_24"));
    }

    @Test
    void everyTcpPortOpenToTheInternetFailsTheScan() throws Exception {
        assertNewFailures("webapp-prod-service", stack -> ingress(stack, "tcp_from_anywhere", 0, 65535),
                Set.of("aws_vpc_security_group_ingress_rule.tcp_from_anywhere CKV_AWS_24",
                        "aws_vpc_security_group_ingress_rule.tcp_from_anywhere CKV_AWS_25",
                        "aws_vpc_security_group_ingress_rule.tcp_from_anywhere CKV_AWS_260"));
    }

    @Test
    void mutableImageTagsFailTheScan() throws Exception {
        assertNewFailures("webapp-prod-registry", stack -> ((ObjectNode) stack.path("resource").path("aws_ecr_repository")
                .path("repository")).put("image_tag_mutability", "MUTABLE"),
                Set.of("aws_ecr_repository.repository CKV_AWS_51"));
    }

    @Test
    void aPlainHttpProductionListenerInProdFailsTheScan() throws Exception {
        assertNewFailures("webapp-prod-service", stack -> {
            ObjectNode listeners = (ObjectNode) stack.path("resource").path("aws_lb_listener");
            ((ObjectNode) listeners.path("production_listener")).put("protocol", "HTTP").put("port", 80)
                    .remove(List.of("certificate_arn", "ssl_policy"));
            listeners.remove("http_redirect_listener");
        }, Set.of("aws_lb_listener.production_listener CKV_AWS_2", "aws_lb_listener.production_listener CKV_AWS_103",
                "aws_lb.alb CKV2_AWS_20", "aws_lb_target_group.blue CKV_AWS_378"));
    }

    @Test
    void aTrustPolicyForAnyPrincipalFailsTheScan() throws Exception {
        assertNewFailures("webapp-prod-access", stack -> {
            ObjectNode statement = (ObjectNode) stack.path("data").path("aws_iam_policy_document").path("ecs_tasks_trust")
                    .path("statement").path(0);
            statement.remove("condition");
            statement.putArray("principals").addObject().put("type", "AWS").putArray("identifiers").add("*");
        }, Set.of("data.aws_iam_policy_document.ecs_tasks_trust CKV_AWS_283"));
    }

    @Test
    void anAdministratorStatementInThePolicyOfARoleFailsTheScan() throws Exception {
        String release = "data.aws_iam_policy_document.release_permissions ";
        assertNewFailures("webapp-prod-access", stack -> {
            ObjectNode statement = ((ArrayNode) stack.path("data")
                    .path("aws_iam_policy_document").path("release_permissions").path("statement")).addObject();
            statement.put("sid", "Everything").put("effect", "Allow");
            statement.putArray("actions").add("*");
            statement.putArray("resources").add("*");
        }, Stream.of("CKV2_AWS_40", "CKV_AWS_1", "CKV_AWS_107", "CKV_AWS_108", "CKV_AWS_109", "CKV_AWS_110", "CKV_AWS_111",
                "CKV_AWS_356", "CKV_AWS_49").map(check -> release + check).collect(Collectors.toSet()));
    }

    /** Edits every container of a synthesized task definition, whose definitions are a JSON string. */
    private static void editContainers(ObjectNode task, Consumer<ObjectNode> edit) {
        try {
            JsonNode containers = JSON.readTree(task.path("container_definitions").asText());
            containers.forEach(container -> edit.accept((ObjectNode) container));
            task.put("container_definitions", JSON.writeValueAsString(containers));
        } catch (IOException e) {
            throw new AssertionError("container_definitions is not JSON: " + task, e);
        }
    }

    private static void ingress(ObjectNode stack, String name, int fromPort, int toPort) {
        ((ObjectNode) stack.path("resource").path("aws_vpc_security_group_ingress_rule")).putObject(name)
                .put("security_group_id", "${aws_security_group.service_security_group.id}")
                .put("cidr_ipv4", "0.0.0.0/0").put("ip_protocol", "tcp").put("from_port", fromPort).put("to_port", toPort)
                .put("description", "a control of the scan");
    }

    /** Scans {@code stack} as synthesized and edited; the checks failing only after the edit must be {@code expected}. */
    private static void assertNewFailures(String stack, Consumer<ObjectNode> edit, Set<String> expected) throws Exception {
        Path checkov = checkov();
        Set<String> before = failures(checkov, scannedCopy(stack, unchanged -> {}), stack);
        Set<String> after = failures(checkov, scannedCopy(stack, edit), stack);
        Set<String> added = new TreeSet<>(after);
        added.removeAll(before);
        assertEquals(new TreeSet<>(expected), added, () -> "checks failing only after the edit of " + stack
                + "; all failing after it: " + after);
    }

    /** {@code <address> <check>} of every check failing in the scanned copy {@code scanned} of {@code stack}. */
    private static Set<String> failures(Path checkov, Path scanned, String stack) throws IOException, InterruptedException {
        return findings(run(checkov, scanned), Map.of(stack, "-"), scanned::resolve).stream()
                .map(f -> f.address() + " " + f.check()).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A folder holding the scanned copy of the example stack {@code stack} after {@code edit}. */
    private static Path scannedCopy(String stack, Consumer<ObjectNode> edit) throws IOException {
        Synthesized examples = Synthesized.examples();
        ObjectNode json = (ObjectNode) examples.stack(stack).deepCopy();
        edit.accept(json);
        Path edited = Files.createTempDirectory("checkov-control").resolve(stack);
        Files.createDirectories(edited);
        Files.writeString(edited.resolve(CheckovInput.STACK_FILE), JSON.writeValueAsString(json), StandardCharsets.UTF_8);
        Path scanned = Files.createTempDirectory("checkov-input");
        CheckovInput.write(edited, scanned.resolve(stack));
        return scanned;
    }

    /** The checkov of the tools cache; skips the test, saying why, when it is not there. */
    private static Path checkov() {
        String cache = System.getProperty("ecsforge.cache");
        assumeTrue(cache != null && !cache.isBlank(),
                "needs checkov: the system property ecsforge.cache is not set (scripts/test sets it; or run mvn test"
                        + " -Decsforge.cache=$HOME/.cache/ecsforge after scripts/setup-tools.sh)");
        Path checkov = Path.of(cache).resolve("venv/bin/checkov");
        assumeTrue(Files.isExecutable(checkov), "needs checkov: " + checkov + " is missing; run scripts/setup-tools.sh");
        return checkov;
    }

    private static JsonNode run(Path checkov, Path stacks) throws IOException, InterruptedException {
        Path out = Files.createTempFile("checkov", ".json");
        Path err = Files.createTempFile("checkov", ".err");
        try {
            // --skip-download: no rule or guideline downloads; the checks are those of the pinned version.
            // Both frameworks: terraform_json reads cdk.tf.json, terraform the task definitions' HCL.
            Process process = new ProcessBuilder(checkov.toString(), "--directory", stacks.toString(),
                    "--framework", "terraform_json", "terraform", "--output", "json", "--skip-download", "--compact")
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("checkov did not finish within " + TIMEOUT_MINUTES + " minutes; stderr:\n" + tail(err));
            }
            // checkov exits 1 when a check failed, which this test reports itself.
            int exit = process.exitValue();
            assertTrue(exit == 0 || exit == 1, () -> "checkov exited " + exit + "; stderr:\n" + tail(err));
            String json = Files.readString(out, StandardCharsets.UTF_8);
            try {
                return JSON.readTree(json);
            } catch (IOException e) {
                throw new AssertionError("checkov wrote no JSON report; stdout:\n" + json + "\nstderr:\n" + tail(err), e);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<JsonNode> runs(JsonNode report) {
        List<JsonNode> runs = new ArrayList<>();
        (report.isArray() ? report : JSON.createArrayNode().add(report)).forEach(runs::add);
        return runs;
    }

    /**
     * @param envOf the environment of each stack scanned
     * @param scanned the folder checkov scanned for a stack, where a bare name is looked up
     */
    private static List<Finding> findings(JsonNode report, Map<String, String> envOf, Function<String, Path> scanned) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode run : runs(report)) {
            for (JsonNode failed : run.path("results").path("failed_checks")) {
                String stack = Path.of(failed.path("file_path").asText()).getParent().getFileName().toString();
                String address = address(failed.path("resource").asText(), scanned.apply(stack));
                findings.add(new Finding(failed.path("check_id").asText(), failed.path("check_name").asText(),
                        envOf.getOrDefault(stack, "?"), stack, address, failed.path("guideline").asText("")));
            }
        }
        return findings;
    }

    /**
     * Terraform's address of what checkov names. For some checks its terraform_json framework
     * names a resource {@code resource.<name>} or {@code data.<name>} without the type, and graph
     * checks name a data source {@code <type>.<name>} without {@code data.}; the type is
     * the one that has a block of that name in the stack (names are unique across types in our stacks,
     * which this checks).
     */
    static String address(String named, Path stackFolder) {
        String[] parts = named.split("\\.", 2);
        JsonNode stack;
        try {
            stack = JSON.readTree(stackFolder.resolve(CheckovInput.STACK_FILE).toFile());
        } catch (IOException e) {
            throw new AssertionError("cannot read " + stackFolder, e);
        }
        if (!(parts[0].equals("resource") || parts[0].equals("data"))) {
            // Graph checks name a data source by type and name alone.
            boolean dataSource = !stack.path("resource").path(parts[0]).has(parts[1])
                    && stack.path("data").path(parts[0]).has(parts[1]);
            return (dataSource ? "data." : "") + named;
        }
        JsonNode blocks = stack.path(parts[0]);
        List<String> types = new ArrayList<>();
        for (Iterator<String> it = blocks.fieldNames(); it.hasNext(); ) {
            String type = it.next();
            if (blocks.path(type).has(parts[1])) {
                types.add(type);
            }
        }
        assertEquals(1, types.size(), () -> "checkov named " + named + "; types with a block of that name in "
                + stackFolder + ": " + types);
        return (parts[0].equals("data") ? "data." : "") + types.get(0) + "." + parts[1];
    }

    /** Lines {@code <env> <resource address> <check id> <reason>}; blank lines and lines starting with # are ignored. */
    static Map<String, Skip> skips() throws IOException {
        Map<String, Skip> skips = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(SKIPS, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 4);
            String where = SKIPS + ":" + (i + 1);
            assertTrue(fields.length == 4 && fields[0].matches("[a-z][a-z0-9-]*")
                            && fields[1].matches("(data\\.)?aws_[a-z0-9_]+\\.[A-Za-z0-9_-]+") && fields[2].matches("CKV2?_AWS_\\d+"),
                    () -> where + ": expected \"<env> <resource address> <check id> <reason>\", e.g. \"dev"
                            + " aws_lb_listener.production_listener CKV_AWS_2 ...\"; found \"" + line + "\"");
            Skip skip = new Skip(fields[0], fields[1], fields[2], fields[3]);
            assertTrue(skips.put(skip.key(), skip) == null, () -> where + ": " + skip.key() + " is listed twice");
        }
        return skips;
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}
