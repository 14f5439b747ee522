package io.ecsforge.cli;

import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Terraform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecsforge plan}: a saved, reviewable plan for every stack, in dependency order. */
@Command(
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every stack was planned; the plans are saved for review",
            "1:a stack failed (the run stops there; its command and Terraform's last error lines are printed)",
            "2:bad input: arguments, no cdktf.out, or no terraform/tofu binary; nothing was run"
        },
        name = "plan", mixinStandardHelpOptions = true,
        description = {"For each stack in dependency order: init, plan to a saved plan file, and show -json beside it"
                + " (in .ecsforge/plans/<stack>/), with the sha256 of the stack JSON the plan was made from.",
                "It synthesizes config/<ENV>.yaml into cdktf.out first, unless --no-synth."})
final class PlanCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin EnvironmentOptions environment;
    @Mixin TerraformOptions terraform;
    @Mixin SynthOptions synth;

    @Option(names = "--stack", paramLabel = "STACK", description = "Plan only this stack (full name or the part after <app>-<env>-).")
    String stack;

    @Override
    public Integer call() {
        Terraform binary = terraform.terraform(main);
        synth.synthesize(environment, main.out());
        EnvironmentStacks stacks = environment.stacks();
        TerraformOptions.runner(binary, environment.workspace(), stacks, main.out())
                .plan(EnvironmentOptions.selected(stacks, stack));
        return ExitCodes.OK;
    }
}
