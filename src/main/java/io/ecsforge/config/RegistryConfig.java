package io.ecsforge.config;

/**
 * The ECR repository.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link RegistrySchema}.
 *
 * @param repositoryName the ECR repository
 * @param keepImages tagged images kept by the lifecycle policy
 * @param untaggedExpiryDays days before untagged images expire
 */
public record RegistryConfig(String repositoryName, int keepImages, int untaggedExpiryDays) {}
