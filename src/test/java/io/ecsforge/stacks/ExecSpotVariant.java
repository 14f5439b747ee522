package io.ecsforge.stacks;

import io.ecsforge.config.ClusterConfig;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.ServiceConfig;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.util.List;
import java.util.Optional;

/**
 * The dev example with every switch the examples leave at its default turned the other way:
 * ECS Exec on, Container Insights off, Fargate Spot at weight 3, autoscaling off. Environment
 * "exec", so its stacks are webapp-exec-*. Synthesized once, in its own app.
 */
public final class ExecSpotVariant {
    public static final int SPOT_WEIGHT = 3;
    private static Synthesized synthesized;

    private ExecSpotVariant() {}

    public static synchronized Resources resources(String part) {
        if (synthesized == null) {
            synthesized = Synthesized.of(List.of(config()));
        }
        return synthesized.resources("webapp-exec-" + part);
    }

    public static EnvironmentConfig config() {
        EnvironmentConfig dev = new ConfigLoader(Repo.config()).load("dev");
        ServiceConfig s = dev.service();
        ServiceConfig withoutAutoscaling = new ServiceConfig(s.containerName(), s.containerPort(), s.cpu(), s.memory(),
                s.cpuArchitecture(), s.desiredCount(), s.healthCheckPath(), s.healthCheckGracePeriodSeconds(), s.imageTag(),
                s.environment(), s.secrets(), Optional.empty(), s.logRetentionDays(), s.readonlyRootFilesystem(), s.taskPolicy(),
                s.egress());
        return new EnvironmentConfig(dev.file(), dev.app(), "exec", dev.aws(), dev.state(), dev.network(), dev.registry(),
                dev.github(), new ClusterConfig(false, true, SPOT_WEIGHT), withoutAutoscaling, dev.loadBalancer(),
                dev.deployment(), dev.tags());
    }
}
