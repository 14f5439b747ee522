package io.ecsforge.stacks;

import io.ecsforge.config.ClusterConfig;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.ServiceConfig;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import io.ecsforge.config.ServiceConfig.Destination;
import io.ecsforge.config.ServiceConfig.EgressRule;
import io.ecsforge.config.ServiceConfig.Protocol;
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

    /** One egress rule of each destination kind, and a range. */
    public static final List<EgressRule> EGRESS = List.of(
            new EgressRule(5432, 5432, Protocol.TCP, Destination.CIDR, "10.0.0.0/16", "PostgreSQL"),
            new EgressRule(443, 443, Protocol.TCP, Destination.PREFIX_LIST_ID, "pl-0123456789abcdef0", ""),
            new EgressRule(6379, 6380, Protocol.TCP, Destination.SECURITY_GROUP_ID, "sg-0123456789abcdef0", "Redis"),
            new EgressRule(53, 53, Protocol.UDP, Destination.CIDR, "10.0.0.2/32", ""));

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
                EGRESS);
        return new EnvironmentConfig(dev.file(), dev.app(), "exec", dev.aws(), dev.state(), dev.network(), dev.registry(),
                dev.github(), new ClusterConfig(false, true, SPOT_WEIGHT), withoutAutoscaling, dev.loadBalancer(),
                dev.deployment(), dev.tags());
    }
}
