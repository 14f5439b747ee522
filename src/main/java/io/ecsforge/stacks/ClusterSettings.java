package io.ecsforge.stacks;

import io.ecsforge.config.ClusterConfig;
import io.ecsforge.config.EnvironmentConfig;

/**
 * What {@link FargateCluster} is built from: the {@code cluster} section, the retention of the
 * ECS Exec log group and the names.
 *
 * @param containerInsights CloudWatch Container Insights
 * @param executeCommand whether ECS Exec sessions are allowed, and logged to their own group
 * @param fargateSpotWeight share of tasks on FARGATE_SPOT against FARGATE's weight of 1
 * @param logRetentionDays retention of the ECS Exec log group ({@code service.logRetentionDays})
 * @param names the cluster's and its log group's names
 */
public record ClusterSettings(Setting<Boolean> containerInsights, Setting<Boolean> executeCommand,
        Setting<Number> fargateSpotWeight, Setting<Number> logRetentionDays, ServiceNames names) {

    /** A stack's settings: the configuration's values, named by their keys. */
    static ClusterSettings of(EnvironmentConfig config) {
        ClusterConfig cluster = config.cluster();
        return new ClusterSettings(
                Setting.of(cluster.containerInsights(), "cluster.containerInsights"),
                Setting.of(cluster.executeCommand(), "cluster.executeCommand"),
                Setting.<Number>of(cluster.fargateSpotWeight(), "cluster.fargateSpotWeight"),
                Setting.<Number>of(config.service().logRetentionDays(), "service.logRetentionDays"),
                EnvironmentNames.of(config).services());
    }
}
