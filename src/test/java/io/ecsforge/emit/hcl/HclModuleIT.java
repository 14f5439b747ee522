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
import java.util.List;
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
 * and the parser too. {@link HclModulePlanIT} checks that the HCL means what the JSON means.
 */
class HclModuleIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The same warning {@code RealProviderValidateIT} accepts on the JSON, for the same reason:
     * prod's cross-stack reads carry the lock table, which Terraform 1.11 calls deprecated.
     */
    private static final String DEPRECATED_DYNAMODB_TABLE = "The parameter \"dynamodb_table\" is deprecated. Use"
            + " parameter \"use_lockfile\" instead.";

    @TempDir Path work;

    /** A stack as a module: the JSON without provider and backend, as a module's JSON is written. */
    static ObjectNode moduleJson(JsonNode stack) {
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
