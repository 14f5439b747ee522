package io.ecsforge.stacks;

/**
 * What the service stack needs of the cluster, registry and access stacks.
 *
 * @param clusterArn the cluster the service runs in
 * @param repositoryUrl the image repository; the task runs {@code <repositoryUrl>:<service.imageTag>}
 * @param executionRoleArn the role ECS uses to pull the image, read secrets and write logs
 * @param taskRoleArn the role the application's code runs as
 */
public record ServiceInputs(String clusterArn, String repositoryUrl, String executionRoleArn, String taskRoleArn) {}
