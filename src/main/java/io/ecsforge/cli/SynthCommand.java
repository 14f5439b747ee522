package io.ecsforge.cli;

import io.ecsforge.config.AwsEndpoint;
import io.ecsforge.emit.Synthesizer;
import io.ecsforge.runner.LockFiles;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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

    @Mixin ConfigsOptions configs;

    @Option(names = "--locks-dir", paramLabel = "DIR", defaultValue = "locks",
            description = "Folder of the committed provider lock files, <stack>.terraform.lock.hcl, copied into each"
                    + " stack's folder (default: ${DEFAULT-VALUE}).")
    Path locksDir;

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
        Synthesizer.Result result = Synthesizer.synthesize(configs.load(endpoint), outDir, new LockFiles(locksDir),
                main.jsii());
        String target = endpoint.map(e -> " (for the AWS API emulator at " + e.url() + ")").orElse("");
        result.stacks().forEach((env, stacks) -> spec.commandLine().getOut().println(
                env + ": " + stacks.size() + " stacks in " + result.outDir().resolve("stacks") + ": " + String.join(", ", stacks)
                        + target));
        return ExitCodes.OK;
    }
}
