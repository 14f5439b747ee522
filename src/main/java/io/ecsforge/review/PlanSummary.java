package io.ecsforge.review;

import io.ecsforge.UserError;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The pull-request summary of a set of plans: the entry point for the CLI and for
 * {@code ecsforge plan --summary-md}.
 *
 * <pre>{@code
 * String markdown = PlanSummary.render(
 *         List.of(new StackPlan("dev", "network", Path.of("network.plan.json")),
 *                 new StackPlan("dev", "services", Path.of("services.plan.json"))),
 *         SummaryOptions.defaults());
 * }</pre>
 */
public final class PlanSummary {
    private PlanSummary() {}

    /**
     * Reads every plan file and renders the Markdown, at most {@code options.maxChars()} long.
     *
     * @throws UserError naming the file when a plan file is missing, empty, not JSON, or a state
     *     rather than a plan, or when one environment names the same stack twice
     */
    public static String render(List<StackPlan> stacks, SummaryOptions options) {
        return MarkdownRenderer.render(read(stacks), options);
    }

    /** The same summary as JSON ({@link JsonRenderer}), with the checks of {@link #render}. */
    public static String renderJson(List<StackPlan> stacks) {
        return JsonRenderer.render(read(stacks));
    }

    /** Reads every plan file, in the order given; the checks of {@link #render}. */
    public static List<PlannedStack> read(List<StackPlan> stacks) {
        if (stacks.isEmpty()) {
            throw new UserError("no plan files given; give at least one file written by `terraform show -json PLANFILE`");
        }
        Set<String> seen = new HashSet<>();
        List<PlannedStack> planned = new ArrayList<>();
        for (StackPlan stack : stacks) {
            if (!seen.add(stack.environment() + "/" + stack.stack())) {
                throw new UserError("stack \"" + stack.stack() + "\"" + (stack.environment().isEmpty() ? ""
                        : " of environment \"" + stack.environment() + "\"") + " is given twice (again as "
                        + stack.planFile() + "); give each stack once, or name them with STACK=FILE");
            }
            planned.add(new PlannedStack(stack.environment(), stack.stack(), PlanReader.read(stack.planFile())));
        }
        return planned;
    }
}
