package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfigurationExecuteCommandConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterConfigurationExecuteCommandConfigurationLogConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.ecs_cluster_capacity_providers.EcsClusterCapacityProviders;
import com.hashicorp.cdktf.providers.aws.ecs_cluster_capacity_providers.EcsClusterCapacityProvidersDefaultCapacityProviderStrategy;
import io.ecsforge.config.ClusterConfig;
import io.ecsforge.config.EnvironmentConfig;
import java.util.List;
import software.constructs.Construct;

/**
 * The ECS cluster: Container Insights, the FARGATE and FARGATE_SPOT capacity providers with the
 * default strategy of {@link CapacityShare#strategy}, and, when {@code cluster.executeCommand} is
 * on, ECS Exec sessions logged to their own log group.
 */
public final class ClusterStack extends PlatformStack {
    private final EcsCluster cluster;

    public ClusterStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, EnvironmentNames.CLUSTER);
        ClusterConfig settings = config.cluster();

        EcsCluster.Builder builder = EcsCluster.Builder.create(this, "cluster")
                .name(names().cluster())
                .setting(List.of(EcsClusterSetting.builder()
                        .name("containerInsights")
                        .value(settings.containerInsights() ? "enabled" : "disabled")
                        .build()));
        if (settings.executeCommand()) {
            // OVERRIDE sends every session's input and output to this group rather than the
            // task's own log configuration, so a shell into production leaves an audit trail.
            CloudwatchLogGroup execLogs = CloudwatchLogGroup.Builder.create(this, "exec_logs")
                    .name(names().execLogGroup())
                    .retentionInDays(config.service().logRetentionDays())
                    .build();
            builder.configuration(EcsClusterConfiguration.builder()
                    .executeCommandConfiguration(EcsClusterConfigurationExecuteCommandConfiguration.builder()
                            .logging("OVERRIDE")
                            .logConfiguration(EcsClusterConfigurationExecuteCommandConfigurationLogConfiguration.builder()
                                    .cloudWatchLogGroupName(execLogs.getName())
                                    .build())
                            .build())
                    .build());
        }
        cluster = builder.build();

        EcsClusterCapacityProviders.Builder.create(this, "capacity_providers")
                .clusterName(cluster.getName())
                .capacityProviders(List.of(CapacityShare.FARGATE, CapacityShare.FARGATE_SPOT))
                .defaultCapacityProviderStrategy(CapacityShare.strategy(settings).stream()
                        .map(share -> EcsClusterCapacityProvidersDefaultCapacityProviderStrategy.builder()
                                .capacityProvider(share.capacityProvider())
                                .base(share.base())
                                .weight(share.weight())
                                .build())
                        .toList())
                .build();

        TerraformOutput.Builder.create(this, "cluster_name").value(cluster.getName()).build();
        TerraformOutput.Builder.create(this, "cluster_arn").value(cluster.getArn()).build();
    }

    public String clusterName() {
        return cluster.getName();
    }

    public String clusterArn() {
        return cluster.getArn();
    }
}
