package io.ecsforge.stacks;

/**
 * The names of the cluster's and the service's resources from a prefix alone: {@code <app>-<env>}
 * in a stack ({@link EnvironmentNames} gives these), {@code ${var.app}-${var.environment}} in the
 * ecs-service module, which knows no more of the environment.
 *
 * @param prefix what every name starts with
 */
public record ServiceNames(String prefix) {

    private String resource(String suffix) {
        return prefix + "-" + suffix;
    }

    public String cluster() {
        return prefix;
    }

    /** The log group of ECS Exec sessions, when the cluster allows them. */
    public String execLogGroup() {
        return "/ecs/" + prefix + "/exec";
    }

    public String service() {
        return prefix;
    }

    /** The target tracking policy on the service's CPU. */
    public String cpuScalingPolicy() {
        return resource("cpu");
    }

    /** The container log group. */
    public String serviceLogGroup() {
        return "/ecs/" + prefix;
    }

    /** The task definition family: the service and every release register revisions of it. */
    public String taskDefinitionFamily() {
        return prefix;
    }

    public String serviceSecurityGroup() {
        return resource("service");
    }

    /** The Application Load Balancer, within ELB's 32-character limit. */
    public String loadBalancer() {
        return ElbNames.of(prefix, "");
    }

    public String loadBalancerSecurityGroup() {
        return resource("alb");
    }

    /** The web ACL ecsforge makes with {@code loadBalancer.waf: managed}. */
    public String webAcl() {
        return prefix;
    }

    /** That web ACL's log group: WAF logs only to a destination whose name starts {@code aws-waf-logs-}. */
    public String webAclLogGroup() {
        return "aws-waf-logs-" + prefix;
    }

    public String targetGroup(String role) {
        return ElbNames.of(prefix, role);
    }
}
