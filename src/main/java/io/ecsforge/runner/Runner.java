package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.UserError;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans, applies, destroys and bootstraps stacks with a Terraform-compatible binary. Every stack
 * ends with one line giving its result and elapsed time; a failure ends the run with a
 * {@link StackFailure}.
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
     * Written beside a stack's JSON to give it another backend (Terraform merges files named
     * {@code *_override.tf.json} over the rest). Rewritten before every init, since synthesis
     * replaces the working directory.
     */
    public static final String BACKEND_OVERRIDE = "ecsforge_backend_override.tf.json";

    /** What Terraform's S3 backend says when the bucket is not there yet. */
    /** How Terraform and OpenTofu say that {@code init} could not install a provider. */
    private static final Pattern PROVIDER_NOT_INSTALLED = Pattern.compile(
            "(?:Could not resolve provider|Failed to (?:query available provider packages|install provider))\\W*(?:for )?(\\S+?)[:,]?(?:\\s|$)");

    private static final Pattern NO_SUCH_BUCKET =
            Pattern.compile("NoSuchBucket|S3 bucket .*does not exist|bucket does not exist", Pattern.CASE_INSENSITIVE);

    /**
     * How many stacks run at once unless told otherwise. A plan's time goes to the provider
     * starting and loading its schema (CPU) and to API calls (waiting), so a little more than
     * the 2 cores of a CI runner keeps them busy; an environment has 7 stacks.
     */
    public static final int DEFAULT_PARALLELISM = 4;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> INIT = List.of("init", "-input=false", "-no-color");

    private final Terraform terraform;
    private final PlanStore plans;
    private final Map<String, Backend> backendOverrides;
    private final PrintWriter out;
    private final PrintWriter err;
    private final int parallelism;

    /** One stack at a time, as {@link #Runner(Terraform, PlanStore, Map, PrintWriter, PrintWriter, int)}. */
    public Runner(Terraform terraform, PlanStore plans, Map<String, Backend> backendOverrides, PrintWriter out) {
        this(terraform, plans, backendOverrides, out, out, 1);
    }

    /**
     * @param plans where saved plans are kept
     * @param backendOverrides the backend to run a stack with instead of its JSON's, by stack name
     *     (see {@link EnvironmentStacks#backendOverrides()})
     * @param out where the result lines go
     * @param err where held-back stderr lines of stacks run side by side go (the {@code err} the
     *     {@link Terraform} streams to)
     * @param parallelism how many stacks may run at once, at least 1
     */
    public Runner(Terraform terraform, PlanStore plans, Map<String, Backend> backendOverrides, PrintWriter out,
            PrintWriter err, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.terraform = terraform;
        this.plans = plans;
        this.backendOverrides = Map.copyOf(backendOverrides);
        this.out = out;
        this.err = err;
        this.parallelism = parallelism;
    }

    /** For each stack: init, plan to a saved plan file, and its {@code show -json}; several at once. */
    public void plan(List<Stack> stacks) {
        SideBySide.run(stacks, parallelism, out, err, this, this::printingTo, Runner::planOne);
    }

    /** The same runner for one stack run beside others: it prints to that stack's held output. */
    private Runner printingTo(HeldOutput held) {
        return new Runner(terraform.printingTo(held.out(), held.err()), plans, backendOverrides, held.out(),
                held.err(), 1);
    }

    private void planOne(Stack stack) {
        timed(stack, "plan", () -> {
            plans.discard(stack);
            init(stack);
            Path planFile = plans.prepare(stack);
            require(stack, terraform.stream(stack,
                    List.of("plan", "-input=false", "-no-color", "-out=" + planFile)));
            Terraform.Result show = require(stack,
                    terraform.capture(stack, List.of("show", "-json", "-no-color", planFile.toString())));
            plans.save(stack, show.stdout());
            return PlanCounts.of(readJson(stack, show)).describe() + "; saved " + plans.planJson(stack);
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
            init(stack);
            require(stack, terraform.stream(stack,
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
                init(stack);
                require(stack, terraform.stream(stack,
                        List.of("destroy", "-input=false", "-no-color", "-auto-approve")));
                return "destroyed";
            });
        }
    }

    /**
     * Creates the state bucket by applying the state stack on the local state its JSON names,
     * then moves that state into the bucket with {@code init -migrate-state}, through the S3
     * backend override. When the bucket already holds the state it only checks the stack for
     * changes, so running it twice changes nothing; when a local state is left from an
     * interrupted run it resumes from it.
     */
    public void bootstrap(Stack stateStack) {
        Backend local = stateStack.backend();
        if (!"local".equals(local.type())) {
            throw new UserError(stateStack.stackJson() + ": the state stack " + stateStack.name() + " declares a '"
                    + local.type() + "' backend; it must keep local state, since it creates the bucket");
        }
        Backend target = backendOverrides.get(stateStack.name());
        if (target == null) {
            throw new UserError("the stacks of " + stateStack.name().substring(0, stateStack.name().length()
                    - EnvironmentStacks.STATE_PART.length()) + "* keep local state (state.backend: local), so there"
                    + " is no bucket to move state into; apply the stacks with 'ecsforge plan' and 'ecsforge apply'");
        }
        Path localState = stateStack.workingDirectory().resolve(local.key()).normalize();
        Path override = stateStack.workingDirectory().resolve(BACKEND_OVERRIDE);
        timed(stateStack, "bootstrap", () -> {
            if (!hasResources(localState)) {
                useOverride(stateStack);
                Terraform.Result probe = terraform.quiet(stateStack, List.of("init", "-input=false", "-no-color",
                        "-reconfigure"));
                if (probe.succeeded()) {
                    return alreadyBootstrapped(stateStack, target);
                }
                if (!saysNoSuchBucket(probe)) {
                    throw failure(stateStack, probe);
                }
                out.println("[" + stateStack.name() + "] bucket " + target.bucket()
                        + " does not exist yet: creating it with local state in " + localState);
            } else {
                out.println("[" + stateStack.name() + "] resuming from the local state left in " + localState);
            }
            delete(override);
            require(stateStack, terraform.stream(stateStack,
                    List.of("init", "-input=false", "-no-color", "-reconfigure")));
            require(stateStack, terraform.stream(stateStack,
                    List.of("apply", "-input=false", "-no-color", "-auto-approve")));
            useOverride(stateStack);
            require(stateStack, terraform.stream(stateStack,
                    List.of("init", "-input=false", "-no-color", "-migrate-state", "-force-copy")));
            verifyMigrated(stateStack, localState);
            delete(localState);
            delete(localState.resolveSibling(localState.getFileName() + ".backup"));
            return "bucket created, state moved to " + target.location();
        });
    }

    private String alreadyBootstrapped(Stack stateStack, Backend backend) {
        Terraform.Result plan = terraform.stream(stateStack,
                List.of("plan", "-input=false", "-no-color", "-detailed-exitcode"));
        if (plan.exitCode() == 0) {
            return "already bootstrapped, state in " + backend.location() + "; no changes";
        }
        if (plan.exitCode() == 2) {
            return "already bootstrapped, state in " + backend.location()
                    + "; the stack has changes: plan and apply it like any stack (nothing was changed)";
        }
        throw failure(stateStack, plan);
    }

    private static boolean hasResources(Path state) {
        if (!Files.isRegularFile(state)) {
            return false;
        }
        try {
            return JSON.readTree(state.toFile()).path("resources").size() > 0;
        } catch (IOException e) {
            throw new UserError(state + ": not a readable Terraform state (" + e.getMessage()
                    + "); move it away and run bootstrap again");
        }
    }

    private static boolean saysNoSuchBucket(Terraform.Result result) {
        return result.errorLines().stream().anyMatch(line -> NO_SUCH_BUCKET.matcher(line).find());
    }

    /** {@code init}, with the stack's backend override in place first. */
    private void init(Stack stack) {
        useOverride(stack);
        Terraform.Result init = terraform.stream(stack, INIT);
        if (!init.succeeded() && saysNoSuchBucket(init)) {
            List<String> lines = new ArrayList<>(init.errorLines());
            lines.add("the state bucket does not exist yet: run 'ecsforge bootstrap' for this environment first");
            throw new StackFailure(stack.name(), init.commandLine(), "exited with code " + init.exitCode(), lines);
        }
        if (!init.succeeded()) {
            missingProvider(init).ifPresent(provider -> {
                List<String> lines = new ArrayList<>(init.errorLines());
                lines.add("provider " + provider + " is missing: " + init.commandLine().split(" ", 2)[0]
                        + " could not download it from its registry and found no local copy; on a machine without"
                        + " internet access, point TF_PLUGIN_CACHE_DIR or the CLI configuration's provider_installation"
                        + " at a mirror that has it");
                throw new StackFailure(stack.name(), init.commandLine(), "provider " + provider + " is missing", lines);
            });
        }
        require(stack, init);
    }

    /** The provider that {@code init} could not install, as Terraform names it. */
    static Optional<String> missingProvider(Terraform.Result init) {
        return init.errorLines().stream()
                .map(PROVIDER_NOT_INSTALLED::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst();
    }

    /** Writes the stack's backend override, or removes a stale one when it has none. */
    private void useOverride(Stack stack) {
        Path file = stack.workingDirectory().resolve(BACKEND_OVERRIDE);
        Backend backend = backendOverrides.get(stack.name());
        if (backend == null) {
            delete(file);
        } else {
            writeJson(file, Map.of("terraform", Map.of("backend", Map.of(backend.type(), backend.settings()))));
        }
    }

    /**
     * The bucket's copy must hold the local state's resources before the local file is deleted.
     * Lineage is not compared: OpenTofu gives the copy a new one when it migrates.
     */
    private void verifyMigrated(Stack stateStack, Path localState) {
        Terraform.Result pull = require(stateStack, terraform.quiet(stateStack, List.of("state", "pull")));
        JsonNode remote = readJson(stateStack, pull);
        JsonNode local;
        try {
            local = JSON.readTree(localState.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!remote.path("resources").equals(local.path("resources"))) {
            throw new StackFailure(stateStack.name(), pull.commandLine(),
                    "the state in the bucket does not hold the resources of the local state that was moved", List.of(
                            "local: " + local.path("resources").size() + " resources, serial " + local.path("serial"),
                            "bucket: " + remote.path("resources").size() + " resources, serial "
                                    + remote.path("serial"),
                            "the local state is kept in " + localState));
        }
    }

    /**
     * Prints the stack's outputs: Terraform's text, or with {@code json} its JSON with every
     * sensitive value replaced by {@code "<sensitive>"}.
     */
    public void output(Stack stack, boolean json) {
        useOverride(stack);
        require(stack, terraform.quiet(stack, INIT));
        if (!json) {
            Terraform.Result text = require(stack, terraform.capture(stack, List.of("output", "-no-color")));
            out.print(terraform.redactor().redact(text.stdout()));
            out.flush();
            return;
        }
        Terraform.Result result = require(stack, terraform.capture(stack, List.of("output", "-json", "-no-color")));
        JsonNode outputs = readJson(stack, result);
        outputs.properties().forEach(entry -> {
            if (entry.getValue().path("sensitive").asBoolean(false) && entry.getValue() instanceof ObjectNode node) {
                node.put("value", "<sensitive>");
            }
        });
        try {
            out.println(terraform.redactor().redact(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(outputs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
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

    private Terraform.Result require(Stack stack, Terraform.Result result) {
        if (!result.succeeded()) {
            throw failure(stack, result);
        }
        return result;
    }

    private static StackFailure failure(Stack stack, Terraform.Result result) {
        return new StackFailure(stack.name(), result.commandLine(), "exited with code " + result.exitCode(),
                result.errorLines());
    }

    private JsonNode readJson(Stack stack, Terraform.Result result) {
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new StackFailure(stack.name(), result.commandLine(), "did not print JSON (" + e.getMessage() + ")",
                    result.errorLines());
        }
    }

    private static void writeJson(Path file, Object value) {
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
