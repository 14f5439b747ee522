package io.ecsforge.cli;

import io.ecsforge.modules.JsonModuleWriter;
import io.ecsforge.modules.ModuleDocuments;
import io.ecsforge.modules.ModuleFiles;
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
                + " without ecsforge's configuration. They need no configuration file.")
final class ModulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand Main main;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "modules",
            description = "Folder the modules are written into, one folder each (default: modules).")
    Path outDir;

    @Override
    public Integer call() {
        // Checked before the modules are built, which takes seconds.
        ModuleFiles.checkOut(outDir);
        for (Path file : ModuleFiles.write(ModuleDocuments.build(main.jsii()), outDir, new JsonModuleWriter())) {
            spec.commandLine().getOut().println("wrote " + file);
        }
        return ExitCodes.OK;
    }
}
