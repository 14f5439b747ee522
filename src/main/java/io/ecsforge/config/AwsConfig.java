package io.ecsforge.config;

import java.util.Optional;

/**
 * Where the environment lives.
 *
 * @param region AWS region, e.g. us-east-1. Required.
 * @param accountId twelve digits; when set, the provider refuses any other account. @default none
 * @param assumeRoleArn the role Terraform assumes to change this environment. @default the caller's own credentials
 * @param callerCredentials set for a run whose Terraform must not assume {@code assumeRoleArn}
 *     (a read-only plan); never read from the file. @default false
 * @param endpoint an AWS API emulator every stack talks to instead of AWS; never read from the
 *     file. @default none: AWS itself
 */
public record AwsConfig(String region, Optional<String> accountId, Optional<String> assumeRoleArn, boolean callerCredentials,
        Optional<AwsEndpoint> endpoint) {

    /** As read from a file: Terraform assumes {@code assumeRoleArn} when there is one, and talks to AWS. */
    public AwsConfig(String region, Optional<String> accountId, Optional<String> assumeRoleArn) {
        this(region, accountId, assumeRoleArn, false, Optional.empty());
    }

    /** The role the provider, the backend and cross-stack reads assume in this run, if any. */
    public Optional<String> terraformRoleArn() {
        return callerCredentials ? Optional.empty() : assumeRoleArn;
    }
}
