package io.ecsforge.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The subnet arithmetic of the {@code network} section: checks the VPC's block and lays out its subnets. */
final class Subnets {
    /** The largest and smallest VPC block AWS allows, and its smallest subnet. */
    static final int LARGEST_VPC = 16;
    static final int SMALLEST = 28;
    /** Two subnets a zone, each 1/16 of the VPC (a /20 in a /16), leaving room to grow. */
    static final int NEW_BITS = 4;
    /** Private subnets start halfway through the VPC: block 8 + i of zone i. */
    static final int PRIVATE_OFFSET = 8;

    private Subnets() {}

    /** {@code network} with its subnets computed from the block, or checked when listed. */
    static NetworkConfig layOut(Section s, NetworkConfig network) {
        String cidrText = network.cidr();
        Optional<Cidr> vpc = Cidr.parse(cidrText);
        if (vpc.isEmpty()) {
            Cidr.problem(cidrText).ifPresent(problem -> s.problem(NetworkSchema.CIDR, problem));
            return network;
        }
        if (vpc.get().prefix() < LARGEST_VPC || vpc.get().prefix() > SMALLEST) {
            s.problem(NetworkSchema.CIDR, "\"" + cidrText + "\" has prefix /" + vpc.get().prefix() + "; allowed: a VPC of /"
                    + LARGEST_VPC + " to /" + SMALLEST);
            return network;
        }
        if (!network.publicSubnets().isEmpty() || !network.privateSubnets().isEmpty()) {
            check(s, vpc.get(), network);
            return network;
        }
        int azCount = network.azCount();
        int subnetPrefix = vpc.get().prefix() + NEW_BITS;
        if (subnetPrefix > SMALLEST) {
            s.problem(NetworkSchema.CIDR, "\"" + cidrText + "\" is too small: its " + 2 * azCount + " subnets would be /"
                    + subnetPrefix + ", smaller than AWS's smallest subnet (/" + SMALLEST + "); allowed: a VPC of /24 or"
                    + " larger, or network.publicSubnets and network.privateSubnets listed yourself");
            return network;
        }
        List<String> publicSubnets = new ArrayList<>();
        List<String> privateSubnets = new ArrayList<>();
        for (int i = 0; i < azCount; i++) {
            publicSubnets.add(vpc.get().subnet(NEW_BITS, i).toString());
            privateSubnets.add(vpc.get().subnet(NEW_BITS, PRIVATE_OFFSET + i).toString());
        }
        return new NetworkConfig(cidrText, azCount, network.natGateways(), network.flowLogs(), network.flowLogRetentionDays(),
                network.vpcEndpoints(), List.copyOf(publicSubnets), List.copyOf(privateSubnets), network.availabilityZones(),
                network.flowLogKmsKey());
    }

    /** Subnets listed by the user: one per zone each, inside the VPC, large enough, none overlapping another. */
    private static void check(Section s, Cidr vpc, NetworkConfig network) {
        List<String> paths = new ArrayList<>();
        List<Cidr> blocks = new ArrayList<>();
        for (Key<List<String>> key : List.of(NetworkSchema.PUBLIC_SUBNETS, NetworkSchema.PRIVATE_SUBNETS)) {
            List<String> given = key == NetworkSchema.PUBLIC_SUBNETS ? network.publicSubnets() : network.privateSubnets();
            if (given.size() != network.azCount() && s.ok(NetworkSchema.AZ_COUNT)) {
                s.problem(key, given.size() + " subnets given; allowed: " + network.azCount()
                        + ", one per availability zone (" + NetworkSchema.AZ_COUNT.path() + ")");
            }
            for (int i = 0; i < given.size(); i++) {
                String path = key.name() + "[" + i + "]";
                Optional<Cidr> block = Cidr.parse(given.get(i));
                if (block.isEmpty()) {
                    Cidr.problem(given.get(i)).ifPresent(problem -> s.problem(path, problem));
                } else if (!vpc.contains(block.get())) {
                    s.problem(path, "\"" + given.get(i) + "\" is outside the VPC " + vpc + "; allowed: a block inside "
                            + NetworkSchema.CIDR.path());
                } else if (block.get().prefix() > SMALLEST) {
                    s.problem(path, "\"" + given.get(i) + "\" is smaller than AWS allows; allowed: a subnet of /" + SMALLEST
                            + " or larger");
                } else {
                    for (int j = 0; j < blocks.size(); j++) {
                        if (blocks.get(j).overlaps(block.get())) {
                            s.problem(path, "\"" + given.get(i) + "\" overlaps network." + paths.get(j) + " (" + blocks.get(j)
                                    + "); allowed: blocks that do not overlap");
                        }
                    }
                    paths.add(path);
                    blocks.add(block.get());
                }
            }
        }
    }
}
