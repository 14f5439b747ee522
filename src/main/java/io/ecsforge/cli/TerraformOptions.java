package io.ecsforge.cli;

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

    /** The help of {@code --upgrade}, for the commands that offer it. */
    static final String UPGRADE = "Run init with -upgrade: select the newest provider versions the stacks' constraints"
            + " allow (aws.providerVersion) and keep them in locks/<stack>.terraform.lock.hcl (.tofu.lock.hcl for"
            + " OpenTofu); commit the changed lock files.";

    /** Finds the binary first: without one nothing else is worth doing. */
    Terraform terraform(Main main) {
        return new Terraform(TerraformBinary.resolve(terraform, main.environment()), main.environment(), main.out(),
                main.err());
    }

    /** @param upgrade let every init select newer provider versions ({@code init -upgrade}) */
    static Runner runner(Terraform terraform, Workspace workspace, boolean upgrade, PrintWriter out) {
        return new Runner(terraform, workspace, upgrade, out);
    }

    /** A runner that runs up to {@code parallelism} stacks at once. */
    static Runner runner(Terraform terraform, Workspace workspace, boolean upgrade, Main main, int parallelism) {
        return new Runner(terraform, workspace, upgrade, main.out(), main.err(), parallelism);
    }
}
