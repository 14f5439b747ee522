package io.ecsforge.stacks;

/**
 * What CodeDeploy needs from the service stack to release a new version blue/green: the service,
 * the two listeners and the two target groups it swaps between them. Values are usually Terraform
 * references into the service stack, which cdktf turns into cross-stack outputs.
 *
 * @param clusterName the ECS cluster the service runs in
 * @param serviceName the ECS service CodeDeploy deploys to
 * @param productionListenerArn the listener whose target group serves production traffic
 * @param testListenerArn the listener that reaches the new version before it takes production traffic
 * @param blueTargetGroupName the target group serving production before the first release
 * @param greenTargetGroupName the other target group; the two swap roles at every release
 * @param blueTargetGroupArnSuffix the blue target group's CloudWatch dimension ({@code targetgroup/<name>/<id>})
 * @param greenTargetGroupArnSuffix the green target group's CloudWatch dimension
 * @param loadBalancerArnSuffix the load balancer's CloudWatch dimension ({@code app/<name>/<id>})
 */
public record ReleaseTargets(
        String clusterName,
        String serviceName,
        String productionListenerArn,
        String testListenerArn,
        String blueTargetGroupName,
        String greenTargetGroupName,
        String blueTargetGroupArnSuffix,
        String greenTargetGroupArnSuffix,
        String loadBalancerArnSuffix) {}
