package io.ecsforge.cli;

import io.ecsforge.runner.Runner;
import io.ecsforge.runner.Terraform;
import io.ecsforge.runner.TerraformBinary;
import io.ecsforge.runner.Workspace;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Option;

/** The option that picks the Terraform-compatible binary, and the runner built from it. */
final class TerraformOptions {
    @Option(names = "--terraform", paramLabel = "PATH",
            description = "The terraform or tofu binary (default: $" + TerraformBinary.ENVIRONMENT_VARIABLE
                    + ", else the first of terraform, tofu on PATH).")
    String terraform;

    Terraform terraform(Map<String, String> environment, PrintWriter out, PrintWriter err) {
        return new Terraform(TerraformBinary.resolve(terraform, environment), environment, out, err);
    }

    Runner runner(Workspace workspace, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        return new Runner(terraform(environment, out, err), workspace.plans(), workspace.bootstrapStates(), out);
    }
}
