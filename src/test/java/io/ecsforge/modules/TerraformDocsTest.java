package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where {@code ecsforge modules} finds terraform-docs: the variable, else PATH, else the tools cache. */
class TerraformDocsTest {
    @TempDir Path work;

    @Test
    void theVariableWinsOverPathAndTheCache() throws IOException {
        Path named = executable(work.resolve("named/terraform-docs"));
        Path onPath = executable(work.resolve("path/terraform-docs"));
        executable(work.resolve("cache/bin/terraform-docs"));

        assertEquals(named, TerraformDocs.resolve(Map.of("ECSFORGE_TERRAFORM_DOCS", named.toString(),
                "PATH", onPath.getParent().toString(), "ECSFORGE_CACHE", work.resolve("cache").toString()), "/nowhere"));
    }

    @Test
    void aBareNameInTheVariableIsLookedUpOnPath() throws IOException {
        Path onPath = executable(work.resolve("path/tfdocs"));

        assertEquals(onPath, TerraformDocs.resolve(Map.of("ECSFORGE_TERRAFORM_DOCS", "tfdocs",
                "PATH", onPath.getParent().toString()), "/nowhere"));
    }

    @Test
    void pathWinsOverTheCache() throws IOException {
        Path onPath = executable(work.resolve("path/terraform-docs"));
        executable(work.resolve("cache/bin/terraform-docs"));

        assertEquals(onPath, TerraformDocs.resolve(Map.of("PATH", work.resolve("empty") + ":" + onPath.getParent(),
                "ECSFORGE_CACHE", work.resolve("cache").toString()), "/nowhere"));
    }

    @Test
    void withoutEcsforgeCacheTheCacheIsUnderTheHomeFolder() throws IOException {
        Path cached = executable(work.resolve(".cache/ecsforge/bin/terraform-docs"));

        assertEquals(cached, TerraformDocs.resolve(Map.of(), work.toString()));
    }

    @Test
    void aFileThatCannotBeRunIsNotTerraformDocs() throws IOException {
        Path cached = Files.createDirectories(work.resolve(".cache/ecsforge/bin")).resolve("terraform-docs");
        Files.writeString(cached, "");

        UserError error = assertThrows(UserError.class, () -> TerraformDocs.resolve(Map.of(), work.toString()));
        assertEquals("terraform-docs is needed to write the modules' README tables and was not found:"
                + " ECSFORGE_TERRAFORM_DOCS is not set, it is not on PATH, and there is no executable " + cached + "; "
                + TerraformDocs.HOW_TO_INSTALL, error.getMessage());
    }

    private static Path executable(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }
}
