package io.ecsforge.runner;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Runs one piece of work per stack, up to {@code parallelism} at once, started in the order
 * given. Each stack's lines are held back and printed together, in the order given, once the
 * stack and every stack before it have ended. After a failure no further stack is started;
 * those running finish. Then the first failure in the order given is thrown, naming any others.
 * Missing AWS credentials are shown once: the lines of the stacks that ran beside the first to
 * find none, and found none either, are not printed.
 */
final class SideBySide {
    private SideBySide() {}

    /** What became of one stack. */
    private record Outcome(boolean started, RuntimeException failure) {
        static final Outcome NOT_STARTED = new Outcome(false, null);
        static final Outcome DONE = new Outcome(true, null);
    }

    /**
     * @param live the worker that prints straight to {@code out} and {@code err}: used alone, stack
     *     after stack, when parallelism is 1 or there is one stack
     * @param held the worker for one stack run beside others, printing to that stack's held output
     * @param work the work for one stack; it throws to fail
     */
    static <W> void run(List<Stack> stacks, int parallelism, PrintWriter out, PrintWriter err, W live,
            Function<HeldOutput, W> held, BiConsumer<W, Stack> work) {
        if (parallelism == 1 || stacks.size() <= 1) {
            stacks.forEach(stack -> work.accept(live, stack));
            return;
        }
        List<HeldOutput> outputs = stacks.stream().map(stack -> new HeldOutput()).toList();
        AtomicBoolean failed = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, stacks.size()), daemonThreads());
        List<Future<Outcome>> outcomes = new ArrayList<>();
        try {
            for (int i = 0; i < stacks.size(); i++) {
                Stack stack = stacks.get(i);
                W worker = held.apply(outputs.get(i));
                outcomes.add(pool.submit(() -> {
                    if (failed.get()) {
                        return Outcome.NOT_STARTED;
                    }
                    try {
                        work.accept(worker, stack);
                        return Outcome.DONE;
                    } catch (RuntimeException e) {
                        failed.set(true);
                        return new Outcome(true, e);
                    }
                }));
            }
            pool.shutdown();
            RuntimeException first = null;
            List<String> alsoFailed = new ArrayList<>();
            for (int i = 0; i < stacks.size(); i++) {
                Outcome outcome = await(outcomes.get(i));
                if (first instanceof MissingCredentials && outcome.failure() instanceof MissingCredentials) {
                    // The same missing credentials, already shown with the first stack's lines.
                    continue;
                }
                outputs.get(i).printTo(out, err);
                if (outcome.failure() == null) {
                    continue;
                }
                if (first == null) {
                    first = outcome.failure();
                } else {
                    alsoFailed.add(stacks.get(i).name());
                }
            }
            if (first instanceof StackFailure failure && !alsoFailed.isEmpty()) {
                throw failure.alsoFailed(alsoFailed);
            }
            if (first != null) {
                throw first;
            }
        } finally {
            // Interrupted, or a worker could not be made: running Terraform processes are ended
            // by their threads' interruption (Terraform.run destroys the process).
            pool.shutdownNow();
        }
    }

    private static Outcome await(Future<Outcome> outcome) {
        try {
            return outcome.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stacks were running", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a stack's worker failed outside its work", e.getCause());
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "ecsforge-stack-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
