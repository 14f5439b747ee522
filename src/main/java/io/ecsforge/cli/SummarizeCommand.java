package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.review.PlanSummary;
import io.ecsforge.review.StackPlan;
import io.ecsforge.review.SummaryOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsforge summarize}: the Markdown of a pull-request comment from plan JSON files. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        description = {
            "Summarize plans (the JSON of `terraform show -json PLANFILE`, one file per stack) as Markdown"
                    + " for a pull-request comment: warnings about deletions and replacements first, totals per"
                    + " environment, then each stack's changes with masked attribute diffs.",
            "Sensitive values are never printed. The output never exceeds --max-chars: attribute diffs are"
                    + " cut first, totals and warning counts never."
        })
final class SummarizeCommand implements Callable<Integer> {
    private static final Pattern NAMED = Pattern.compile("(?:([A-Za-z0-9_.-]+)/)?([A-Za-z0-9_.-]+)=(.+)");

    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PLAN_JSON",
            description = "A plan JSON file, or [ENV/]STACK=FILE to name its stack (and environment). A plain"
                    + " FILE's stack is its file name without .json and .plan.")
    List<String> planFiles;

    @Option(names = "--env", paramLabel = "ENV", description = "Environment of the files that do not name one.")
    String environment = "";

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the Markdown to FILE instead of stdout.")
    Path output;

    @Option(names = "--max-chars", paramLabel = "N",
            description = "Longest the Markdown may be (default: ${DEFAULT-VALUE}, GitHub's comment limit).")
    int maxChars = SummaryOptions.GITHUB_COMMENT_LIMIT;

    @Override
    public Integer call() {
        if (maxChars < 1_000) {
            throw new UserError("--max-chars must be at least 1000, got " + maxChars);
        }
        List<StackPlan> stacks = new ArrayList<>();
        for (String argument : planFiles) {
            stacks.add(stackPlan(argument));
        }
        String markdown = PlanSummary.render(stacks, SummaryOptions.defaults().withMaxChars(maxChars));
        if (output == null) {
            spec.commandLine().getOut().print(markdown);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(output, markdown, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot write " + output + " (" + e.getMessage() + "); give --output a writable path");
            }
        }
        return ExitCodes.OK;
    }

    private StackPlan stackPlan(String argument) {
        Matcher named = NAMED.matcher(argument);
        if (named.matches() && !Files.exists(Path.of(argument))) {
            String env = named.group(1) == null ? environment : named.group(1);
            return new StackPlan(env, named.group(2), Path.of(named.group(3)));
        }
        Path file = Path.of(argument);
        String stack = file.getFileName() == null ? argument : file.getFileName().toString();
        stack = stack.replaceFirst("(?i)\\.json$", "").replaceFirst("(?i)\\.plan$", "");
        return new StackPlan(environment, stack, file);
    }
}
