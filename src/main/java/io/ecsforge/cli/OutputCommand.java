package io.ecsforge.cli;

import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Terraform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecsforge output}: a stack's outputs on stdout. */
@Command(
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the outputs were printed",
            "1:Terraform failed to read the state",
            "2:bad input: arguments, an unknown stack, no terraform/tofu binary, or no AWS credentials",
            ExitCodes.UNEXPECTED_HELP
        },
        name = "output", mixinStandardHelpOptions = true,
        description = "Prints a stack's outputs; sensitive values are shown as <sensitive>, also in --json.")
final class OutputCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin EnvironmentOptions environment;
    @Mixin TerraformOptions terraform;

    @Option(names = "--stack", required = true, paramLabel = "STACK", description = "The stack whose outputs to print.")
    String stack;

    @Option(names = "--json", description = "Print Terraform's JSON (name -> sensitive, type, value).")
    boolean json;

    @Override
    public Integer call() {
        Terraform binary = terraform.terraform(main);
        EnvironmentStacks stacks = environment.stacks();
        TerraformOptions.runner(binary, environment.workspace(), false, main.out()).output(stacks.stack(stack), json);
        return ExitCodes.OK;
    }
}
