package io.ecsforge.stacks;

import java.util.List;

/**
 * What a blue/green release needs of the service stack: the CodeDeploy deployment group, its
 * alarms and the AppSpec name these. Values are plain names where the name is fixed by the
 * configuration, and references to the service stack's resources otherwise.
 *
 * @param clusterName the cluster the service runs in
 * @param serviceName the ECS service CodeDeploy deploys to
 * @param containerName the container the target groups send traffic to (AppSpec LoadBalancerInfo)
 * @param containerPort that container's port (AppSpec LoadBalancerInfo)
 * @param productionListenerArn the listener whose traffic CodeDeploy shifts to the new tasks
 * @param testListenerArn the listener that reaches the new tasks before they take production traffic
 * @param blueTargetGroupName the target group the listeners forward to when the stack is created
 * @param greenTargetGroupName the target group the first release moves traffic to
 * @param blueTargetGroupArnSuffix the CloudWatch TargetGroup dimension of the blue target group
 * @param greenTargetGroupArnSuffix the CloudWatch TargetGroup dimension of the green target group
 * @param loadBalancerArnSuffix the CloudWatch LoadBalancer dimension
 * @param capacityProviderStrategy the service's strategy; CodeDeploy replaces the service's
 *     strategy with the AppSpec's at every deployment, so the AppSpec must repeat it
 */
public record ReleaseTargets(
        String clusterName,
        String serviceName,
        String containerName,
        int containerPort,
        String productionListenerArn,
        String testListenerArn,
        String blueTargetGroupName,
        String greenTargetGroupName,
        String blueTargetGroupArnSuffix,
        String greenTargetGroupArnSuffix,
        String loadBalancerArnSuffix,
        List<CapacityShare> capacityProviderStrategy) {

    public ReleaseTargets {
        capacityProviderStrategy = List.copyOf(capacityProviderStrategy);
    }
}
