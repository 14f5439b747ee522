package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.RegistryConfig;

/**
 * What {@link EcrRegistry} is built from: the {@code registry} section and the tag a new service starts on.
 *
 * @param repositoryName the ECR repository
 * @param keepImages tagged images the lifecycle policy keeps
 * @param untaggedExpiryDays days before untagged images expire
 * @param seedTag {@code service.imageTag}, which the lifecycle policy keeps for good
 */
public record RegistrySettings(Setting<String> repositoryName, Setting<Number> keepImages,
        Setting<Number> untaggedExpiryDays, Setting<String> seedTag) {

    /** A stack's settings: the configuration's values, named by their keys. */
    static RegistrySettings of(EnvironmentConfig config) {
        return of(config.registry(), config.service().imageTag());
    }

    static RegistrySettings of(RegistryConfig registry, String seedTag) {
        return new RegistrySettings(
                Setting.of(registry.repositoryName(), "registry.repositoryName"),
                Setting.<Number>of(registry.keepImages(), "registry.keepImages"),
                Setting.<Number>of(registry.untaggedExpiryDays(), "registry.untaggedExpiryDays"),
                Setting.of(seedTag, "service.imageTag"));
    }
}
