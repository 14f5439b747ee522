package io.ecsforge.cli;

import io.ecsforge.emit.ReleaseFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsforge workflows}: writes the application's release workflow and its release files. */
@Command(name = "workflows", mixinStandardHelpOptions = true,
        description = "Write the GitHub Actions release workflow (.github/workflows/release.yml) and the release files it"
                + " reads (.github/ecsforge/<env>/) into the application's repository. Environments are released in the order given.")
final class WorkflowsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigsOptions configs;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Root of the application's repository (default: the current folder).")
    Path outDir;

    @Override
    public Integer call() {
        for (Path file : ReleaseFiles.write(configs.load(Optional.empty()), outDir)) {
            spec.commandLine().getOut().println("wrote " + file);
        }
        return ExitCodes.OK;
    }
}
