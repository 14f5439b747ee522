package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsforge modules}: that the checked-in {@code modules/} is exactly what it writes, the
 * files it removes and keeps, and the one message for each thing that stops it.
 */
class ModulesCommandTest {
    private static final String REGENERATE = "review the difference, then run ./ecsforge modules and commit modules/";

    @Test
    void theCheckedInModulesFolderIsExactlyWhatTheCommandWrites(@TempDir Path work) throws IOException {
        Path out = work.resolve("modules");
        CliResult result = CliResult.run(withTerraformDocs(), "modules", "--out", out.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.err(), result.toString());
        List<Path> written = Repo.moduleFiles(out);
        List<Path> checkedIn = Repo.moduleFiles(Repo.modules());
        assertEquals(List.of(), checkedIn.stream().filter(file -> !written.contains(file)).toList(),
                () -> "files in modules/ that ecsforge modules no longer writes; " + REGENERATE);
        assertEquals(List.of(), written.stream().filter(file -> !checkedIn.contains(file)).toList(),
                () -> "files ecsforge modules writes that modules/ lacks; " + REGENERATE);
        for (Path file : written) {
            assertEquals(Files.readString(Repo.modules().resolve(file.toString())), Files.readString(out.resolve(file.toString())),
                    () -> "modules/" + file + " differs from what ecsforge modules writes; " + REGENERATE);
        }
        List<String> reported = new ArrayList<>(Arrays.asList(result.out().split(System.lineSeparator())));
        assertEquals(written.stream().map(file -> "wrote " + out.resolve(file.toString())).sorted().toList(),
                reported.stream().sorted().toList(), result.toString());
    }

