package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.AwsConfig;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.testing.IamPolicies;
import io.ecsforge.testing.PolicyDocuments;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import io.ecsforge.testing.Tools;
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
 * The real parliament (duo-labs' IAM policy linter, built on AWS's service authorization
 * reference), from the tools cache, over every IAM policy the example environments synthesize:
 * permission policies, resource policies and trust policies, whatever roles the stacks hold.
 * IamPolicies turns each into the IAM JSON AWS would store, with realistic ARNs for Terraform's
 * references; src/test/python/parliament_findings.py says what parliament checks in each kind.
 * A finding fails the test of its policy unless src/test/resources/iam-lint-skips.txt lists it
 * with a reason, and a skip that matches no finding fails too. Parliament runs once for all.
 */
class IamLintIT {
    static final String PARLIAMENT_VERSION = "1.6.4";
    private static final Path SKIPS = Repo.root().resolve("src/test/resources/iam-lint-skips.txt");
    private static final Path DRIVER = Repo.root().resolve("src/test/python/parliament_findings.py");
    private static final String DOCUMENT_PREFIX = "data.aws_iam_policy_document.";
    private static final long TIMEOUT_MINUTES = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One synthesized policy.
     *
     * @param name {@code <env> <stack part>/<document>}: the data source's name, or the
     *     {@code TYPE.NAME.ATTRIBUTE} a literal policy is written in
     */
    record Linted(String name, IamPolicies.Kind kind, String json) {}

    /** One parliament finding; {@link #key()} is what a skip line names. */
    record Finding(String policy, String statement, String issue, String severity, String detail) {
        String key() {
            String where = statement.isEmpty() ? policy : statement.startsWith("[") ? policy + statement : policy + "#" + statement;
            return (where + " " + issue + " " + detail).strip();
        }

        @Override
        public String toString() {
            return key() + "  (" + severity + ")";
        }
    }

    /** One reviewed exception: the finding {@code key} is expected, for {@code reason}. */
    record Skip(String key, String reason, String line) {}

    record Report(List<Linted> policies, List<Finding> findings) {}

    private static Report report;

    private static synchronized Report report() throws Exception {
        if (report == null) {
            Tools.parliament();
            Path python = Tools.python();
            List<Linted> policies = policies(Synthesized.examples());
            List<Finding> findings = run(python, policies);
            report = new Report(policies, findings);
            System.out.println("parliament " + PARLIAMENT_VERSION + " over " + policies.size() + " IAM policies: "
                    + findings.size() + " finding(s)");
            findings.forEach(f -> System.out.println("  " + f));
        }
        return report;
    }

    /** One test per environment and policy document, so a failure names the document. */
    @TestFactory
    Stream<DynamicTest> everySynthesizedPolicyPassesTheIamLinter() throws Exception {
        Report report = report();
        Map<String, Skip> skips = skips();
        return report.policies().stream().map(policy -> DynamicTest.dynamicTest(
                policy.name() + " (" + policy.kind().name().toLowerCase() + " policy) passes parliament", () -> {
                    List<Finding> unexplained = report.findings().stream()
                            .filter(f -> f.policy().equals(policy.name()) && !skips.containsKey(f.key())).toList();
                    assertTrue(unexplained.isEmpty(), () -> unexplained.size() + " parliament finding(s) in " + policy.name()
                            + "; fix the policy, or add the line, a space, \"# \" and the reason to " + SKIPS + ":\n  "
                            + unexplained.stream().map(Finding::toString).collect(Collectors.joining("\n  "))
                            + "\nThe policy as linted:\n" + policy.json());
                }));
    }

    @Test
    void everyIamLintSkipStillMatchesAFinding() throws Exception {
        Report report = report();
        List<String> stale = skips().values().stream()
                .filter(skip -> report.findings().stream().noneMatch(f -> f.key().equals(skip.key())))
                .map(Skip::line).toList();
        assertTrue(stale.isEmpty(), () -> "skips that match no parliament finding any more; remove them from " + SKIPS
                + ":\n  " + String.join("\n  ", stale));
    }

    /** Guards the test above against passing because the stacks' policies were not found. */
    @Test
    void theLinterSeesPoliciesOfEveryKindInEveryEnvironment() throws Exception {
        Report report = report();
        for (String environment : Synthesized.examples().stacks().keySet()) {
            for (IamPolicies.Kind kind : IamPolicies.Kind.values()) {
                assertTrue(report.policies().stream().anyMatch(p -> p.kind() == kind && p.name().startsWith(environment + " ")),
                        () -> "no " + kind + " policy of " + environment + " was linted; linted: "
                                + report.policies().stream().map(p -> p.name() + " " + p.kind()).toList());
            }
        }
    }

