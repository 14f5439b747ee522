package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import java.util.List;
import software.constructs.Construct;

/**
 * The VPC ({@link VpcNetwork}), made as the configuration says: one resource for each subnet,
 * NAT gateway and route of the configured zones, and nothing for what is off.
 */
public final class NetworkStack extends PlatformStack {
    private final VpcNetwork network;

    public NetworkStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, EnvironmentNames.NETWORK);
        network = new VpcNetwork(this, NetworkSettings.of(config, () -> lookUpArnsInConfiguredAccount("account")),
                Shapes.configured());
        network.outputs(false);
    }

    public String vpcId() {
        return network.vpcId();
    }

    /**
     * The configured block itself rather than a reference: it is the same value, and security
     * groups in other stacks that admit the VPC then show it in their plans.
     */
    public String vpcCidr() {
        return config().network().cidr();
    }

    /** One a zone, in zone order. */
    public List<String> publicSubnetIds() {
        return network.publicSubnetIds();
    }

    /** One a zone, in zone order. */
    public List<String> privateSubnetIds() {
        return network.privateSubnetIds();
    }

    /** What requests from the private subnets to public addresses come from: one a NAT gateway. */
    public List<String> natPublicIps() {
        return network.natPublicIps();
    }
}
