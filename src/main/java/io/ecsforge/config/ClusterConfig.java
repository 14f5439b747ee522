package io.ecsforge.config;

/**
 * The ECS cluster.
 *
 * @param containerInsights CloudWatch Container Insights. @default true
 * @param executeCommand ECS Exec into running tasks, logged to CloudWatch Logs. @default false
 * @param fargateSpotWeight share of tasks on FARGATE_SPOT against FARGATE's weight of 1, 0 to 10. @default 0
 */
public record ClusterConfig(boolean containerInsights, boolean executeCommand, int fargateSpotWeight) {}
