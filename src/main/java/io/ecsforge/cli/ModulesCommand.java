package io.ecsforge.cli;

import io.ecsforge.modules.HclModuleWriter;
import io.ecsforge.modules.ModuleDocuments;
import io.ecsforge.modules.ModuleFiles;
import io.ecsforge.modules.TerraformDocs;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ecsforge modules}: writes the Terraform modules built from the stacks' own parts. */
@Command(name = "modules", mixinStandardHelpOptions = true,
        description = "Write the Terraform modules (network, registry) into DIR/<module>/, for teams that use Terraform"
                + " without ecsforge's configuration: HCL, a README whose tables terraform-docs generates ($"
                + TerraformDocs.ENVIRONMENT_VARIABLE + ", else on PATH, else the tools cache), examples and"
                + " terraform test files. They need no configuration file.")
final class ModulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand Main main;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "modules",
            description = "Folder the modules are written into, one folder each (default: modules).")
    Path outDir;

    @Override
    public Integer call() {
        // Both checked before the modules are built, which takes seconds.
        ModuleFiles.checkOut(outDir);
        Path terraformDocs = TerraformDocs.resolve(main.environment(), System.getProperty("user.home"));
        for (Path file : ModuleFiles.write(ModuleDocuments.build(main.jsii()), outDir, new HclModuleWriter(terraformDocs))) {
            spec.commandLine().getOut().println("wrote " + file);
        }
        return ExitCodes.OK;
    }
}
