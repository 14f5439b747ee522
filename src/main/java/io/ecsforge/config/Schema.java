package io.ecsforge.config;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every key of an environment file, section by section in the order a file is read: what the
 * configuration reference (docs/configuration.md) is generated from, and what the tests hold
 * the loader to.
 */
final class Schema {
    /**
     * One table of the reference.
     *
     * @param path the section's path; empty for the top level
     * @param keys its keys, nested sections' keys included (named relative to {@code path})
     */
    record Part(String path, List<Key<?>> keys) {}

    static final List<Part> PARTS = List.of(
            new Part("", EnvironmentSchema.KEYS),
            new Part("aws", AwsSchema.KEYS),
            new Part("state", StateSchema.KEYS),
            new Part("network", NetworkSchema.KEYS),
            new Part("registry", RegistrySchema.KEYS),
            new Part("github", GithubSchema.KEYS),
            new Part("cluster", ClusterSchema.KEYS),
            new Part("service", concat(ServiceSchema.KEYS, AutoscalingSchema.KEYS, TaskPolicySchema.KEYS, EgressSchema.KEYS)),
            new Part("loadBalancer", concat(LoadBalancerSchema.KEYS, LoadBalancerSchema.ACCESS_LOG_KEYS)),
            new Part("deployment", concat(DeploymentSchema.KEYS, DeploymentSchema.ALARM_KEYS)));

    private Schema() {}

    /** Every declared key, in the order of {@link #PARTS}. */
    static List<Key<?>> keys() {
        return PARTS.stream().flatMap(part -> part.keys().stream()).toList();
    }

    @SafeVarargs
    private static List<Key<?>> concat(List<Key<?>>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }
}
