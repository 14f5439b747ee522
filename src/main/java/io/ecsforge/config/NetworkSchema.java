package io.ecsforge.config;

import io.ecsforge.config.NetworkConfig.NatGateways;
import java.util.List;
import java.util.Optional;

/** The {@code network} section: the VPC. Its subnets are laid out by {@link Subnets}. */
final class NetworkSchema {
    static final Key<String> CIDR = Key.string("network.cidr", "10.0.0.0/16", null, "The VPC's block.")
            .note("an IPv4 CIDR block with its host bits zero, /" + Subnets.LARGEST_VPC + " to /" + Subnets.SMALLEST
                    + "; /24 or larger when the subnets are computed");
    static final Key<Integer> AZ_COUNT = Key.whole("network.azCount", 2, 1, 6,
            "Availability zones; each gets one public and one private subnet.");
    static final Key<NatGateways> NAT_GATEWAYS = Key.choice("network.natGateways", NatGateways.SINGLE,
            "Egress for the private subnets. `none`: no NAT; private subnets reach AWS only through VPC endpoints and"
                    + " tasks cannot reach the internet. `single`: one NAT gateway for all zones, cheaper, but a zone outage"
                    + " cuts egress for every zone. `one-per-az`: survives a zone outage, costs one gateway per zone.")
            .note("`none` needs `vpcEndpoints: true`");
    static final Key<Boolean> FLOW_LOGS = Key.bool("network.flowLogs", true, "VPC flow logs to CloudWatch Logs.");
    static final Key<Integer> FLOW_LOG_RETENTION_DAYS = Key.oneOf("network.flowLogRetentionDays", 90, Format.LOG_RETENTIONS,
            "Retention of the flow log group.").note("a CloudWatch Logs retention");
    static final Key<String> FLOW_LOG_KMS_KEY = LogKmsKeys.key("network.flowLogKmsKey", "the flow log group");
    static final Key<Boolean> VPC_ENDPOINTS = Key.bool("network.vpcEndpoints", false,
            "S3 gateway and ECR/Logs interface endpoints.");
    static final Key<List<String>> PUBLIC_SUBNETS = Key.strings("network.publicSubnets", List.of(),
            "one CIDR block per zone (`azCount` of them), inside `cidr`, /" + Subnets.SMALLEST + " or larger, none"
                    + " overlapping another subnet; give both lists or neither",
            "The public subnets. Computed, each is 1/16 of the VPC: the first `azCount` sixteenths (`10.0.0.0/20`,"
                    + " `10.0.16.0/20`, ... in a `/16`).").defaultText("computed from `cidr`");
    static final Key<List<String>> PRIVATE_SUBNETS = Key.strings("network.privateSubnets", List.of(), "as `publicSubnets`",
            "The private subnets. Computed, they start halfway through the VPC (`10.0.128.0/20`, `10.0.144.0/20`, ..."
                    + " in a `/16`), leaving room to grow.").defaultText("computed from `cidr`");

    static final Key<List<String>> AVAILABILITY_ZONES = Key.strings("network.availabilityZones", List.of(),
            "`azCount` zones of `aws.region`, each named once, as the region's name and one letter (e.g. us-east-1a);"
                    + " full zones only, not Local or Wavelength Zones",
            "The zones the subnets are in, pinned: the VPC takes these, and a zone AWS adds to the region later cannot"
                    + " change which zones it uses. Unpinned, it takes the region's first `azCount` available zones. Zone"
                    + " names map to different physical zones in different accounts, so pin them only where"
                    + " `aws.accountId` is known. Costs nothing.").defaultText("none: the region's first `azCount` zones");

    static final List<Key<?>> KEYS = List.of(CIDR, AZ_COUNT, NAT_GATEWAYS, FLOW_LOGS, FLOW_LOG_RETENTION_DAYS, FLOW_LOG_KMS_KEY,
            VPC_ENDPOINTS, PUBLIC_SUBNETS, PRIVATE_SUBNETS, AVAILABILITY_ZONES);

    private NetworkSchema() {}

    /**
     * The keys as given: subnets only as listed, the block not checked yet (see {@link Subnets#layOut}).
     *
     * @param regionOk whether {@code aws.region} is the user's own, which the zones must be in
     * @param awsOk whether {@code aws.region} and {@code aws.accountId} are, which a log group's key must be in
     */
    static NetworkConfig read(Section s, AwsConfig aws, boolean regionOk, boolean awsOk) {
        String cidr = s.string(CIDR);
        int azCount = s.integer(AZ_COUNT);
        NatGateways nat = s.choice(NAT_GATEWAYS);
        boolean flowLogs = s.bool(FLOW_LOGS);
        int retention = s.integer(FLOW_LOG_RETENTION_DAYS);
        Optional<String> kmsKey = LogKmsKeys.read(s, FLOW_LOG_KMS_KEY, aws, awsOk);
        boolean endpoints = s.bool(VPC_ENDPOINTS);
        List<String> publicSubnets = s.strings(PUBLIC_SUBNETS);
        List<String> privateSubnets = s.strings(PRIVATE_SUBNETS);
        List<String> zones = zones(s, regionOk ? aws.region() : "", azCount);
        s.rejectUnknownKeys();
        return new NetworkConfig(cidr, azCount, nat, flowLogs, retention, endpoints, publicSubnets, privateSubnets, zones,
                kmsKey);
    }

    /** The pinned zones: each a zone of the region, once, one for each of {@code azCount} zones. */
    private static List<String> zones(Section s, String region, int azCount) {
        List<String> zones = s.strings(AVAILABILITY_ZONES);
        if (!zones.isEmpty() && zones.size() != azCount && s.ok(AZ_COUNT)) {
            s.problem(AVAILABILITY_ZONES, zones.size() + " zones given; allowed: " + azCount + ", one for each zone of "
                    + AZ_COUNT.path());
        }
        for (int i = 0; i < zones.size(); i++) {
            String path = AVAILABILITY_ZONES.name() + "[" + i + "]";
            String zone = zones.get(i);
            if (!Format.ZONE.matches(zone)) {
                s.problem(path, "\"" + zone + "\" is not allowed; allowed: " + Format.ZONE.allowed());
            } else if (!region.isEmpty() && !zone.substring(0, zone.length() - 1).equals(region)) {
                s.problem(path, "\"" + zone + "\" is not in aws.region (" + region + "); allowed: a zone of " + region
                        + ", e.g. " + region + "a");
            } else if (zones.subList(0, i).contains(zone)) {
                s.problem(path, "\"" + zone + "\" is given twice; allowed: each zone once");
            }
        }
        return zones;
    }
}
