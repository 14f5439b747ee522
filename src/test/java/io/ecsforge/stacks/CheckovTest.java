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
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The real checkov, from the tools cache (scripts/setup-tools.sh), over every synthesized stack
 * of the example environments. A failed check fails this test unless
 * src/test/resources/checkov-skips.txt lists it, with a reason, for that stack part; a skip that
 * no failed check matches fails too, so the list only holds what is still needed.
 */
class CheckovTest {
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

    @Test
    void everyStackPassesCheckovExceptReviewedSkips() throws Exception {
        Path checkov = checkov();
        Synthesized examples = Synthesized.examples();
        Path stacks = examples.outDir().resolve("stacks");
        JsonNode report = run(checkov, stacks);

        List<String> problems = new ArrayList<>();
        for (JsonNode run : report.isArray() ? report : List.of(report)) {
            assertEquals(CHECKOV_VERSION, run.path("summary").path("checkov_version").asText(),
                    "checkov version in " + checkov + "; rerun scripts/setup-tools.sh");
            int parsingErrors = run.path("summary").path("parsing_errors").asInt();
            if (parsingErrors > 0) {
                problems.add(parsingErrors + " stack file(s) checkov could not parse, so they were not checked: "
                        + run.path("results").path("parsing_errors"));
            }
        }
        Map<String, String> partOf = parts(examples.stacks());
        List<Finding> findings = findings(report, partOf);
        Map<String, Skip> skips = skips();

        Map<String, List<Finding>> unskipped = new TreeMap<>();
        List<Finding> skipped = new ArrayList<>();
        for (Finding finding : findings) {
            if (skips.containsKey(finding.key())) {
                skipped.add(finding);
            } else {
                unskipped.computeIfAbsent(finding.part(), part -> new ArrayList<>()).add(finding);
            }
        }
        unskipped.forEach((part, list) -> problems.add("stack part \"" + part + "\" (" + list.size() + " failed check(s)); fix them,"
                + " or add a line \"<check> " + part + " <reason>\" to " + SKIPS + ":\n  "
                + list.stream().map(Finding::toString).collect(Collectors.joining("\n  "))));
        skips.values().stream()
                .filter(skip -> findings.stream().noneMatch(f -> f.key().equals(skip.key())))
                .forEach(skip -> problems.add("skip \"" + skip.key() + "\" matches no failed check; remove it from " + SKIPS));

        // The skipped findings are reported too, so that a green run does not read as "no findings".
        System.out.println("checkov " + CHECKOV_VERSION + " over " + stacks + ": " + findings.size() + " failed check(s), "
                + skipped.size() + " skipped as reviewed:");
        skipped.forEach(f -> System.out.println("  skipped " + f + " -- " + skips.get(f.key()).reason()));
        assertTrue(problems.isEmpty(), () -> String.join("\n\n", problems));
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
