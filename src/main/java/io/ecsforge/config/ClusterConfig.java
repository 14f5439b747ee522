package io.ecsforge.config;

/**
 * The ECS cluster.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link ClusterSchema}.
 *
 * @param containerInsights CloudWatch Container Insights
 * @param executeCommand ECS Exec into running tasks, logged to CloudWatch Logs
 * @param fargateSpotWeight share of tasks on FARGATE_SPOT against FARGATE's weight of 1
 */
public record ClusterConfig(boolean containerInsights, boolean executeCommand, int fargateSpotWeight) {}
