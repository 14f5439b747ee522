package io.ecsforge.cli;

import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Stack;
import io.ecsforge.runner.StackManifest;
import io.ecsforge.runner.Workspace;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/** The options every stack command shares: which environment, in which project directory. */
final class EnvironmentOptions {
    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "Environment name (config/<ENV>.yaml); its stacks are named <app>-<ENV>-*.")
    String env;

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", defaultValue = ".",
            description = "Project directory holding config/, cdktf.out/ and .ecsforge/ (default: the current"
                    + " directory).")
    Path directory;

    Workspace workspace() {
        return new Workspace(directory);
    }

    /** The environment's stacks as cdktf.out has them now. */
    EnvironmentStacks stacks() {
        return EnvironmentStacks.of(StackManifest.read(workspace().outDir()), env);
    }

    /** The stacks a command runs on: one named stack, or all of the environment's in order. */
    static List<Stack> selected(EnvironmentStacks environment, String stack) {
        return stack == null ? environment.stacks() : List.of(environment.stack(stack));
    }
}
