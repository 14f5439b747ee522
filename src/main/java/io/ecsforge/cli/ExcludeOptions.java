package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.runner.Runner;
import io.ecsforge.runner.Terraform;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Resources left out of a run, for an AWS API emulator that cannot make them (see
 * scripts/try-local): OpenTofu's {@code -exclude}, which leaves out what depends on them too.
 */
final class ExcludeOptions {
    @Option(names = "--exclude", paramLabel = "ADDRESS",
            description = "Leave this resource (e.g. aws_codedeploy_deployment_config.deployment_config) and what"
                    + " depends on it out of the run; repeat for several. Passed as -exclude, which OpenTofu 1.9+ has"
                    + " and Terraform has not. For an AWS API emulator that cannot make every resource.")
    List<String> addresses = new ArrayList<>();

    /** Refuses the option, before anything runs, when the binary has no {@code -exclude}. */
    void check(Terraform terraform) {
        if (!addresses.isEmpty() && !terraform.binary().planHasExclude()) {
            throw new UserError("--exclude " + addresses.get(0) + ": " + terraform.binary().path() + " has no -exclude"
                    + " (OpenTofu 1.9 or newer has it, Terraform does not); pass --terraform with such a tofu, or drop"
                    + " --exclude");
        }
    }

    /** The runner, leaving the addresses out (after {@link #check}). */
    Runner on(Runner runner) {
        return runner.excluding(addresses);
    }
}
