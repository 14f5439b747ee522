package io.ecsforge.stacks;

import java.util.List;

/**
 * What the service stack needs of the network: values or references to another stack's resources.
 *
 * @param vpcId the VPC the security groups and target groups belong to
 * @param vpcCidr the VPC's block
 * @param publicSubnetIds where the load balancer listens, one subnet per zone
 * @param privateSubnetIds where the tasks run, one subnet per zone
 * @param natPublicIps the NAT gateways' public addresses, which the test listener admits: one a gateway
 */
public record NetworkRefs(String vpcId, String vpcCidr, List<String> publicSubnetIds, List<String> privateSubnetIds,
        List<String> natPublicIps) {
    public NetworkRefs {
        publicSubnetIds = List.copyOf(publicSubnetIds);
        privateSubnetIds = List.copyOf(privateSubnetIds);
        natPublicIps = List.copyOf(natPublicIps);
    }
}
