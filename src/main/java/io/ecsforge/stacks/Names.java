package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;

/**
 * Names that several stacks must agree on without a cross-stack reference: a policy in the
 * access stack names the log group the service stack creates, for example.
 */
public final class Names {
    private Names() {}

    /** The container log group. */
    public static String serviceLogGroup(EnvironmentConfig config) {
        return "/ecs/" + config.prefix();
    }

    /** The log group of ECS Exec sessions, when the cluster allows them. */
    public static String execLogGroup(EnvironmentConfig config) {
        return "/ecs/" + config.prefix() + "/exec";
    }

    public static String cluster(EnvironmentConfig config) {
        return config.prefix();
    }

    public static String service(EnvironmentConfig config) {
        return config.prefix();
    }

    public static String codeDeployApplication(EnvironmentConfig config) {
        return config.prefix();
    }

    public static String deploymentGroup(EnvironmentConfig config) {
        return config.prefix();
    }

    /** The role ECS uses to pull the image, read secrets and write logs (the access stack's {@code execution}). */
    public static String executionRole(EnvironmentConfig config) {
        return config.prefix() + "-execution";
    }

    /** The role the application's code runs as (the access stack's {@code task}). */
    public static String taskRole(EnvironmentConfig config) {
        return config.prefix() + "-task";
    }
}
