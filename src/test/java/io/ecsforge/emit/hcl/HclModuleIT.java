package io.ecsforge.emit.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.testing.Processes;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Synthesized;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The emitter's output checked by the real tools: every stack of both example environments
 * (config/dev.yaml, config/prod.yaml) written as an HCL module, provider and backend left out
 * as for every module, then {@code terraform fmt -check}, {@code tofu fmt -check}, HashiCorp's
 * HCL parser ({@code hclcheck}), and {@code validate} by both binaries with the real
 * hashicorp/aws provider. The golden cases of {@link HclModuleTest} go through the formatters
 * and the parser too.
 *
 * <p>That the HCL means what the JSON means is checked by Terraform itself: for each stack that
 * can be planned without AWS, the JSON and the HCL are planned side by side (no state, no
 * refresh, a provider with placeholder credentials that calls no AWS API) and the plans'
 * {@code planned_values}, {@code resource_changes} and {@code output_changes} must be equal:
 * every resource with every argument and nested block, as the provider decoded it. The
 * cross-stack reads are pointed, in the JSON before it is converted, at local state files
 * with placeholder outputs. A stack with a data source that asks AWS ({@code aws_caller_identity},
 * {@code aws_availability_zones}) cannot be planned here and is only validated.
 */
class HclModuleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Data sources the provider answers without calling AWS; any other makes a stack need AWS to plan. */
    private static final Set<String> OFFLINE_DATA_SOURCES = Set.of("aws_iam_policy_document", "aws_partition",
            "terraform_remote_state");

    /** The stacks of each environment that can be planned without AWS, which the comparison covers. */
    private static final List<String> PLANNED_PARTS = List.of("state", "registry", "cluster", "service", "delivery");

    /**
     * The same warning {@code RealProviderValidateIT} accepts on the JSON, for the same reason:
     * prod's cross-stack reads carry the lock table, which Terraform 1.11 calls deprecated.
     */
    private static final String DEPRECATED_DYNAMODB_TABLE = "The parameter \"dynamodb_table\" is deprecated. Use"
            + " parameter \"use_lockfile\" instead.";

    @TempDir Path work;

    /** A stack as a module: the JSON without provider and backend, as the module side writes it. */
    private static ObjectNode moduleJson(JsonNode stack) {
        ObjectNode module = stack.deepCopy();
        module.remove("provider");
        ((ObjectNode) module.path("terraform")).remove("backend");
        return module;
    }

    private Path convert(String stack, ObjectNode json) {
        Path folder = work.resolve("hcl").resolve(stack);
        HclModule.write(json, ProviderSchema.bundled(), folder);
        return folder;
    }

    @Test
    void theGoldenCasesAreLeftAloneByTerraformAndTofuFmtAndParseWithHashicorpsParser() {
        fmtCheck(RealProvider.terraform().path(), HclCases.root());
        fmtCheck(Tools.tofu(), HclCases.root());
        List<Path> files = new ArrayList<>();
        for (Path folder : HclCases.all()) {
            for (String file : HclCases.FILES) {
                if (Files.exists(folder.resolve(file))) {
                    files.add(folder.resolve(file));
                }
            }
        }
        hclcheck(files);
    }

    @TestFactory
    Stream<DynamicTest> everyStackOfBothExampleEnvironmentsIsHclThatFmtLeavesAloneThatParsesAndThatValidates() {
        Synthesized examples = Synthesized.examples();
        List<DynamicTest> tests = new ArrayList<>();
        examples.stacks().values().forEach(stacks -> stacks.forEach(stack -> tests.add(dynamicTest(stack, () -> {
            Path folder = convert(stack, moduleJson(examples.stack(stack)));
            fmtCheck(RealProvider.terraform().path(), folder);
            fmtCheck(Tools.tofu(), folder);
            hclcheck(HclCases.FILES.stream().map(folder::resolve).toList());
            for (String binary : RealProvider.binaryNames()) {
                validate(RealProvider.binary(binary), folder);
            }
        }))));
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> theHclOfEveryStackThatPlansWithoutAwsPlansExactlyAsItsJson() {
        Synthesized examples = Synthesized.examples();
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, List<String>> planned = new LinkedHashMap<>();
        examples.stacks().forEach((environment, stacks) -> stacks.forEach(stack -> {
            JsonNode json = examples.stack(stack);
            Set<String> dataSources = new TreeSet<>();
            json.path("data").fieldNames().forEachRemaining(dataSources::add);
            if (OFFLINE_DATA_SOURCES.containsAll(dataSources)) {
                planned.computeIfAbsent(environment, e -> new ArrayList<>()).add(stack);
                tests.add(dynamicTest(stack, () -> planBothAndCompare(stack, json)));
            }
        }));
        tests.add(0, dynamicTest("the stacks compared are those that plan without AWS", () -> {
            Map<String, List<String>> expected = new LinkedHashMap<>();
            examples.stacks().keySet().forEach(environment -> expected.put(environment, PLANNED_PARTS.stream()
                    .map(part -> "webapp-" + environment + "-" + part).toList()));
            assertEquals(expected, planned);
        }));
        return tests.stream();
    }

    private void planBothAndCompare(String stack, JsonNode synthesized) throws IOException {
        RealProvider.Binary terraform = RealProvider.terraform();
        ObjectNode json = moduleJson(synthesized);
        readRemoteStateFromLocalFiles(json, Files.createDirectories(work.resolve("remote-state").resolve(stack)));

        Path jsonFolder = Files.createDirectories(work.resolve("json").resolve(stack));
        Files.writeString(jsonFolder.resolve("main.tf.json"), JSON.writeValueAsString(json));
        Path hclFolder = convert(stack, json);

        JsonNode fromJson = plan(terraform, jsonFolder);
        JsonNode fromHcl = plan(terraform, hclFolder);

        assertTrue(fromJson.path("resource_changes").size() > 0, () -> stack + ": the plan of the JSON changes nothing");
        for (String part : List.of("planned_values", "resource_changes", "output_changes")) {
            assertEquals(pretty(fromJson.path(part)), pretty(fromHcl.path(part)),
                    () -> stack + ": " + part + " of the HCL's plan (" + hclFolder + ") differs from the JSON's ("
                            + jsonFolder + ")");
        }
    }

    /**
     * Points every {@code terraform_remote_state} at a local state file holding each output the
     * stack reads, with a placeholder value: an ARN where the name says ARN (the provider checks
     * their form), else a name.
     */
    private static void readRemoteStateFromLocalFiles(ObjectNode json, Path folder) throws IOException {
        String text = JSON.writeValueAsString(json);
        if (!(json.path("data").path("terraform_remote_state") instanceof ObjectNode reads)) {
            return;
        }
        for (String name : iterable(reads.fieldNames())) {
            Matcher used = Pattern.compile("data\\.terraform_remote_state\\." + Pattern.quote(name)
                    + "\\.outputs\\.([A-Za-z0-9_-]+)").matcher(text);
            ObjectNode outputs = JSON.createObjectNode();
            while (used.find()) {
                String output = used.group(1);
                String value = output.contains("arn") ? "arn:aws:iam::123456789012:role/" + output : "placeholder-"
                        + output;
                outputs.putObject(output).put("value", value).put("type", "string");
            }
            ObjectNode state = JSON.createObjectNode().put("version", 4).put("terraform_version", "1.11.4")
                    .put("serial", 1).put("lineage", "hcl-module-it");
            state.set("outputs", outputs);
            state.putArray("resources");
            Path file = folder.resolve(name + ".tfstate");
            Files.writeString(file, JSON.writeValueAsString(state));
            ObjectNode read = (ObjectNode) reads.get(name);
            read.put("backend", "local");
            read.remove("workspace");
            read.putObject("config").put("path", file.toString());
        }
    }

    private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
        List<T> items = new ArrayList<>();
        iterator.forEachRemaining(items::add);
        return items;
    }

    /**
     * A provider that makes no AWS call: placeholder credentials, nothing asked of STS or the
     * metadata service. The same file goes beside the JSON and beside the HCL.
     */
    private static final String OFFLINE_PROVIDER = """
            {"provider": {"aws": {"region": "us-east-1", "access_key": "placeholder", "secret_key": "placeholder",
              "skip_credentials_validation": true, "skip_requesting_account_id": true,
              "skip_metadata_api_check": true, "skip_region_validation": true}}}
            """;

    private static JsonNode plan(RealProvider.Binary terraform, Path folder) throws IOException {
        Files.writeString(folder.resolve("offline_provider.tf.json"), OFFLINE_PROVIDER);
        terraform.run(folder, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        terraform.run(folder, "plan", "-refresh=false", "-input=false", "-no-color", "-out=plan.tfplan").succeeded();
        return JSON.readTree(terraform.run(folder, "show", "-json", "plan.tfplan").succeeded().stdout());
    }

    private static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }

    private static void validate(RealProvider.Binary binary, Path folder) throws IOException {
        binary.run(folder, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        RealProvider.Run validate = binary.run(folder, "validate", "-json", "-no-color");
        JsonNode result = JSON.readTree(validate.stdout());
        List<JsonNode> unexpected = new ArrayList<>();
        for (JsonNode diagnostic : result.path("diagnostics")) {
            boolean accepted = binary.name().equals("terraform")
                    && "warning".equals(diagnostic.path("severity").asText())
                    && DEPRECATED_DYNAMODB_TABLE.equals(diagnostic.path("detail").asText())
                    && diagnostic.path("address").asText().startsWith("data.terraform_remote_state.");
            if (!accepted) {
                unexpected.add(diagnostic);
            }
        }
        String shown = validate + "\nnot accepted:\n" + unexpected;
        assertTrue(result.path("valid").asBoolean(false), shown);
        assertEquals(List.of(), unexpected, shown);
        assertEquals(0, validate.exitCode(), shown);
    }

    private static void fmtCheck(Path binary, Path folder) {
        Processes.Finished fmt = Processes.run(List.of(binary.toString(), "fmt", "-check", "-recursive", "-diff",
                "-no-color", folder.toString()), folder, System.getenv(), Duration.ofMinutes(2));
        assertEquals(0, fmt.exitCode(), () -> binary + " fmt -check would change files in " + folder + ":\n"
                + fmt.stdout() + fmt.stderr());
    }

    private static void hclcheck(List<Path> files) {
        List<String> command = new ArrayList<>(List.of(Tools.hclcheck().toString()));
        files.forEach(file -> command.add(file.toString()));
        Processes.Finished check = Processes.run(command, Path.of("."), System.getenv(), Duration.ofMinutes(1));
        assertEquals(0, check.exitCode(), () -> String.join(" ", command) + ":\n" + check.stdout() + check.stderr());
        assertEquals("hclcheck: " + files.size() + " file(s) parsed without errors\n", check.stdout());
    }
}
