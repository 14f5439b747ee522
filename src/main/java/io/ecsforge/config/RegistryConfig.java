package io.ecsforge.config;

/**
 * The ECR repository.
 *
 * @param repositoryName @default the app name
 * @param keepImages tagged images kept by the lifecycle policy, 1 to 1000. @default 30
 * @param untaggedExpiryDays days before untagged images expire, 1 to 365. @default 7
 */
public record RegistryConfig(String repositoryName, int keepImages, int untaggedExpiryDays) {}
