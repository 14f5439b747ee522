package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import software.constructs.Construct;

/** The ECR repository ({@link EcrRegistry}), with the configuration's values. */
public final class RegistryStack extends PlatformStack {
    private final EcrRegistry registry;

    public RegistryStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, EnvironmentNames.REGISTRY);
        registry = new EcrRegistry(this, RegistrySettings.of(config));
        registry.outputs(false);
    }

    public String repositoryUrl() {
        return registry.repositoryUrl();
    }

    public String repositoryArn() {
        return registry.repositoryArn();
    }

    public String repositoryName() {
        return registry.repositoryName();
    }
}
