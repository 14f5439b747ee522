package io.ecsforge.config;

import java.util.List;
import java.util.Optional;

/**
 * The VPC.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link NetworkSchema}.
 *
 * @param cidr the VPC's block
 * @param azCount availability zones; each gets one public and one private subnet
 * @param natGateways egress for the private subnets
 * @param flowLogs VPC flow logs to CloudWatch Logs
 * @param flowLogRetentionDays retention of the flow log group
 * @param vpcEndpoints S3 gateway and ECR/Logs interface endpoints
 * @param publicSubnets the public subnets, one per zone, computed from cidr unless given
 * @param privateSubnets the private subnets, one per zone, computed from cidr unless given
 * @param availabilityZones the zones the subnets are in, pinned; empty for the region's first {@code azCount}
 * @param flowLogKmsKey the flow log group's key: {@code state} or a key ARN; empty for CloudWatch Logs' own
 */
public record NetworkConfig(
        String cidr,
        int azCount,
        NatGateways natGateways,
        boolean flowLogs,
        int flowLogRetentionDays,
        boolean vpcEndpoints,
        List<String> publicSubnets,
        List<String> privateSubnets,
        List<String> availabilityZones,
        Optional<String> flowLogKmsKey) {

    /** A VPC whose flow log group has CloudWatch Logs' own encryption. */
    public NetworkConfig(String cidr, int azCount, NatGateways natGateways, boolean flowLogs, int flowLogRetentionDays,
            boolean vpcEndpoints, List<String> publicSubnets, List<String> privateSubnets, List<String> availabilityZones) {
        this(cidr, azCount, natGateways, flowLogs, flowLogRetentionDays, vpcEndpoints, publicSubnets, privateSubnets,
                availabilityZones, Optional.empty());
    }

    public enum NatGateways implements Named {
        /** No NAT: private subnets reach AWS only through VPC endpoints. Tasks cannot reach the internet. */
        NONE,
        /** One NAT gateway for all zones: cheaper, but a zone outage cuts egress for every zone. */
        SINGLE,
        /** One NAT gateway per zone: survives a zone outage; costs one gateway per zone. */
        ONE_PER_AZ;
    }
}
