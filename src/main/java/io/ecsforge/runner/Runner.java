package io.ecsforge.runner;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Plans, applies, destroys and bootstraps stacks with a Terraform-compatible binary, and prints
 * their outputs: the run loop, which leaves each {@code init} to {@link Init}, the bootstrap to
 * {@link Bootstrap} and the outputs to {@link StackOutputs}. Every stack ends with one line giving
 * its result and elapsed time; a failure ends the run with a {@link StackFailure}.
 *
 * <p>Plans of several stacks run at once, up to {@code parallelism} of them: a plan changes no
 * state, and each stack's plan reads the outputs its dependencies have now, not their plans.
 * Applies keep dependency order, level by level (see {@link #levels}); the stacks of one level
 * do not depend on each other and may run side by side. While stacks run side by side, each
 * one's lines are held back and printed together when it ends, in dependency order, so the
 * output reads as a sequential run's does. After a failure no further stack is started; those
 * already running finish (an apply cut short can leave a state lock held and resources half
 * made) and the failure of the first stack in dependency order is thrown. With parallelism 1
 * every stack streams its lines as they come and the first failure stops the run there.
 */
public final class Runner {
    /**
     * How many stacks run at once unless told otherwise. A plan's time goes to the provider
     * starting and loading its schema (CPU) and to API calls (waiting), so a little more than
     * the 2 cores of a CI runner keeps them busy; an environment has 7 stacks.
     */
    public static final int DEFAULT_PARALLELISM = 4;

    private final Terraform terraform;
    private final Init init;
    private final PlanStore plans;
    private final Path localState;
    private final PrintWriter out;
    private final PrintWriter err;
    private final int parallelism;
    private final List<String> excluded;

    /** One stack at a time, every line to {@code out}, as {@link #Runner(Terraform, Workspace, boolean, PrintWriter, PrintWriter, int)}. */
    public Runner(Terraform terraform, Workspace workspace, boolean upgrade, PrintWriter out) {
        this(terraform, workspace, upgrade, out, out, 1);
    }

    /**
     * @param workspace the project: its saved plans, committed lock files and local state folder
     * @param upgrade run every {@code init} with {@code -upgrade}: the newest provider versions the
     *     stacks' constraints allow, kept in the lock files
     * @param out where the result lines go
     * @param err where held-back stderr lines of stacks run side by side go (the {@code err} the
     *     {@link Terraform} streams to)
     * @param parallelism how many stacks may run at once, at least 1
     */
    public Runner(Terraform terraform, Workspace workspace, boolean upgrade, PrintWriter out, PrintWriter err, int parallelism) {
        this(terraform, new Init(terraform, workspace.locks(), upgrade, out), workspace.plans(), workspace.localState(),
                out, err, parallelism, List.of());
    }

    private Runner(Terraform terraform, Init init, PlanStore plans, Path localState, PrintWriter out, PrintWriter err,
            int parallelism, List<String> excluded) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.terraform = terraform;
        this.init = init;
        this.plans = plans;
        this.localState = localState;
        this.out = out;
        this.err = err;
        this.parallelism = parallelism;
        this.excluded = List.copyOf(excluded);
    }

    private List<String> withExclusions(String... args) {
        List<String> command = new ArrayList<>(List.of(args));
        excluded.forEach(address -> command.add("-exclude=" + address));
        return command;
    }

    /**
     * This runner, planning (and bootstrap applying) without these resource addresses and what depends on them
     * (OpenTofu's {@code plan -exclude}; the caller checks that the binary has it). An address
     * a stack does not have is ignored, so one list can serve every stack.
     */
    public Runner excluding(List<String> addresses) {
        return new Runner(terraform, init, plans, localState, out, err, parallelism, addresses);
    }

    /** For each stack: init, plan to a saved plan file, and its {@code show -json}; several at once. */
    public void plan(List<Stack> stacks) {
        SideBySide.run(stacks, parallelism, out, err, this, this::printingTo, Runner::planOne);
    }

    /** The same runner for one stack run beside others: it prints to that stack's held output. */
    private Runner printingTo(HeldOutput held) {
        Terraform printing = terraform.printingTo(held.out(), held.err());
        return new Runner(printing, init.printingTo(printing, held.out()), plans, localState, held.out(), held.err(), 1,
                excluded);
    }

    private void planOne(Stack stack) {
        timed(stack, "plan", () -> {
            plans.discard(stack);
            init.streamed(stack);
            Path planFile = plans.prepare(stack);
            Checked.succeeded(stack, terraform.stream(stack,
                    withExclusions("plan", "-input=false", "-no-color", "-out=" + planFile)));
            Terraform.Result show = Checked.succeeded(stack,
                    terraform.capture(stack, List.of("show", "-json", "-no-color", planFile.toString())));
            plans.save(stack, show.stdout());
            return PlanCounts.of(Checked.json(stack, show)).describe() + "; saved " + plans.planJson(stack);
        });
    }

    /**
     * Applies exactly the saved plans, level by level in dependency order; the stacks of one
     * level side by side. Every plan is checked before any is applied: one made from a stack
     * JSON that has changed since is refused. A failure lets the rest of its level finish and
     * starts no further level.
     */
    public void apply(List<Stack> stacks) {
        List<String> refusals = new ArrayList<>();
        Stack firstRefused = null;
        for (Stack stack : stacks) {
            String why = plans.whyNotApplicable(stack);
            if (why != null) {
                refusals.add(stack.name() + ": " + why);
                firstRefused = firstRefused == null ? stack : firstRefused;
            }
        }
        if (firstRefused != null) {
            throw new StackFailure(firstRefused.name(), "apply",
                    "refused to apply; nothing was applied", refusals);
        }
        for (List<Stack> level : levels(stacks)) {
            SideBySide.run(level, parallelism, out, err, this, this::printingTo, Runner::applyOne);
        }
    }

    private void applyOne(Stack stack) {
        timed(stack, "apply", () -> {
            init.streamed(stack);
            Checked.succeeded(stack, terraform.stream(stack,
                    List.of("apply", "-input=false", "-no-color", plans.planFile(stack).toString())));
            // An applied plan is spent: Terraform would refuse it as stale, so say so sooner.
            plans.discard(stack);
            return "applied";
        });
    }

    /**
     * The stacks in levels: a stack's level is one more than the highest level of the stacks it
     * depends on among {@code stacksInOrder} (others are taken as in place), so no stack depends
     * on one of its own level or a later one. Within a level the given order is kept.
     *
     * @param stacksInOrder stacks in dependency order, as {@link StackManifest#environment} gives them
     */
    static List<List<Stack>> levels(List<Stack> stacksInOrder) {
        Map<String, Integer> levelOf = new HashMap<>();
        List<List<Stack>> levels = new ArrayList<>();
        for (Stack stack : stacksInOrder) {
            int level = 0;
            for (String dependency : stack.dependencies()) {
                Integer dependencyLevel = levelOf.get(dependency);
                if (dependencyLevel != null) {
                    level = Math.max(level, dependencyLevel + 1);
                }
            }
            levelOf.put(stack.name(), level);
            while (levels.size() <= level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(stack);
        }
        return levels.stream().map(List::copyOf).toList();
    }

    /** Destroys the stacks in the order given (dependents first). */
    public void destroy(List<Stack> stacksInDestroyOrder) {
        for (Stack stack : stacksInDestroyOrder) {
            timed(stack, "destroy", () -> {
                plans.discard(stack);
                init.streamed(stack);
                Checked.succeeded(stack, terraform.stream(stack,
                        List.of("destroy", "-input=false", "-no-color", "-auto-approve")));
                return "destroyed";
            });
        }
    }

    /**
     * Creates the state bucket and moves the state stack's state into it (see {@link Bootstrap});
     * the apply on local state leaves out this runner's excluded addresses.
     */
    public void bootstrap(Stack stateStack) {
        Bootstrap bootstrap = new Bootstrap(stateStack, localState, terraform, init, out);
        timed(stateStack, "bootstrap",
                () -> bootstrap.run(withExclusions("apply", "-input=false", "-no-color", "-auto-approve")));
    }

    /**
     * Prints the stack's outputs: Terraform's text, or with {@code json} its JSON with every
     * sensitive value replaced by {@code "<sensitive>"}.
     */
    public void output(Stack stack, boolean json) {
        new StackOutputs(terraform, init, out).print(stack, json);
    }

    private void timed(Stack stack, String step, Supplier<String> work) {
        long started = System.nanoTime();
        try {
            String result = work.get();
            out.println("[" + stack.name() + "] " + step + " ok: " + result + " (" + elapsed(started) + ")");
        } catch (RuntimeException e) {
            out.println("[" + stack.name() + "] " + step + " FAILED (" + elapsed(started) + ")");
            throw e;
        } finally {
            out.flush();
        }
    }

    private static String elapsed(long startedNanos) {
        return String.format(Locale.ROOT, "%.1fs", (System.nanoTime() - startedNanos) / 1e9);
    }
}
