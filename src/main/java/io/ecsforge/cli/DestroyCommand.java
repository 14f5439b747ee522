package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Stack;
import io.ecsforge.runner.Terraform;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecsforge destroy}: destroys a stack and the stacks that depend on it. */
@Command(
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the stack and its dependents were destroyed",
            "1:a stack failed (the run stops there; its command and Terraform's last error lines are printed)",
            "2:bad input: arguments, --confirm not the stack's name, the state stack, no terraform/tofu binary, or no AWS"
                    + " credentials; nothing was changed",
            ExitCodes.UNEXPECTED_HELP
        },
        name = "destroy", mixinStandardHelpOptions = true,
        description = {"Destroys the stack and every stack that depends on it, in reverse dependency order"
                + " (dependents first).",
                "The state stack is refused: its bucket holds every stack's state."})
final class DestroyCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin EnvironmentOptions environment;
    @Mixin TerraformOptions terraform;

    @Option(names = "--stack", required = true, paramLabel = "STACK", description = "The stack to destroy.")
    String stack;

    @Option(names = "--confirm", required = true, paramLabel = "STACK-NAME",
            description = "The stack's full name again, to confirm.")
    String confirm;

    @Override
    public Integer call() {
        Terraform binary = terraform.terraform(main);
        EnvironmentStacks stacks = environment.stacks();
        Stack target = stacks.stack(stack);
        if (!target.name().equals(confirm)) {
            throw new UserError("--confirm " + confirm + " does not match the stack to destroy; pass --confirm "
                    + target.name());
        }
        if (target.equals(stacks.stateStack())) {
            throw new UserError("--stack " + target.name() + ": the state stack is not destroyed by ecsforge, its bucket"
                    + " holds every stack's state; destroy the other stacks, then empty and delete the bucket by hand");
        }
        List<Stack> order = stacks.withDependentsInDestroyOrder(target);
        main.out().println("destroying, in this order: " + String.join(", ", order.stream().map(Stack::name).toList()));
        TerraformOptions.runner(binary, environment.workspace(), false, main.out()).destroy(order);
        return ExitCodes.OK;
    }
}
