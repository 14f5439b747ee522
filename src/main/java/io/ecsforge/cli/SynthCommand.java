package io.ecsforge.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code ecsforge synth}: writes every stack of the given environments to {@code cdktf.out}. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Synthesize config/<env>.yaml into cdktf.out/stacks/<stack>/cdk.tf.json.")
final class SynthCommand implements Callable<Integer> {
    @Option(names = "--env", required = true, description = "Environment name (config/<env>.yaml); repeatable.")
    List<String> environments;

    @Override
    public Integer call() {
        throw new UnsupportedOperationException("synthesis is wired in the next commit");
    }
}