    @Test
    void moduleFilesOfTheOtherFormAndStaleExamplesAreRemovedAndOthersKept(@TempDir Path work) throws IOException {
        Path network = Files.createDirectories(work.resolve("network"));
        Files.writeString(network.resolve("main.tf.json"), "{}\n");
        Files.writeString(network.resolve("notes.md"), "# notes\n");
        Path oldExample = Files.createDirectories(network.resolve("examples/old"));
        Files.writeString(oldExample.resolve("main.tf"), "module \"network\" {}\n");
        Path initialized = Files.createDirectories(network.resolve("examples/complete/.terraform/modules"));
        Files.writeString(initialized.resolve("modules.json"), "{}\n");
        CliResult result = CliResult.run(withTerraformDocs(), "modules", "--out", work.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(!Files.exists(network.resolve("main.tf.json")), "main.tf.json beside main.tf should be removed");
        assertTrue(!Files.exists(oldExample.resolve("main.tf")), "an example no longer written should be removed");
        assertTrue(Files.exists(network.resolve("notes.md")), "a file of the user's own should be kept");
        assertTrue(Files.exists(initialized.resolve("modules.json")), "what terraform init made should be kept");
        try (Stream<Path> files = Files.list(network)) {
            assertEquals(List.of("README.md", "examples", "main.tf", "notes.md", "outputs.tf", "tests", "variables.tf",
                    "versions.tf"), files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void withoutTerraformDocsItIsBadInputNamingHowToInstallItAndNothingIsWritten(@TempDir Path work) {
        Path cache = work.resolve("cache");
        Path out = work.resolve("modules");
        CliResult result = CliResult.run(Map.of("PATH", work.resolve("bin").toString(), "ECSFORGE_CACHE", cache.toString()),
                "modules", "--out", out.toString());

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out(), result.toString());
        assertEquals("error: terraform-docs is needed to write the modules' README tables and was not found:"
                + " ECSFORGE_TERRAFORM_DOCS is not set, it is not on PATH, and there is no executable "
                + cache.resolve("bin/terraform-docs") + "; run scripts/setup-tools.sh, which builds terraform-docs v0.20.0 into"
                + " $ECSFORGE_CACHE/bin (default ~/.cache/ecsforge/bin), or install terraform-docs"
                + " (https://terraform-docs.io) and put it on PATH or set ECSFORGE_TERRAFORM_DOCS"
                + System.lineSeparator(), result.err(), result.toString());
        assertTrue(!Files.exists(out), "nothing should be written");
    }

    @Test
    void aTerraformDocsVariableNamingNoFileIsBadInput(@TempDir Path work) {
        Path missing = work.resolve("terraform-docs");
        CliResult result = CliResult.run(Map.of("ECSFORGE_TERRAFORM_DOCS", missing.toString()), "modules", "--out",
                work.resolve("modules").toString());

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("error: ECSFORGE_TERRAFORM_DOCS=" + missing + ": no executable file there; run"
                + " scripts/setup-tools.sh, which builds terraform-docs v0.20.0 into $ECSFORGE_CACHE/bin (default"
                + " ~/.cache/ecsforge/bin), or install terraform-docs (https://terraform-docs.io) and put it on PATH or set"
                + " ECSFORGE_TERRAFORM_DOCS" + System.lineSeparator(), result.err(), result.toString());
    }

    @Test
    void anOutputThatIsAFileIsBadInputAndNothingIsWritten(@TempDir Path work) throws IOException {
        Path file = Files.writeString(work.resolve("modules"), "not a folder");
        CliResult result = CliResult.run(Map.of(), "modules", "--out", file.toString());

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out(), result.toString());
        assertEquals("error: --out " + file + ": is a file, not a folder; allowed: a folder, which is made when missing"
                + System.lineSeparator(), result.err(), result.toString());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void anOutputUnderAFileNamesTheFile(@TempDir Path work) throws IOException {
        Path file = Files.writeString(work.resolve("notes"), "");
        Path out = file.resolve("modules");
        CliResult result = CliResult.run(Map.of(), "modules", "--out", out.toString());

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("error: --out " + out + ": " + file + " is a file, not a folder; allowed: a folder, which is made"
                + " when missing" + System.lineSeparator(), result.err(), result.toString());
    }

    @Test
    void inputsPrintAModuleBlockCallingThePlatformWithTheFilesValuesAndWriteNothing(@TempDir Path work) throws IOException {
        Files.writeString(work.resolve("qa.yaml"), Files.readString(Repo.config().resolve("dev.yaml"))
                .replace("environment: dev", "environment: qa"));
        CliResult result = CliResult.run(Map.of(), "modules", "--inputs", "qa", "--config-dir", work.toString(),
                "--source", "git::https://github.com/acme/ecsforge.git//modules/ecs-platform?ref=v1.2.0");

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("", result.err(), result.toString());
        assertTrue(result.out().startsWith("""
                module "platform" {
                  source = "git::https://github.com/acme/ecsforge.git//modules/ecs-platform?ref=v1.2.0"

                """), result.out());
        assertTrue(result.out().contains(" = \"qa\"\n") && result.out().endsWith("}\n"), result.out());
        try (Stream<Path> files = Files.list(work)) {
            assertEquals(List.of(work.resolve("qa.yaml")), files.toList());
        }
    }

    @Test
    void inputsOfAFileWithALogGroupUnderTheStateKeyLookTheKeyUpByItsAliasBeforeTheModuleBlock(@TempDir Path work)
            throws IOException {
        Files.writeString(work.resolve("dev.yaml"), Files.readString(Repo.config().resolve("dev.yaml"))
                .replace("  logRetentionDays: 30\n", "  logRetentionDays: 30\n  logKmsKey: state\n"));
        CliResult result = CliResult.run(Map.of(), "modules", "--inputs", "dev", "--config-dir", work.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertTrue(result.out().startsWith("""
                data "aws_kms_alias" "state_key" {
                  name = "alias/webapp-dev-state"
                }

                module "platform" {
                """), result.out());
        assertTrue(result.out().matches("(?s).*\n  log_kms_key_arn += data\\.aws_kms_alias\\.state_key\\.target_key_arn\n.*"),
                result.out());
    }

    @Test
    void inputsOfAMissingFileAreBadInputNamingTheFilesThereAre(@TempDir Path work) throws IOException {
        Files.writeString(work.resolve("dev.yaml"), Files.readString(Repo.config().resolve("dev.yaml")));
        CliResult result = CliResult.run(Map.of(), "modules", "--inputs", "staging", "--config-dir", work.toString());

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out(), result.toString());
        assertEquals("error: " + work.resolve("staging.yaml") + ": file not found; environments available: dev (in " + work + ")"
                + System.lineSeparator(), result.err(), result.toString());
    }

    /** The real terraform-docs from the tools cache; the test is skipped, saying how to install it, without it. */
    private static Map<String, String> withTerraformDocs() {
        return Map.of("ECSFORGE_TERRAFORM_DOCS", Tools.terraformDocs().toString());
    }
}
