package io.ecsforge.cli;

import io.ecsforge.emit.Synthesizer;
import io.ecsforge.runner.LockFiles;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecsforge synth}: writes every stack of the given environments to {@code cdktf.out}. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize config/<env>.yaml into cdktf.out/stacks/<stack>/cdk.tf.json."
                + " The previous output is replaced only when synthesis succeeds.")
final class SynthCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin ConfigsOptions configs;

    @Option(names = "--locks-dir", paramLabel = "DIR", defaultValue = "locks",
            description = "Folder of the committed provider lock files, <stack>.terraform.lock.hcl, copied into each"
                    + " stack's folder (default: ${DEFAULT-VALUE}).")
    Path locksDir;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "cdktf.out",
            description = "Output folder (default: ${DEFAULT-VALUE}).")
    Path outDir;

    @Override
    public Integer call() {
        Synthesizer.Result result = Synthesizer.synthesize(configs.load(), outDir, new LockFiles(locksDir));
        result.stacks().forEach((env, stacks) -> spec.commandLine().getOut().println(
                env + ": " + stacks.size() + " stacks in " + result.outDir().resolve("stacks") + ": " + String.join(", ", stacks)));
        return ExitCodes.OK;
    }
}
