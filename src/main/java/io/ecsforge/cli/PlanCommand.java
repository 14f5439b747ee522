package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.review.PlanSummary;
import io.ecsforge.review.StackPlan;
import io.ecsforge.review.SummaryOptions;
import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.PlanStore;
import io.ecsforge.runner.Stack;
import io.ecsforge.runner.Terraform;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ecsforge plan}: a saved, reviewable plan for every stack, several planned at once. */
@Command(
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:every stack was planned; the plans are saved for review",
            "1:a stack failed (no further stack is started; its command and Terraform's last error lines are printed)",
            "2:bad input: arguments, no cdktf.out, no terraform/tofu binary, or no AWS credentials; nothing was changed",
            ExitCodes.UNEXPECTED_HELP
        },
        name = "plan", mixinStandardHelpOptions = true,
        description = {"For each stack, several at once (--parallelism): init, plan to a saved plan file, and show -json beside it"
                + " (in .ecsforge/plans/<stack>/), with the sha256 of the stack JSON the plan was made from.",
                "It synthesizes config/<ENV>.yaml into cdktf.out first, unless --no-synth."})
final class PlanCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin EnvironmentOptions environment;
    @Mixin TerraformOptions terraform;
    @Mixin SynthOptions synth;
    @Mixin ExcludeOptions exclude;
    @Mixin ParallelismOptions parallelism;

    @Option(names = "--stack", paramLabel = "STACK", description = "Plan only this stack (full name or the part after <app>-<env>-).")
    String stack;

    @Option(names = "--upgrade", description = TerraformOptions.UPGRADE)
    boolean upgrade;

    @Option(names = "--summary-md", paramLabel = "FILE",
            description = "Also write the Markdown summary of the plans (as 'ecsforge summarize' does) to FILE.")
    Path summaryMarkdown;

    @Override
    public Integer call() {
        int atOnce = parallelism.parallelism();
        Terraform binary = terraform.terraform(main);
        exclude.check(binary);
        synth.synthesize(environment, main);
        EnvironmentStacks stacks = environment.stacks();
        List<Stack> selected = EnvironmentOptions.selected(stacks, stack);
        exclude.on(TerraformOptions.runner(binary, environment.workspace(), upgrade, main, atOnce)).plan(selected);
        if (summaryMarkdown != null) {
            writeSummary(selected);
        }
        return ExitCodes.OK;
    }

    private void writeSummary(List<Stack> selected) {
        PlanStore plans = environment.workspace().plans();
        List<StackPlan> planned = selected.stream()
                .map(each -> new StackPlan(environment.env, each.name(), plans.planJson(each)))
                .toList();
        String markdown = PlanSummary.render(planned, SummaryOptions.defaults());
        try {
            Files.writeString(summaryMarkdown, markdown, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError("--summary-md " + summaryMarkdown + ": cannot write it (" + e.getMessage()
                    + "); give a writable path");
        }
        main.out().println("plan summary written to " + summaryMarkdown);
        main.out().flush();
    }
}
