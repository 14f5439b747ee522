package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.NetworkConfig;
import io.ecsforge.stacks.EnvironmentNames.NetworkNames;
import java.util.List;
import java.util.function.Supplier;

/**
 * What {@link VpcNetwork} is built from: the {@code network} section, the region and the names.
 *
 * @param cidr the VPC's block
 * @param azCount availability zones; each gets one public and one private subnet
 * @param natGateways {@code none}, {@code single} or {@code one-per-az}
 * @param flowLogs whether flow logs go to CloudWatch Logs
 * @param flowLogRetentionDays retention of the flow log group
 * @param vpcEndpoints whether the S3 gateway and the interface endpoints are made
 * @param publicSubnets one block a zone
 * @param privateSubnets one block a zone
 * @param availabilityZones the zones the subnets are pinned to; empty for the region's first {@code azCount}
 * @param region the region, which endpoint service names name
 * @param names the Name tags and physical names
 * @param arns the ARNs of the account flow logs are written for, asked for only when there are flow logs
 * @param flowLogKey the key of the flow log group
 */
public record NetworkSettings(Setting<String> cidr, Setting<Number> azCount, Setting<String> natGateways,
        Setting<Boolean> flowLogs, Setting<Number> flowLogRetentionDays, Setting<Boolean> vpcEndpoints,
        Setting<List<String>> publicSubnets, Setting<List<String>> privateSubnets,
        Setting<List<String>> availabilityZones, Setting<String> region,
        NetworkNames names, Supplier<AwsArns> arns, LogKey flowLogKey) {

    /** A stack's settings: the configuration's values, named by their keys. */
    static NetworkSettings of(EnvironmentConfig config, Supplier<AwsArns> arns) {
        NetworkConfig network = config.network();
        return new NetworkSettings(
                Setting.of(network.cidr(), "network.cidr"),
                Setting.<Number>of(network.azCount(), "network.azCount"),
                Setting.of(network.natGateways().yamlName(), "network.natGateways"),
                Setting.of(network.flowLogs(), "network.flowLogs"),
                Setting.<Number>of(network.flowLogRetentionDays(), "network.flowLogRetentionDays"),
                Setting.of(network.vpcEndpoints(), "network.vpcEndpoints"),
                Setting.of(network.publicSubnets(), "network.publicSubnets"),
                Setting.of(network.privateSubnets(), "network.privateSubnets"),
                Setting.of(network.availabilityZones(), "network.availabilityZones"),
                Setting.of(config.aws().region(), "aws.region"),
                EnvironmentNames.of(config).network(),
                arns,
                LogKey.of(network.flowLogKmsKey(), "network.flowLogKmsKey", EnvironmentNames.of(config)));
    }
}
