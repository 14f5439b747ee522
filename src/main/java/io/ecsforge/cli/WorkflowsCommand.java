package io.ecsforge.cli;

import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.emit.ReleaseFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsforge workflows}: writes the application's release workflow and its release files. */
@Command(name = "workflows", mixinStandardHelpOptions = true,
        description = "Write the GitHub Actions release workflow (.github/workflows/release.yml) and the release files it"
                + " reads (.github/ecsforge/<env>/) into the application's repository. Environments are released in the order given.")
final class WorkflowsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "Environment to release to (config/ENV.yaml); repeat for several, in release order (e.g. --env dev --env prod).")
    List<String> environments;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "config",
            description = "Folder of the environment files (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".",
            description = "Root of the application's repository (default: the current folder).")
    Path outDir;

    @Override
    public Integer call() {
        List<EnvironmentConfig> configs = SynthCommand.loadAll(configDir, environments);
        for (Path file : ReleaseFiles.write(configs, outDir)) {
            spec.commandLine().getOut().println("wrote " + file);
        }
        return ExitCodes.OK;
    }
}
