package io.ecsforge.emit.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModuleReadmeTest {
    @TempDir Path module;

    @Test
    void aTemplateWithoutTheMarkersIsRefusedBeforeAnythingIsWritten() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> ModuleReadme.write(Path.of("/bin/true"), module, "# network\n<!-- END_TF_DOCS -->\n<!-- BEGIN_TF_DOCS -->\n"));

        assertEquals("the README template of " + module + " needs <!-- BEGIN_TF_DOCS --> and then <!-- END_TF_DOCS -->,"
                + " each on a line of its own, where the inputs and outputs tables go", error.getMessage());
        assertEquals(false, Files.exists(module.resolve("README.md")));
    }

    @Test
    void aMissingTerraformDocsIsAUserErrorSayingHowToInstallIt() {
        Path missing = module.resolve("bin/terraform-docs");

        UserError error = assertThrows(UserError.class,
                () -> ModuleReadme.write(missing, module, "<!-- BEGIN_TF_DOCS -->\n<!-- END_TF_DOCS -->\n"));

        assertEquals("terraform-docs is not installed at " + missing
                + "; run scripts/setup-tools.sh, which builds v0.20.0 into the tools cache", error.getMessage());
    }
}
