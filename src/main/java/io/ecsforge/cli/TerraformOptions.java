package io.ecsforge.cli;

import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Runner;
import io.ecsforge.runner.Terraform;
import io.ecsforge.runner.TerraformBinary;
import io.ecsforge.runner.Workspace;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The option that picks the Terraform-compatible binary, and the runner built from it. */
final class TerraformOptions {
    @Option(names = "--terraform", paramLabel = "PATH",
            description = "The terraform or tofu binary (default: $" + TerraformBinary.ENVIRONMENT_VARIABLE
                    + ", else the first of terraform, tofu on PATH).")
    String terraform;

    /** Finds the binary first: without one nothing else is worth doing. */
    Terraform terraform(Main main) {
        return new Terraform(TerraformBinary.resolve(terraform, main.environment()), main.environment(), main.out(),
                main.err());
    }

    static Runner runner(Terraform terraform, Workspace workspace, EnvironmentStacks stacks, PrintWriter out) {
        return new Runner(terraform, workspace.plans(), stacks.backendOverrides(), out);
    }

    /** A runner that runs up to {@code parallelism} stacks at once. */
    static Runner runner(Terraform terraform, Workspace workspace, EnvironmentStacks stacks, Main main,
            int parallelism) {
        return new Runner(terraform, workspace.plans(), stacks.backendOverrides(), main.out(), main.err(),
                parallelism);
    }
}
