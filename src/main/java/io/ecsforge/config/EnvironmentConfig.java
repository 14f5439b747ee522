package io.ecsforge.config;

import java.util.Map;
import java.util.Optional;

/**
 * One environment, read from {@code config/<env>.yaml} and validated as a whole. Immutable;
 * nothing else in ecsforge reads configuration files or the process environment for settings.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link EnvironmentSchema}
 * and the schema classes of its sections ({@link Schema} lists them).
 *
 * @param file the file it was read from, as the user named it (used in messages)
 * @param app application name
 * @param environment environment name, the file's name
 * @param tags extra tags on every resource, beside app, environment and managed-by (which they
 *     may not set)
 */
public record EnvironmentConfig(
        String file,
        String app,
        String environment,
        AwsConfig aws,
        StateConfig state,
        NetworkConfig network,
        RegistryConfig registry,
        GithubConfig github,
        ClusterConfig cluster,
        ServiceConfig service,
        LoadBalancerConfig loadBalancer,
        DeploymentConfig deployment,
        Map<String, String> tags) {
    /** What a log group's key setting says for the environment's state key, rather than a key ARN. */
    public static final String STATE_KEY = "state";


    /**
     * This environment as seen with the caller's own credentials: the provider, the backend and
     * cross-stack reads do not assume {@code aws.assumeRoleArn}; everything else, the deploy
     * role's permission to assume it included, stays as configured. For read-only plans, such
     * as a pull request's with the plan role, which may not assume the role Terraform applies with.
     */
    public EnvironmentConfig withCallerCredentials() {
        return withAws(aws.withCallerCredentials());
    }

    /**
     * This environment with every stack's provider, backend and cross-stack reads pointed at an
     * AWS API emulator (see {@link AwsEndpoint}); everything else stays as configured.
     */
    public EnvironmentConfig withAwsEndpoint(AwsEndpoint endpoint) {
        return withAws(aws.withEndpoint(endpoint));
    }

    private EnvironmentConfig withAws(AwsConfig changed) {
        return new EnvironmentConfig(file, app, environment, changed, state, network, registry, github, cluster, service,
                loadBalancer, deployment, tags);
    }
}
