package io.ecsforge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.UserError;
import io.ecsforge.config.ModuleInputs;
import io.ecsforge.modules.HclModuleWriter;
import io.ecsforge.modules.ModuleDocuments;
import io.ecsforge.modules.ModuleFiles;
import io.ecsforge.modules.PlatformModule;
import io.ecsforge.modules.StateMoves;
import io.ecsforge.modules.TerraformDocs;
import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Stack;
import io.ecsforge.runner.StackManifest;
import io.ecsforge.runner.Workspace;
import io.ecsforge.stacks.EnvironmentNames;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    @Option(names = "--moves", paramLabel = "ENV",
            description = "Print a shell script of 'state mv' commands that moves every resource of the environment's"
                    + " stacks, as synthesized in cdktf.out/, to its address under a module \"platform\" that calls"
                    + " modules/" + PlatformModule.NAME + ", and write no module.")
    String movesOf;

    @Option(names = "--back",
            description = "With --moves: the script moves the resources the other way, from the configuration that calls"
                    + " modules/" + PlatformModule.NAME + " back into the stacks' states.")
    boolean back;

    @Option(names = "--binary", paramLabel = "BINARY", defaultValue = "terraform",
            description = "The binary the --moves script runs: terraform (the default) or tofu.")
    String binary;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Project directory holding cdktf.out/, for --moves (default: the current directory).")
    Path directory;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "config",
            description = "Folder of the environment files, for --inputs (default: ${DEFAULT-VALUE}).")
    Path configDir;

    private static JsonNode readStack(Path file) {
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read (" + e.getMessage() + "); run 'ecsforge synth' again");
        }
    }

    @Override
    public Integer call() {
        if (movesOf != null) {
            if (!binary.equals("terraform") && !binary.equals("tofu")) {
                throw new UserError("--binary: \"" + binary + "\" is not allowed; allowed: terraform, tofu");
            }
            EnvironmentStacks stacks = EnvironmentStacks.of(StackManifest.read(new Workspace(directory).outDir()), movesOf);
            Map<String, JsonNode> synthesized = new LinkedHashMap<>();
            for (Stack stack : stacks.stacks()) {
                String part = stack.name().substring(stacks.prefix().length());
                if (!part.equals(EnvironmentNames.STATE)) {
                    synthesized.put(part, readStack(stack.stackJson()));
                }
            }
            List<StateMoves.Move> moves = StateMoves.of(synthesized, ModuleDocuments.build(main.jsii()));
            spec.commandLine().getOut().print(StateMoves.script(stacks.prefix(), moves, binary, back));
            spec.commandLine().getOut().flush();
            return ExitCodes.OK;
        }
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
