package io.ecsforge.cli;

import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Terraform;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecsforge bootstrap}: creates the state bucket and moves the state stack's state into it. */
@Command(
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the bucket holds the state stack's state (created now, or already)",
            "1:a Terraform command failed (its last error lines are printed; an interrupted bootstrap resumes when run again)",
            "2:bad input: arguments, no state stack, no terraform/tofu binary, or no AWS credentials; nothing was changed",
            ExitCodes.UNEXPECTED_HELP
        },
        name = "bootstrap", mixinStandardHelpOptions = true,
        description = {"Creates the state bucket: applies the <app>-<env>-state stack once on local state (a local backend"
                + " override beside its JSON, whose S3 backend names the bucket), then removes the override and moves"
                + " that stack's state into the bucket (init -migrate-state).",
                "When the bucket already holds the state it only checks for changes: running it twice changes nothing.",
                "It synthesizes config/<ENV>.yaml into cdktf.out first, unless --no-synth."})
final class BootstrapCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin EnvironmentOptions environment;
    @Mixin TerraformOptions terraform;
    @Mixin SynthOptions synth;
    @Mixin ExcludeOptions exclude;

    @Option(names = "--upgrade", description = TerraformOptions.UPGRADE)
    boolean upgrade;

    @Override
    public Integer call() {
        Terraform binary = terraform.terraform(main);
        exclude.check(binary);
        synth.synthesize(environment, main);
        EnvironmentStacks stacks = environment.stacks();
        exclude.on(TerraformOptions.runner(binary, environment.workspace(), upgrade, main.out())).bootstrap(stacks.stateStack());
        return ExitCodes.OK;
    }
}
