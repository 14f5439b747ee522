package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import java.util.ArrayList;
import java.util.List;

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

    /** The task definition family: the service stack and every release register revisions of it. */
    public static String taskDefinitionFamily(EnvironmentConfig config) {
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

    /** The role GitHub Actions releases new versions with (the access stack's {@code github_release}). */
    public static String releaseRole(EnvironmentConfig config) {
        return config.prefix() + "-github-release";
    }

    /** The role GitHub Actions applies the stacks with (the access stack's {@code github_infra}). */
    public static String infraRole(EnvironmentConfig config) {
        return config.prefix() + "-github-infra";
    }

    /** The target group production traffic goes to before the first release. */
    public static final String BLUE = "blue";
    /** The other target group; the two swap roles at every release. */
    public static final String GREEN = "green";
    /** The two target groups CodeDeploy swaps between, by their role. */
    public static final List<String> TARGET_GROUP_ROLES = List.of(BLUE, GREEN);

    /** A target group of the service's load balancer; {@code role} is one of {@link #TARGET_GROUP_ROLES}. */
    public static String targetGroup(EnvironmentConfig config, String role) {
        return ElbNames.of(config.prefix(), role);
    }

    /**
     * The alarms that watch one target group and roll a release back, in the delivery stack's
     * order: 5xx rate, unhealthy targets and, when configured, p99 latency.
     */
    public static List<String> releaseAlarms(EnvironmentConfig config, String role) {
        List<String> alarms = new ArrayList<>(List.of(
                config.prefix() + "-" + role + "-" + ALARM_5XX,
                config.prefix() + "-" + role + "-" + ALARM_UNHEALTHY_HOSTS));
        if (config.deployment().alarms().p99LatencySeconds().isPresent()) {
            alarms.add(config.prefix() + "-" + role + "-" + ALARM_P99_LATENCY);
        }
        return List.copyOf(alarms);
    }

    static final String ALARM_5XX = "5xx";
    static final String ALARM_UNHEALTHY_HOSTS = "unhealthy-hosts";
    static final String ALARM_P99_LATENCY = "p99-latency";

    /** The role CodeDeploy assumes to shift traffic (the access stack's {@code codedeploy}). */
    public static String codeDeployRole(EnvironmentConfig config) {
        return config.prefix() + "-codedeploy";
    }

    /** The log group VPC flow logs are written to, when {@code network.flowLogs} is on. */
    public static String flowLogGroup(EnvironmentConfig config) {
        return "/vpc/" + config.prefix() + "/flow-logs";
    }

    /** The role the VPC flow logs service assumes to write {@link #flowLogGroup}. */
    public static String flowLogsRole(EnvironmentConfig config) {
        return config.prefix() + "-vpc-flow-logs";
    }

    /** The Application Load Balancer, within ELB's 32-character limit. */
    public static String loadBalancer(EnvironmentConfig config) {
        return ElbNames.of(config.prefix(), "");
    }
}
