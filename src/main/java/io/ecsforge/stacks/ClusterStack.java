package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import software.constructs.Construct;

/**
 * The ECS cluster ({@link FargateCluster}), with the configuration's values: Container Insights,
 * the FARGATE and FARGATE_SPOT capacity providers with the default strategy of
 * {@link CapacityShare#strategy}, and, when {@code cluster.executeCommand} is on, ECS Exec
 * sessions logged to their own log group.
 */
public final class ClusterStack extends PlatformStack {
    private final FargateCluster cluster;

    public ClusterStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, EnvironmentNames.CLUSTER);
        cluster = new FargateCluster(this, ClusterSettings.of(config), Shapes.configured());
        cluster.outputs(false);
    }

    public String clusterName() {
        return cluster.clusterName();
    }

    public String clusterArn() {
        return cluster.clusterArn();
    }
}