    @Test
    void iamLintSkipListNamesEachFindingOnceWithAReason() throws IOException {
        skips();
    }

    /** The policies of every example stack, as IAM JSON; fails on a policy attribute that is no readable document. */
    private static List<Linted> policies(Synthesized examples) {
        ConfigLoader loader = new ConfigLoader(Repo.config());
        List<Linted> policies = new ArrayList<>();
        examples.stacks().forEach((environment, stacks) -> {
            AwsConfig aws = loader.load(environment).aws();
            String accountId = aws.accountId().orElseThrow(() -> new AssertionError(
                    "config/" + environment + ".yaml has no aws.accountId to put in the linted ARNs"));
            IamPolicies.Environment values = new IamPolicies.Environment(partition(aws.region()), aws.region(), accountId,
                    examples::stack);
            String prefix = stacks.get(0).substring(0, stacks.get(0).indexOf("-" + environment + "-") + environment.length() + 2);
            for (String stack : stacks) {
                List<PolicyDocuments.Unreadable> unreadable = PolicyDocuments.unreadable(examples.stack(stack));
                assertEquals(List.of(), unreadable, () -> stack + " has policies that cannot be read, so not linted");
                String part = stack.substring(prefix.length());
                for (IamPolicies.Policy policy : IamPolicies.of(stack, values)) {
                    String document = policy.where().startsWith(DOCUMENT_PREFIX)
                            ? policy.where().substring(DOCUMENT_PREFIX.length()) : policy.where();
                    policies.add(new Linted(environment + " " + part + "/" + document, policy.kind(), policy.json()));
                }
            }
        });
        return policies;
    }

    private static String partition(String region) {
        return region.startsWith("cn-") ? "aws-cn" : region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    private static List<Finding> run(Path python, List<Linted> policies) throws IOException, InterruptedException {
        Path in = Files.createTempFile("iam-policies", ".json");
        Path out = Files.createTempFile("parliament", ".json");
        Path err = Files.createTempFile("parliament", ".err");
        try {
            ObjectNode input = MAPPER.createObjectNode();
            for (Linted policy : policies) {
                ObjectNode entry = input.putObject(policy.name());
                entry.put("kind", policy.kind().name());
                entry.set("policy", MAPPER.readTree(policy.json()));
            }
            MAPPER.writeValue(in.toFile(), input);
            Process process = new ProcessBuilder(python.toString(), DRIVER.toString(), in.toString())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("parliament did not finish within " + TIMEOUT_MINUTES + " minutes; stderr:\n"
                        + Files.readString(err));
            }
            assertEquals(0, process.exitValue(), () -> DRIVER + " failed; stderr:\n" + read(err));
            JsonNode result = MAPPER.readTree(out.toFile());
            assertEquals(PARLIAMENT_VERSION, result.path("version").asText(),
                    "parliament version in " + python.getParent() + "; rerun scripts/setup-tools.sh");
            List<Finding> findings = new ArrayList<>();
            for (Linted policy : policies) {
                JsonNode found = result.path("findings").get(policy.name());
                assertTrue(found != null && found.isArray(), () -> "parliament reported nothing for " + policy.name() + ": " + result);
                found.forEach(f -> findings.add(new Finding(policy.name(), f.path("statement").asText(), f.path("issue").asText(),
                        f.path("severity").asText(), f.path("detail").asText())));
            }
            return findings;
        } finally {
            Files.deleteIfExists(in);
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /**
     * Lines {@code <env> <stack part>/<document>[#<sid>|[n]] <ISSUE> <detail>  # <reason>}, the
     * finding exactly as the failure message prints it; blank lines and lines starting with # are ignored.
     */
    static Map<String, Skip> skips() throws IOException {
        Map<String, Skip> skips = new LinkedHashMap<>();
        List<String> lines = Files.readAllLines(SKIPS, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String where = SKIPS + ":" + (i + 1);
            int hash = line.indexOf(" # ");
            String key = hash < 0 ? line : line.substring(0, hash).strip();
            String reason = hash < 0 ? "" : line.substring(hash + 3).strip();
            assertTrue(!reason.isEmpty() && key.matches("[a-z][a-z0-9-]* [a-z][a-z0-9-]*/\\S+ [A-Z_]+( .*)?"),
                    () -> where + ": expected \"<env> <stack part>/<document> <ISSUE> <detail>  # <reason>\", e.g. \"prod access/"
                            + "plan_trust#AssumedByGithubActions UNKNOWN_FEDERATION_SOURCE arn:...  # parliament knows only"
                            + " SAML ...\"; found \"" + line + "\"");
            assertTrue(skips.put(key, new Skip(key, reason, line)) == null, () -> where + ": " + key + " is listed twice");
        }
        return skips;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }
}
