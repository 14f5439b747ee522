package io.ecsforge.cli;

import io.ecsforge.config.ModuleInputs;
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
        description = "Write the Terraform modules into DIR/<module>/, for teams that use Terraform without ecsforge's"
                + " configuration: HCL, a README whose tables terraform-docs generates ($"
                + TerraformDocs.ENVIRONMENT_VARIABLE + ", else on PATH, else the tools cache), examples and"
                + " terraform test files. They need no configuration file. With --inputs ENV, print instead the"
                + " inputs of modules/ecs-platform for config/ENV.yaml, as a terraform.tfvars.json.")
final class ModulesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand Main main;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "modules",
            description = "Folder the modules are written into, one folder each (default: modules).")
    Path outDir;

    @Option(names = "--inputs", paramLabel = "ENV",
            description = "Print the inputs of modules/ecs-platform for the environment file ENV.yaml as JSON, which"
                    + " Terraform reads as a terraform.tfvars.json, and write no module.")
    String inputsOf;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "config",
            description = "Folder of the environment files, for --inputs (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Override
    public Integer call() {
        if (inputsOf != null) {
            spec.commandLine().getOut().println(ModuleInputs.of(configDir, inputsOf).toPrettyString());
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
