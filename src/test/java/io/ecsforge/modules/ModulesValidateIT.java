package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.Processes;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * The checked-in {@code modules/} (which {@code ModulesCommandTest} holds to what
 * {@code ecsforge modules} writes) as its users run it: formatted as both formatters format it,
 * parsed by HashiCorp's HCL parser, every module and every example valid with the real
 * hashicorp/aws provider by Terraform and by OpenTofu with no diagnostic at all, and every
 * module's {@code tests/} passing {@code terraform test} and {@code tofu test}. Terraform runs in
 * a copy, since init writes {@code .terraform/} and lock files.
 */
class ModulesValidateIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;

    @Test
    void terraformFmtLeavesEveryFileAlone() {
        fmtCheck(RealProvider.terraform().path());
    }

    @Test
    void tofuFmtLeavesEveryFileAlone() {
        fmtCheck(Tools.tofu());
    }

    @Test
    void everyTerraformFileParsesWithHashiCorpsHclParser() {
        List<Path> files = Repo.moduleFiles(Repo.modules()).stream()
                .filter(file -> file.toString().endsWith(".tf") || file.toString().endsWith(".tftest.hcl"))
                .map(file -> Repo.modules().resolve(file.toString())).toList();
        assertTrue(files.size() >= 25, () -> "expected the four modules' four files, their five examples and four test"
                + " files, found " + files);
        List<String> command = new ArrayList<>(List.of(Tools.hclcheck().toString()));
        files.forEach(file -> command.add(file.toString()));
        Processes.Finished check = Processes.run(command, Repo.root(), System.getenv(), Duration.ofMinutes(1));
        assertEquals(0, check.exitCode(), () -> String.join(" ", command) + ":\n" + check.stdout() + check.stderr());
        assertEquals("hclcheck: " + files.size() + " file(s) parsed without errors\n", check.stdout());
    }

    @TestFactory
    Stream<DynamicTest> everyModuleAndEveryExampleIsValidWithTheRealProviderAndHasNoWarnings() {
        List<String> folders = new ArrayList<>();
        for (String module : subfolders("")) {
            folders.add(module);
            subfolders(module + "/examples").forEach(example -> folders.add(module + "/examples/" + example));
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (String binary : RealProvider.binaryNames()) {
            for (String folder : folders) {
                tests.add(dynamicTest(binary + " validate " + folder, () -> validate(binary, folder)));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> everyModulesTestsPassWithTheMockedProvider() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String binary : RealProvider.binaryNames()) {
            for (String module : subfolders("")) {
                tests.add(dynamicTest(binary + " test " + module, () -> test(binary, module)));
            }
        }
        return tests.stream();
    }

    /** The names of the folders in {@code modules/<folder>}, sorted. */
    private static List<String> subfolders(String folder) {
        try (Stream<Path> entries = Files.list(Repo.modules().resolve(folder))) {
            return entries.filter(Files::isDirectory).map(entry -> entry.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path copy(String binaryName) {
        Path copy = work.resolve(binaryName);
        return Files.isDirectory(copy) ? copy : Repo.copyModules(copy);
    }

    private void validate(String binaryName, String folder) throws IOException {
        RealProvider.Binary binary = RealProvider.binary(binaryName);
        Path dir = copy(binaryName).resolve(folder);

        binary.run(dir, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        RealProvider.Run validate = binary.run(dir, "validate", "-json", "-no-color");

        JsonNode result = JSON.readTree(validate.stdout());
        List<JsonNode> diagnostics = new ArrayList<>();
        result.path("diagnostics").forEach(diagnostics::add);
        assertEquals(List.of(), diagnostics, validate::toString);
        assertEquals(true, result.path("valid").asBoolean(false), validate::toString);
        assertEquals(0, validate.exitCode(), validate::toString);
    }

    /**
     * Runs the module's tests. A {@code mock_provider} takes its schema from the real provider,
     * so the module is initialized with the mirror first.
     */
    private void test(String binaryName, String module) {
        RealProvider.Binary binary = RealProvider.binary(binaryName);
        Path dir = copy(binaryName).resolve(module);

        binary.run(dir, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        RealProvider.Run test = binary.run(dir, "test", "-no-color");

        assertEquals(0, test.exitCode(), test::toString);
        assertTrue(test.stdout().contains(", 0 failed."), test::toString);
    }

    private static void fmtCheck(Path binary) {
        Processes.Finished fmt = Processes.run(List.of(binary.toString(), "fmt", "-check", "-recursive", "-diff",
                "-no-color", Repo.modules().toString()), Repo.root(), System.getenv(), Duration.ofMinutes(2));
        assertEquals(0, fmt.exitCode(), () -> binary + " fmt -check -recursive would change files in modules/:\n"
                + fmt.stdout() + fmt.stderr());
    }
}
