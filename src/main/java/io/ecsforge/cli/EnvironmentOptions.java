package io.ecsforge.cli;

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
            description = "Project directory holding cdktf.out/ and .ecsforge/ (default: the current directory).")
    Path directory;

    Workspace workspace() {
        return new Workspace(directory);
    }

    StackManifest manifest() {
        return StackManifest.read(workspace().outDir());
    }

    /** The environment's stacks in dependency order. */
    List<Stack> stacks(StackManifest manifest) {
        return manifest.environment(manifest.environmentPrefix(env));
    }

    /** The stacks a command runs on: one named stack, or all of the environment's in order. */
    List<Stack> stacks(StackManifest manifest, String stack) {
        String prefix = manifest.environmentPrefix(env);
        return stack == null ? manifest.environment(prefix) : List.of(manifest.stack(prefix, stack));
    }
}
