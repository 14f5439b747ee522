package io.ecsforge.cli;

import io.ecsforge.config.AwsEndpoint;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.emit.Synthesizer;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ecsforge synth}: writes every stack of the given environments to {@code cdktf.out}. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize config/<env>.yaml into cdktf.out/stacks/<stack>/cdk.tf.json."
                + " The previous output is replaced only when synthesis succeeds.")
final class SynthCommand implements Callable<Integer> {
    @Spec CommandSpec spec;
    @ParentCommand Main main;

    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "Environment to synthesize (config/ENV.yaml); repeat for several.")
    List<String> environments;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "config",
            description = "Folder of the environment files (default: ${DEFAULT-VALUE}).")
    Path configDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "cdktf.out",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Option(names = AwsEndpoint.OPTION, paramLabel = "URL",
            description = "Synthesize every stack's AWS provider, S3 backend and cross-stack reads for an AWS API"
                    + " emulator on loopback, e.g. http://127.0.0.1:5000 (moto, LocalStack); default: $"
                    + AwsEndpoint.ENVIRONMENT_VARIABLE + ", else AWS itself.")
    String awsEndpoint;

    @Override
    public Integer call() {
        Optional<AwsEndpoint> endpoint = AwsEndpoint.resolve(awsEndpoint, main.environment());
        List<EnvironmentConfig> configs = loadAll(configDir, environments, endpoint);
        Synthesizer.Result result = Synthesizer.synthesize(configs, outDir);
        String target = endpoint.map(e -> " (for the AWS API emulator at " + e.url() + ")").orElse("");
        result.stacks().forEach((env, stacks) -> spec.commandLine().getOut().println(
                env + ": " + stacks.size() + " stacks in " + result.outDir().resolve("stacks") + ": " + String.join(", ", stacks)
                        + target));
        return ExitCodes.OK;
    }

    /** Loads and validates every named environment before anything is synthesized. */
    static List<EnvironmentConfig> loadAll(Path configDir, List<String> environments) {
        return loadAll(configDir, environments, Optional.empty());
    }

    /**
     * As {@link #loadAll(Path, List)}, with every environment pointed at the emulator when there
     * is one.
     */
    static List<EnvironmentConfig> loadAll(Path configDir, List<String> environments, Optional<AwsEndpoint> endpoint) {
        ConfigLoader loader = new ConfigLoader(configDir);
        return new LinkedHashSet<>(environments).stream()
                .map(loader::load)
                .map(config -> endpoint.map(config::withAwsEndpoint).orElse(config))
                .toList();
    }
}
