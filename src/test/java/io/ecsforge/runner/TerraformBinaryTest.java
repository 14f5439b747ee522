package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the binary is found; the files here are empty executables, only looked up, never run. */
class TerraformBinaryTest {
    @TempDir Path directory;

    private Path executable(String relative) throws IOException {
        Path file = directory.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void theTerraformOptionWinsOverTheVariableAndPath() throws IOException {
        Path option = executable("option/tofu");
        Path variable = executable("variable/terraform");
        executable("path/terraform");

        TerraformBinary binary = TerraformBinary.resolve(option.toString(),
                Map.of("TERRAFORM_BINARY", variable.toString(), "PATH", directory.resolve("path").toString()));

        assertEquals(option, binary.path());
    }

    @Test
    void theVariableWinsOverPath() throws IOException {
        Path variable = executable("variable/tofu");
        executable("path/terraform");

        TerraformBinary binary = TerraformBinary.resolve(null,
                Map.of("TERRAFORM_BINARY", variable.toString(), "PATH", directory.resolve("path").toString()));

        assertEquals(variable, binary.path());
    }

    @Test
    void terraformIsPreferredToTofuOnPathWhateverTheirDirectoriesOrder() throws IOException {
        executable("first/tofu");
        Path terraform = executable("second/terraform");

        TerraformBinary binary = TerraformBinary.resolve(null,
                Map.of("PATH", directory.resolve("first") + ":" + directory.resolve("second")));

        assertEquals(terraform, binary.path());
    }

    @Test
    void tofuIsFoundOnPathWhenThereIsNoTerraform() throws IOException {
        Path tofu = executable("bin/tofu");

        TerraformBinary binary = TerraformBinary.resolve(null, Map.of("PATH", directory.resolve("bin").toString()));

        assertEquals(tofu, binary.path());
        assertEquals("tofu", binary.displayName());
    }

    @Test
    void aBareNameInTheVariableIsLookedUpOnPath() throws IOException {
        Path tofu = executable("bin/tofu");

        TerraformBinary binary = TerraformBinary.resolve(null,
                Map.of("TERRAFORM_BINARY", "tofu", "PATH", directory.resolve("bin").toString()));

        assertEquals(tofu, binary.path());
    }

    @Test
    void noBinaryAnywhereSaysWhatWasTriedAndHowToInstallOne() {
        UserError error = assertThrows(UserError.class,
                () -> TerraformBinary.resolve(null, Map.of("PATH", directory.toString())));

        assertEquals("no Terraform-compatible binary found: neither terraform nor tofu is on PATH and"
                + " TERRAFORM_BINARY is not set; " + TerraformBinary.HOW_TO_INSTALL, error.getMessage());
    }

    @Test
    void aTerraformOptionNamingNoExecutableIsRefusedWithTheInstallHint() {
        String missing = directory.resolve("nowhere/terraform").toString();

        UserError error = assertThrows(UserError.class, () -> TerraformBinary.resolve(missing, Map.of()));

        assertEquals("--terraform " + missing + ": no executable file there; " + TerraformBinary.HOW_TO_INSTALL,
                error.getMessage());
        assertTrue(error.getMessage().contains("scripts/setup-tools.sh"), error.getMessage());
    }
}
