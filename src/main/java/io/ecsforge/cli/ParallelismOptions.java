package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.runner.Runner;
import picocli.CommandLine.Option;

/** How many stacks {@code plan} and {@code apply} run at once. */
final class ParallelismOptions {
    @Option(names = "--parallelism", paramLabel = "N",
            description = "Run up to N stacks at once (default: " + Runner.DEFAULT_PARALLELISM + "; 1 runs them one"
                    + " after the other, streaming each line as it comes). Plans of every stack run side by side;"
                    + " applies keep dependency order and run side by side only stacks that do not depend on each"
                    + " other. Each stack's lines are printed together when it ends.")
    int parallelism = Runner.DEFAULT_PARALLELISM;

    /** The value given, checked. */
    int parallelism() {
        if (parallelism < 1) {
            throw new UserError("--parallelism " + parallelism + ": must be at least 1; give 1 to run the stacks one"
                    + " after the other, or more to run that many at once (default " + Runner.DEFAULT_PARALLELISM
                    + ")");
        }
        return parallelism;
    }
}
