package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.UserError;
import io.ecsforge.stacks.EnvironmentNames;
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
     * Written beside the state stack's JSON by {@code bootstrap} while the bucket its S3 backend
     * names does not exist yet: a local backend instead (Terraform merges files named
     * {@code *_override.tf.json} over the rest). Removed before its state moves into the bucket,
     * and before every other command's init, so that nothing else ever runs on it.
     */
    public static final String LOCAL_BACKEND_OVERRIDE = "ecsforge_local_backend_override.tf.json";

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
    private final LockFiles locks;
    private final Path localState;
    private final boolean upgrade;
    private final PrintWriter out;
    private final List<String> excluded;
    private final PrintWriter err;
    private final int parallelism;

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
        this(terraform, workspace.plans(), workspace.locks(), workspace.localState(), upgrade, out, err, parallelism, List.of());
    }

    private Runner(Terraform terraform, PlanStore plans, LockFiles locks, Path localState, boolean upgrade, PrintWriter out,
            PrintWriter err, int parallelism, List<String> excluded) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.terraform = terraform;
        this.plans = plans;
        this.locks = locks;
        this.localState = localState;
        this.upgrade = upgrade;
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
        return new Runner(terraform, plans, locks, localState, upgrade, out, err, parallelism, addresses);
    }

    /** For each stack: init, plan to a saved plan file, and its {@code show -json}; several at once. */
    public void plan(List<Stack> stacks) {
        SideBySide.run(stacks, parallelism, out, err, this, this::printingTo, Runner::planOne);
    }

    /** The same runner for one stack run beside others: it prints to that stack's held output. */
    private Runner printingTo(HeldOutput held) {
        return new Runner(terraform.printingTo(held.out(), held.err()), plans, locks, localState, upgrade, held.out(),
                held.err(), 1, excluded);
    }

    private void planOne(Stack stack) {
        timed(stack, "plan", () -> {
            plans.discard(stack);
            init(stack);
            Path planFile = plans.prepare(stack);
            require(stack, terraform.stream(stack,
                    withExclusions("plan", "-input=false", "-no-color", "-out=" + planFile)));
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
     * Creates the state bucket and moves the state stack's state into it. The stack's JSON names
     * the bucket as its S3 backend, which cannot hold state before the bucket exists: the first
     * apply runs on local state through {@link #LOCAL_BACKEND_OVERRIDE}, then the override is
     * removed and {@code init -migrate-state} moves that state into the bucket. When the bucket
     * already holds the state it only checks the stack for changes, so running it twice changes
     * nothing; when a local state is left from an interrupted run it resumes from it.
     */
    public void bootstrap(Stack stateStack) {
        Backend target = stateStack.backend();
        if ("local".equals(target.type())) {
            throw new UserError("the stacks of " + EnvironmentNames.stackPrefixOfStateStack(stateStack.name()).orElseThrow() + "* keep local state (state.backend: local), so there"
                    + " is no bucket to create; apply the stacks with 'ecsforge plan' and 'ecsforge apply'");
        }
        if (!target.isS3()) {
            throw new UserError(stateStack.stackJson() + ": the state stack " + stateStack.name() + " declares a '"
                    + target.type() + "' backend; bootstrap creates the bucket of an S3 backend, so it must declare 's3'");
        }
        Path local = localState.resolve(target.key()).normalize();
        Path override = stateStack.workingDirectory().resolve(LOCAL_BACKEND_OVERRIDE);
        timed(stateStack, "bootstrap", () -> {
            if (hasResources(local)) {
                out.println("[" + stateStack.name() + "] resuming from the local state left in " + local);
            } else {
                delete(override);
                Terraform.Result probe = init(stateStack, false, "-reconfigure");
                if (probe.succeeded()) {
                    return alreadyBootstrapped(stateStack, target);
                }
                if (!saysNoSuchBucket(probe)) {
                    throw failure(stateStack, probe);
                }
                out.println("[" + stateStack.name() + "] bucket " + target.bucket()
                        + " does not exist yet: creating it with local state in " + local);
            }
            try {
                writeJson(override, Map.of("terraform", Map.of("backend", Map.of("local",
                        Map.of("path", local.toString())))));
                require(stateStack, init(stateStack, true, "-reconfigure"));
                require(stateStack, terraform.stream(stateStack,
                        withExclusions("apply", "-input=false", "-no-color", "-auto-approve")));
            } finally {
                delete(override);
            }
            require(stateStack, init(stateStack, true, "-migrate-state", "-force-copy"));
            verifyMigrated(stateStack, local);
            delete(local);
            delete(local.resolveSibling(local.getFileName() + ".backup"));
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

    /** {@code init} for a command that runs on the stack's own backend; its failures explained. */
    private void init(Stack stack) {
        removeBootstrapOverride(stack);
        Terraform.Result init = init(stack, true);
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

    /**
     * Every {@code init}: the committed lock file goes in first and what init wrote comes back
     * after, so the versions it installs are the repository's and an upgrade or a new stack's
     * first selection is kept.
     *
     * @param streamed print its output, or run it quietly (a failure's lines are in the result)
     * @param options more options after {@code init -input=false -no-color}
     */
    private Terraform.Result init(Stack stack, boolean streamed, String... options) {
        Distribution distribution = terraform.distribution();
        locks.prepare(stack, distribution);
        List<String> args = new ArrayList<>(INIT);
        args.addAll(List.of(options));
        if (upgrade) {
            args.add("-upgrade");
        }
        Terraform.Result result = streamed ? terraform.stream(stack, args) : terraform.quiet(stack, args);
        if (result.succeeded()) {
            locks.keep(stack, distribution).ifPresent(file -> {
                out.println("[" + stack.name() + "] provider lock file " + file + " written: commit it");
                out.flush();
            });
        }
        return result;
    }

    /** One left by an interrupted bootstrap would run the stack on local state. */
    private static void removeBootstrapOverride(Stack stack) {
        delete(stack.workingDirectory().resolve(LOCAL_BACKEND_OVERRIDE));
    }

    /** The provider that {@code init} could not install, as Terraform names it. */
    static Optional<String> missingProvider(Terraform.Result init) {
        return init.errorLines().stream()
                .map(PROVIDER_NOT_INSTALLED::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst();
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
        removeBootstrapOverride(stack);
        require(stack, init(stack, false));
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
