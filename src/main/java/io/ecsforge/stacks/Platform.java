package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import java.util.ArrayList;
import java.util.List;
import software.constructs.Construct;

/** Every stack of one environment, in the order they are applied. */
public final class Platform {
    private Platform() {}

    /** Adds the environment's stacks to {@code app} and returns them in dependency order. */
    public static List<PlatformStack> build(Construct app, EnvironmentConfig config) {
        List<PlatformStack> stacks = new ArrayList<>();
        StateStack state = new StateStack(app, config);
        stacks.add(state);
        NetworkStack network = new NetworkStack(app, config);
        stacks.add(network);
        RegistryStack registry = new RegistryStack(app, config);
        stacks.add(registry);
        AccessStack access = new AccessStack(app, config, registry.repositoryArn());
        stacks.add(access);
        ClusterStack cluster = new ClusterStack(app, config);
        stacks.add(cluster);
        ServiceStack service = new ServiceStack(app, config,
                new NetworkRefs(network.vpcId(), network.vpcCidr(), network.publicSubnetIds(), network.privateSubnetIds(),
                        network.natPublicIps()),
                new ServiceInputs(cluster.clusterArn(), registry.repositoryUrl(), access.executionRoleArn(), access.taskRoleArn()));
        stacks.add(service);
        stacks.add(new DeliveryStack(app, config, service.releaseTargets(), access.codeDeployRoleArn()));
        // Every other stack keeps its state in the state stack's bucket, so it comes first.
        stacks.stream().skip(1).forEach(stack -> stack.addDependency(state));
        return List.copyOf(stacks);
    }
}
