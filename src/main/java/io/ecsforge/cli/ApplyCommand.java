package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Terraform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecsforge apply}: applies exactly the plans that {@code plan} saved. */
@Command(
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every saved plan was applied",
            "1:a stack failed, the state lock was held, or a saved plan was missing or stale (then nothing was applied)",
            "2:bad input: arguments, --auto-approve missing, no cdktf.out, no terraform/tofu binary, or no AWS credentials;"
                    + " nothing was changed",
            ExitCodes.UNEXPECTED_HELP
        },
        name = "apply", mixinStandardHelpOptions = true,
        description = {"Applies the saved plans in dependency order, exactly as reviewed; stacks that do not depend"
                + " on each other side by side (--parallelism).",
                "Every plan is checked first; one whose stack JSON changed since it was planned is refused and"
                        + " nothing is applied."})
final class ApplyCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin EnvironmentOptions environment;
    @Mixin TerraformOptions terraform;
    @Mixin ParallelismOptions parallelism;

    @Option(names = "--stack", paramLabel = "STACK", description = "Apply only this stack's plan.")
    String stack;

    @Option(names = "--auto-approve", description = "Required: applying the reviewed plans is the approval.")
    boolean autoApprove;

    @Override
    public Integer call() {
        if (!autoApprove) {
            throw new UserError("apply changes infrastructure without asking again: review the saved plans"
                    + " (.ecsforge/plans/<stack>/plan.json), then pass --auto-approve");
        }
        int atOnce = parallelism.parallelism();
        Terraform binary = terraform.terraform(main);
        EnvironmentStacks stacks = environment.stacks();
        TerraformOptions.runner(binary, environment.workspace(), false, main, atOnce)
                .apply(EnvironmentOptions.selected(stacks, stack));
        return ExitCodes.OK;
    }
}
