package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real checkov, from the tools cache (scripts/setup-tools.sh), over every synthesized stack
 * of the example environments. A failed check fails this test unless
 * src/test/resources/checkov-skips.txt lists it, with a reason, for that stack part. There is one
 * test per stack part, so a failure names the stack, and a skip that no failed check matches
 * fails too, so the list only holds what is still needed. Checkov runs once for all of them.
 */
class CheckovIT {
    static final String CHECKOV_VERSION = "3.3.30";
    private static final Path SKIPS = Repo.root().resolve("src/test/resources/checkov-skips.txt");
    private static final long TIMEOUT_MINUTES = 10;

    /** One reviewed exception: {@code check} may fail in the stacks named {@code <app>-<env>-<part>}. */
    record Skip(String check, String part, String reason) {
        String key() {
            return check + " " + part;
        }
    }

    /** A failed check, by the stack part it failed in. */
    record Finding(String check, String name, String stack, String part, String resource, String guideline) {
        String key() {
            return check + " " + part;
        }

        @Override
        public String toString() {
            return check + " " + resource + " in " + stack + ": " + name + (guideline.isEmpty() ? "" : " (" + guideline + ")");
        }
    }

    /** What one checkov run over every example stack found; made once for all the tests here. */
    record Report(Path stacks, List<String> stackParts, List<Finding> findings, List<String> parsingErrors) {}

    private static Report report;

    private static synchronized Report report() throws Exception {
        if (report == null) {
            Path checkov = checkov();
            Synthesized examples = Synthesized.examples();
            Path stacks = examples.outDir().resolve("stacks");
            JsonNode json = run(checkov, stacks);
            List<String> parsingErrors = new ArrayList<>();
            for (JsonNode run : json.isArray() ? json : List.of(json)) {
                assertEquals(CHECKOV_VERSION, run.path("summary").path("checkov_version").asText(),
                        "checkov version in " + checkov + "; rerun scripts/setup-tools.sh");
                run.path("results").path("parsing_errors").forEach(file -> parsingErrors.add(file.asText()));
            }
            Map<String, String> partOf = parts(examples.stacks());
            List<Finding> findings = findings(json, partOf);
            report = new Report(stacks, partOf.values().stream().distinct().toList(), findings, parsingErrors);
            System.out.println("checkov " + CHECKOV_VERSION + " over " + stacks + ": " + findings.size() + " failed check(s)");
            findings.forEach(f -> System.out.println("  " + f));
        }
        return report;
    }

    /** One test per stack part ({@code state}, {@code access}, ...), so a failure names the stack that has it. */
    @TestFactory
    Stream<DynamicTest> everyStackPartPassesCheckovExceptReviewedSkips() throws Exception {
        Report report = report();
        Map<String, Skip> skips = skips();
        return report.stackParts().stream().map(part -> DynamicTest.dynamicTest(part + " stacks pass checkov", () -> {
            List<String> unparsed = report.parsingErrors().stream().filter(file -> file.contains("-" + part + "/")).toList();
            assertTrue(unparsed.isEmpty(), () -> "checkov could not parse, so did not check: " + unparsed);
            List<Finding> failed = report.findings().stream()
                    .filter(f -> f.part().equals(part) && !skips.containsKey(f.key())).toList();
            assertTrue(failed.isEmpty(), () -> failed.size() + " failed checkov check(s) in the " + part + " stacks; fix them,"
                    + " or add a line \"<check> " + part + " <reason>\" to " + SKIPS + ":\n  "
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
    void skipListNamesEachCheckAndStackPartOnceWithAReason() throws IOException {
        skips();
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
            Process process = new ProcessBuilder(checkov.toString(), "--directory", stacks.toString(),
                    "--framework", "terraform_json", "--output", "json", "--skip-download", "--compact")
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
                return new ObjectMapper().readTree(json);
            } catch (IOException e) {
                throw new AssertionError("checkov wrote no JSON report; stdout:\n" + json + "\nstderr:\n" + tail(err), e);
            }
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static List<Finding> findings(JsonNode report, Map<String, String> partOf) {
        List<Finding> findings = new ArrayList<>();
        for (JsonNode run : report.isArray() ? report : List.of(report)) {
            for (JsonNode failed : run.path("results").path("failed_checks")) {
                String stack = Path.of(failed.path("file_abs_path").asText(failed.path("file_path").asText()))
                        .getParent().getFileName().toString();
                findings.add(new Finding(failed.path("check_id").asText(), failed.path("check_name").asText(), stack,
                        partOf.getOrDefault(stack, stack), failed.path("resource").asText(), failed.path("guideline").asText("")));
            }
        }
        return findings;
    }

    /** {@code webapp-dev-state -> state}: the part is what follows {@code -<env>-} in the stack name. */
    private static Map<String, String> parts(Map<String, List<String>> stacksByEnvironment) {
        Map<String, String> parts = new LinkedHashMap<>();
        stacksByEnvironment.forEach((environment, stacks) -> stacks.forEach(stack -> {
            String marker = "-" + environment + "-";
            parts.put(stack, stack.substring(stack.indexOf(marker) + marker.length()));
        }));
        return parts;
    }

    /** Lines {@code <check id> <stack part> <reason>}; blank lines and lines starting with # are ignored. */
    static Map<String, Skip> skips() throws IOException {
        Map<String, Skip> skips = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(SKIPS, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\\s+", 3);
            String where = SKIPS + ":" + (i + 1);
            assertTrue(fields.length == 3 && fields[0].matches("CKV2?_[A-Z0-9]+_\\d+") && fields[1].matches("[a-z][a-z0-9-]*"),
                    () -> where + ": expected \"<check id> <stack part> <reason>\", e.g. \"CKV_AWS_18 state server access logs ...\";"
                            + " found \"" + line + "\"");
            Skip skip = new Skip(fields[0], fields[1], fields[2]);
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
