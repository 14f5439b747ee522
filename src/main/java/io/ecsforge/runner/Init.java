package io.ecsforge.runner;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code init} the runner runs. The committed lock file goes in first and what init wrote
 * comes back after, so the versions it installs are the repository's and an upgrade or a new
 * stack's first selection is kept. Before a command on the stack's own backend, a local backend
 * override left by an interrupted bootstrap is removed, so that nothing but bootstrap runs on it.
 */
final class Init {
    private static final List<String> INIT = List.of("init", "-input=false", "-no-color");

    private final Terraform terraform;
    private final LockFiles locks;
    private final boolean upgrade;
    private final PrintWriter out;

    /**
     * @param upgrade add {@code -upgrade}: the newest provider versions the stacks' constraints
     *     allow, kept in the lock files
     * @param out where the line asking to commit a written lock file goes
     */
    Init(Terraform terraform, LockFiles locks, boolean upgrade, PrintWriter out) {
        this.terraform = terraform;
        this.locks = locks;
        this.upgrade = upgrade;
        this.out = out;
    }

    /** The same init with another binary's printing and result lines (a stack's held-back output). */
    Init printingTo(Terraform terraform, PrintWriter out) {
        return new Init(terraform, locks, upgrade, out);
    }

    /** Before plan, apply and destroy: init on the stack's own backend, printed, its failures explained. */
    void streamed(Stack stack) {
        Bootstrap.removeOverride(stack);
        Terraform.Result init = run(stack, true);
        if (!init.succeeded()) {
            throw InitDiagnosis.failure(stack, init);
        }
    }

    /** Before output, whose stdout is data: init on the stack's own backend, printing nothing. */
    void quiet(Stack stack) {
        Bootstrap.removeOverride(stack);
        Terraform.Result init = run(stack, false);
        if (!init.succeeded()) {
            throw InitDiagnosis.failure(stack, init);
        }
    }

    /**
     * One init, with the lock file carried in and out.
     *
     * @param streamed print its output, or run it quietly (a failure's lines are in the result)
     * @param options more options after {@code init -input=false -no-color}
     */
    Terraform.Result run(Stack stack, boolean streamed, String... options) {
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
}
