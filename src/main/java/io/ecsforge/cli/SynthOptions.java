package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.config.AwsEndpoint;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.emit.Synthesizer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** For the commands that synthesize the environment before they run Terraform. */
final class SynthOptions {
    @Option(names = "--config-dir", paramLabel = "DIR",
            description = "Folder of the environment files (default: config/ in the project directory).")
    Path configDir;

    @Option(names = "--no-synth", description = "Use cdktf.out as it is instead of synthesizing config/<ENV>.yaml first.")
    boolean noSynth;

    @Option(names = "--caller-credentials",
            description = "Synthesize without aws.assumeRoleArn: the provider, the backend and cross-stack reads use the"
                    + " caller's own credentials. For read-only plans, such as a pull request's with the plan role.")
    boolean callerCredentials;

    @Option(names = AwsEndpoint.OPTION, paramLabel = "URL",
            description = "Synthesize every stack's AWS provider, S3 backend and cross-stack reads for an AWS API"
                    + " emulator on loopback, e.g. http://127.0.0.1:5000 (moto, LocalStack); default: $"
                    + AwsEndpoint.ENVIRONMENT_VARIABLE + ", else AWS itself.")
    String awsEndpoint;

    /**
     * Synthesizes config/ENV.yaml into the project's cdktf.out, replacing it whole (other
     * environments' stacks in it go too), unless {@code --no-synth}.
     */
    void synthesize(EnvironmentOptions environment, Main main) {
        PrintWriter out = main.out();
        if (noSynth) {
            if (callerCredentials) {
                throw new UserError("--caller-credentials: it changes what is synthesized, so it cannot go with --no-synth;"
                        + " drop one of them");
            }
            if (awsEndpoint != null) {
                throw new UserError(AwsEndpoint.OPTION + " " + awsEndpoint + ": it changes what is synthesized, so it"
                        + " cannot go with --no-synth; drop one of them");
            }
            return;
        }
        Optional<AwsEndpoint> endpoint = AwsEndpoint.resolve(awsEndpoint, main.environment());
        Path dir = configDir != null ? configDir : environment.workspace().directory().resolve("config");
        EnvironmentConfig loaded = new ConfigLoader(dir).loadBesideTheOthers(List.of(environment.env)).get(0);
        EnvironmentConfig withCaller = callerCredentials ? loaded.withCallerCredentials() : loaded;
        EnvironmentConfig config = endpoint.map(withCaller::withAwsEndpoint).orElse(withCaller);
        Synthesizer.Result result = Synthesizer.synthesize(List.of(config), environment.workspace().outDir(),
                environment.workspace().locks(), main.jsii());
        out.println("synthesized " + environment.env + ": " + String.join(", ", result.stacks().get(environment.env))
                + endpoint.map(e -> " (for the AWS API emulator at " + e.url() + ")").orElse(""));
        out.flush();
    }
}
