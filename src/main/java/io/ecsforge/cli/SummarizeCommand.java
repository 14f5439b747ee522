package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.review.JsonRenderer;
import io.ecsforge.review.MarkdownRenderer;
import io.ecsforge.review.PlanSummary;
import io.ecsforge.review.PlannedStack;
import io.ecsforge.review.StackPlan;
import io.ecsforge.review.SummaryOptions;
import io.ecsforge.review.rules.Category;
import io.ecsforge.review.rules.Rules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecsforge summarize}: the Markdown of a pull-request comment (or its JSON) from plan JSON files. */
@Command(name = "summarize", mixinStandardHelpOptions = true,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the summary was written",
            "2:bad input: arguments, a plan file that is missing, empty, not JSON or not a plan, or an --output"
                    + " that cannot be written",
            "3:the summary was written, and a category named by --fail-on has items",
            ExitCodes.UNEXPECTED_HELP
        },
        description = {
            "Summarize plans (the JSON of `terraform show -json PLANFILE`, one file per stack) as Markdown"
                    + " for a pull-request comment: what to review first (permissions widened, network exposure,"
                    + " data at risk, release safety), warnings about deletions and replacements, totals per"
                    + " environment, then each stack's changes with masked attribute diffs; or as JSON.",
            "Sensitive values are never printed. The Markdown never exceeds --max-chars: attribute diffs are"
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

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "markdown (default): a pull-request comment; json: the same for a CI step to read.")
    String format = "markdown";

    @Option(names = "--fail-on", paramLabel = "CATEGORY", split = ",",
            description = "Exit with code 3, after writing the summary, when any of these \"Review first\" categories"
                    + " has items: permissions-widened, network-exposure, data-at-risk, release-safety,"
                    + " permissions-narrowed (comma-separated).")
    List<String> failOn = List.of();

    @Override
    public Integer call() {
        if (maxChars < 1_000) {
            throw new UserError("--max-chars must be at least 1000, got " + maxChars);
        }
        if (!format.equals("markdown") && !format.equals("json")) {
            throw new UserError("--format " + format + " is not known; allowed: markdown, json");
        }
        Set<Category> gate = gate();
        List<StackPlan> stacks = new ArrayList<>();
        for (String argument : planFiles) {
            stacks.add(stackPlan(argument));
        }
        List<PlannedStack> planned = PlanSummary.read(stacks);
        String text = format.equals("json") ? JsonRenderer.render(planned)
                : MarkdownRenderer.render(planned, SummaryOptions.defaults().withMaxChars(maxChars));
        if (output == null) {
            spec.commandLine().getOut().print(text);
            spec.commandLine().getOut().flush();
        } else {
            try {
                Files.writeString(output, text, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UserError("cannot write " + output + " (" + e.getMessage() + "); give --output a writable path");
            }
        }
        Set<Category> found = new TreeSet<>();
        Rules.review(planned).forEach(item -> found.add(item.category()));
        found.retainAll(gate);
        if (found.isEmpty()) {
            return ExitCodes.OK;
        }
        spec.commandLine().getErr().println("review gate: the plans have " + found.stream().map(Category::id)
                .collect(Collectors.joining(", ")) + " items (--fail-on); exit code " + ExitCodes.REVIEW_GATE);
        spec.commandLine().getErr().flush();
        return ExitCodes.REVIEW_GATE;
    }

    private Set<Category> gate() {
        Set<Category> gate = new TreeSet<>();
        for (String id : failOn) {
            String trimmed = id.strip();
            gate.add(Category.byId(trimmed).orElseThrow(() -> new UserError("--fail-on " + trimmed
                    + " is not a category; allowed: " + Arrays.stream(Category.values()).map(Category::id)
                            .collect(Collectors.joining(", ")))));
        }
        return gate;
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
