package io.ecsforge.cli;

import io.ecsforge.config.AwsEndpoint;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** For the commands that read several environments' files: which ones, from where. */
final class ConfigsOptions {
    @Option(names = "--env", required = true, paramLabel = "ENV",
            description = "Environment (config/ENV.yaml); repeat for several, in order.")
    List<String> environments;

    @Option(names = "--config-dir", paramLabel = "DIR", defaultValue = "config",
            description = "Folder of the environment files (default: ${DEFAULT-VALUE}).")
    Path configDir;

    /**
     * Loads and validates every named environment, each once, and checks it against the folder's
     * other environments, before anything is written.
     */
    List<EnvironmentConfig> load(Optional<AwsEndpoint> endpoint) {
        return load(configDir, environments, endpoint);
    }

    /** As {@link #load}, with every environment pointed at the emulator when there is one. */
    static List<EnvironmentConfig> load(Path configDir, List<String> environments, Optional<AwsEndpoint> endpoint) {
        return new ConfigLoader(configDir).loadBesideTheOthers(environments).stream()
                .map(config -> endpoint.map(config::withAwsEndpoint).orElse(config))
                .toList();
    }
}
