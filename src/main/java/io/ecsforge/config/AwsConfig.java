package io.ecsforge.config;

import java.util.Optional;

/**
 * Where the environment lives.
 *
 * <p>The keys read from the file, their defaults and what they allow are declared in {@link AwsSchema}.
 *
 * @param region AWS region, e.g. us-east-1
 * @param accountId twelve digits; when set, the provider refuses any other account
 * @param assumeRoleArn the role Terraform assumes to change this environment
 * @param providerVersion the Terraform version constraint on hashicorp/aws in every stack; the
 *     committed lock files pick the exact version within it
 * @param callerCredentials set for a run whose Terraform must not assume {@code assumeRoleArn}
 *     (a read-only plan); never read from the file. @default false
 * @param endpoint an AWS API emulator every stack talks to instead of AWS; never read from the
 *     file. @default none: AWS itself
 */
public record AwsConfig(String region, Optional<String> accountId, Optional<String> assumeRoleArn, String providerVersion,
        boolean callerCredentials, Optional<AwsEndpoint> endpoint) {

    /**
     * The hashicorp/aws version the Java bindings (cdktf-provider-aws) were generated from: the
     * oldest provider whose schema has every attribute the stacks may write.
     */
    public static final String PROVIDER_BINDINGS_VERSION = "5.23.1";

    /**
     * Any release from the bindings' on, within their major version: minor releases of the
     * provider add to its schema but do not take away, a major release may.
     */
    public static final String DEFAULT_PROVIDER_VERSION = ">= " + PROVIDER_BINDINGS_VERSION + ", < "
            + (Integer.parseInt(PROVIDER_BINDINGS_VERSION.split("\\.")[0]) + 1) + ".0.0";

    /** As read from a file: Terraform assumes {@code assumeRoleArn} when there is one. */
    public AwsConfig(String region, Optional<String> accountId, Optional<String> assumeRoleArn, String providerVersion) {
        this(region, accountId, assumeRoleArn, providerVersion, false, Optional.empty());
    }

    /** As read from a file that leaves the provider version to its default. */
    public AwsConfig(String region, Optional<String> accountId, Optional<String> assumeRoleArn) {
        this(region, accountId, assumeRoleArn, DEFAULT_PROVIDER_VERSION);
    }

    /** The role the provider, the backend and cross-stack reads assume in this run, if any. */
    public Optional<String> terraformRoleArn() {
        return callerCredentials ? Optional.empty() : assumeRoleArn;
    }

    /** This configuration with the caller's own credentials (see {@link EnvironmentConfig#withCallerCredentials()}). */
    AwsConfig withCallerCredentials() {
        return new AwsConfig(region, accountId, assumeRoleArn, providerVersion, true, endpoint);
    }

    /** This configuration talking to an emulator (see {@link EnvironmentConfig#withAwsEndpoint}). */
    AwsConfig withEndpoint(AwsEndpoint emulator) {
        return new AwsConfig(region, accountId, assumeRoleArn, providerVersion, callerCredentials, Optional.of(emulator));
    }
}
