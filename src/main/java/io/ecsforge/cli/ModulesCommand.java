package io.ecsforge.cli;

import io.ecsforge.config.ModuleInputs;
import io.ecsforge.modules.HclModuleWriter;
import io.ecsforge.modules.ModuleDocuments;
import io.ecsforge.modules.ModuleFiles;
import io.ecsforge.modules.PlatformModule;
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
        description = "Write the Terraform modules into DIR/<module>/, for teams that use Terraform without ecsforge's"
                + " configuration: HCL, a README whose tables terraform-docs generates ($"
                + TerraformDocs.ENVIRONMENT_VARIABLE + ", else on PATH, else the tools cache), examples and"
                + " terraform test files. They need no configuration file. With --inputs ENV, print instead a"
                + " module block that calls modules/ecs-platform with the values of config/ENV.yaml.")
final class ModulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand Main main;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "modules",
            description = "Folder the modules are written into, one folder each (default: modules).")
    Path outDir;

    @Option(names = "--inputs", paramLabel = "ENV",
            description = "Print, in HCL, a module block that calls modules/ecs-platform with every value the environment"
                    + " file ENV.yaml sets (a key it leaves out keeps the module's default, which is the key's), and write"
                    + " no module.")
    String inputsOf;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "./modules/" + PlatformModule.NAME,
            description = "The module block's source, for --inputs (default: ${DEFAULT-VALUE}); from another"
                    + " repository, git::https://github.com/<owner>/ecsforge.git//modules/" + PlatformModule.NAME
                    + "?ref=<tag>.")
    String source;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "config",
            description = "Folder of the environment files, for --inputs (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Override
    public Integer call() {
        if (inputsOf != null) {
            spec.commandLine().getOut().print(PlatformModule.call(source, ModuleInputs.of(configDir, inputsOf)));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
        // Both checked before the modules are built, which takes seconds.
        ModuleFiles.checkOut(outDir);
        Path terraformDocs = TerraformDocs.resolve(main.environment(), System.getProperty("user.home"));
        for (Path file : ModuleFiles.write(ModuleDocuments.build(main.jsii()), outDir, new HclModuleWriter(terraformDocs))) {
            spec.commandLine().getOut().println("wrote " + file);
        }
        return ExitCodes.OK;
    }
}
