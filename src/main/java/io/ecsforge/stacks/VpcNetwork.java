package io.ecsforge.stacks;

import com.hashicorp.cdktf.Fn;
import com.hashicorp.cdktf.Postcondition;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZones;
import com.hashicorp.cdktf.providers.aws.data_aws_availability_zones.DataAwsAvailabilityZonesFilter;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.default_security_group.DefaultSecurityGroup;
import com.hashicorp.cdktf.providers.aws.eip.Eip;
import com.hashicorp.cdktf.providers.aws.flow_log.FlowLog;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.internet_gateway.InternetGateway;
import com.hashicorp.cdktf.providers.aws.nat_gateway.NatGateway;
import com.hashicorp.cdktf.providers.aws.route.Route;
import com.hashicorp.cdktf.providers.aws.route_table.RouteTable;
import com.hashicorp.cdktf.providers.aws.route_table_association.RouteTableAssociation;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroupIngress;
import com.hashicorp.cdktf.providers.aws.subnet.Subnet;
import com.hashicorp.cdktf.providers.aws.vpc.Vpc;
import com.hashicorp.cdktf.providers.aws.vpc_endpoint.VpcEndpoint;
import io.ecsforge.config.NetworkConfig.NatGateways;
import io.ecsforge.stacks.EnvironmentNames.NetworkNames;
import io.ecsforge.stacks.EnvironmentNames.Role;
import io.ecsforge.stacks.Shapes.OptionalBlock;
import io.ecsforge.stacks.Shapes.Repeated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The VPC: a public and a private subnet in each of {@code azCount} zones, an internet gateway
 * for the public ones, NAT gateways for the private ones as {@code natGateways} says, flow logs
 * and, when asked for, the endpoints that let tasks reach ECR, CloudWatch Logs, Secrets Manager
 * and SSM without leaving the VPC. The network stack and the network module are both this part:
 * its resources are made directly in the given scope, with the ids the stack has always had.
 */
public final class VpcNetwork {
    /**
     * Interface endpoints: what a Fargate task in a private subnet calls before it starts (pull
     * the image, write logs, read its secrets from Secrets Manager or SSM Parameter Store). Image
     * layers come from S3, through the gateway endpoint.
     */
    public static final List<String> INTERFACE_ENDPOINTS = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm");

    /** The outputs, with what each gives. */
    public static final Map<String, String> OUTPUTS = outputs();

    private static final List<String> NAT_CHOICES = List.of(NatGateways.NONE, NatGateways.SINGLE, NatGateways.ONE_PER_AZ)
            .stream().map(NatGateways::yamlName).toList();
    private static final String ANYWHERE = "0.0.0.0/0";
    private static final int HTTPS = 443;

    private final Construct scope;
    private final NetworkSettings settings;
    private final NetworkNames names;
    private final Shapes shapes;
    private final Vpc vpc;
    private final Repeated publicSubnets;
    private final Repeated privateSubnets;
    private final Repeated privateRouteTables;
    private final Repeated nats;
    /** Whether there may be NAT gateways; false only when the configuration says none. */
    private final Setting<Boolean> natGateways;

    public VpcNetwork(Construct scope, NetworkSettings settings, Shapes shapes) {
        this.scope = scope;
        this.settings = settings;
        this.names = settings.names();
        this.shapes = shapes;
        String nat = settings.natGateways().label();
        this.natGateways = byNat(Setting.of(false, nat), Setting.of(true, nat), Setting.of(true, nat));

        vpc = Vpc.Builder.create(scope, "vpc")
                .cidrBlock(settings.cidr().value())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Map.of("Name", names.vpc()))
                .build();
        // Adopting the default group strips its rules: nothing can use it by accident.
        DefaultSecurityGroup.Builder.create(scope, "default_security_group")
                .vpcId(vpc.getId())
                .ingress(List.of())
                .egress(List.of())
                .build();

        InternetGateway igw = InternetGateway.Builder.create(scope, "igw")
                .vpcId(vpc.getId())
                .tags(Map.of("Name", names.vpc()))
                .build();
        DataAwsAvailabilityZones zones = zones();
        publicSubnets = subnets("public", zones);
        privateSubnets = subnets("private", zones);
        nats = natGateways(igw);
        privateRouteTables = routes(igw);
        shapes.optional(settings.flowLogs(), this::flowLogs);
        shapes.optional(settings.vpcEndpoints(), this::endpoints);
    }

    /** The case for the configured {@code natGateways}: none, single or one-per-az. */
    private <T> Setting<T> byNat(Setting<T> none, Setting<T> single, Setting<T> onePerAz) {
        return Setting.select(settings.natGateways(), NAT_CHOICES, List.of(none, single, onePerAz));
    }

    private static Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("vpc_id", "The VPC's id.");
        outputs.put("vpc_cidr", "The VPC's block.");
        outputs.put("public_subnet_ids", "The public subnets' ids, one a zone, in zone order.");
        outputs.put("private_subnet_ids", "The private subnets' ids, one a zone, in zone order.");
        outputs.put("nat_public_ips", "The NAT gateways' public addresses, which outbound calls from the private"
                + " subnets come from (for third parties to allowlist); empty without NAT gateways.");
        return Map.copyOf(outputs);
    }

    /**
     * The outputs. A stack's carry no description: adding one would change every stack's JSON,
     * and users' plans with it.
     */
    public void outputs(boolean described) {
        output("vpc_id", vpc.getId(), described);
        output("vpc_cidr", vpc.getCidrBlock(), described);
        output("public_subnet_ids", publicSubnetIds(), described);
        output("private_subnet_ids", privateSubnetIds(), described);
        if (natGateways.mayBeTrue()) {
            // Outbound calls from the tasks come from these addresses; third parties allowlist them.
            output("nat_public_ips", nats.all("public_ip"), described);
        }
    }

    private void output(String name, Object value, boolean described) {
        TerraformOutput.Builder output = TerraformOutput.Builder.create(scope, name).value(value);
        if (described) {
            output.description(OUTPUTS.get(name));
        }
        output.build();
    }

    public String vpcId() {
        return vpc.getId();
    }

    /** One a zone, in zone order. */
    public List<String> publicSubnetIds() {
        return publicSubnets.all("id");
    }

    /** One a zone, in zone order. */
    public List<String> privateSubnetIds() {
        return privateSubnets.all("id");
    }

    /** The NAT gateways' public addresses, in index order: none, one, or one a zone. */
    public List<String> natPublicIps() {
        return nats.all("public_ip");
    }

    /**
     * Zones come from the region's list rather than from names built from the region, since
     * which zones an account has differs between accounts. Pinned zones narrow the list to
     * themselves, so that a zone AWS adds later cannot change it.
     */
    private DataAwsAvailabilityZones zones() {
        Setting<Number> azCount = settings.azCount();
        Setting<List<String>> pinned = settings.availabilityZones();
        Setting<Boolean> isPinned = pinned.isLiteral() ? Setting.of(!pinned.literal().isEmpty(), pinned.label())
                : Setting.expression("length(" + pinned.expression() + ") > 0", false, pinned.label());
        List<Postcondition> checks = new ArrayList<>();
        checks.add(Postcondition.builder()
                .condition("${length(self.names) >= " + azCount.expression() + "}")
                .errorMessage(azCount.label() + " is " + azCount.text() + " but the region has fewer"
                        + " available availability zones; lower " + azCount.label())
                .build());
        if (isPinned.mayBeTrue()) {
            String allThere = isPinned.isLiteral() ? "length(self.names) == " + pinned.literal().size()
                    : "!(" + isPinned.expression() + ") || length(self.names) == length(" + pinned.expression() + ")";
            checks.add(Postcondition.builder()
                    .condition("${" + allThere + "}")
                    .errorMessage(pinned.label() + " names a zone this account does not have available in the region;"
                            + " allowed: zones that aws ec2 describe-availability-zones lists as available")
                    .build());
        }
        // Local and Wavelength Zones an account opted in to are not full zones.
        List<DataAwsAvailabilityZonesFilter> filters = new ArrayList<>(List.of(DataAwsAvailabilityZonesFilter.builder()
                .name("opt-in-status").values(List.of("opt-in-not-required")).build()));
        DataAwsAvailabilityZones.Builder zones = DataAwsAvailabilityZones.Builder.create(scope, "zones")
                .state("available")
                .lifecycle(TerraformResourceLifecycle.builder().postcondition(checks).build());
        return shapes.withBlocks(() -> zones.filter(filters).build(), List.of(new OptionalBlock(isPinned,
                () -> filters.add(DataAwsAvailabilityZonesFilter.builder().name("zone-name").values(pinned.literal()).build()),
                "filter", Map.of("name", Setting.of("zone-name", pinned.label()), "values", pinned))));
    }

    /**
     * One subnet of {@code tier} a zone. A subnet keeps the zone it was made in: when the list
     * changes (a zone added or impaired), the subnets are not moved, which would replace them and
     * everything in them.
     */
    private Repeated subnets(String tier, DataAwsAvailabilityZones zones) {
        Setting<List<String>> blocks = tier.equals("public") ? settings.publicSubnets() : settings.privateSubnets();
        TerraformResourceLifecycle keepZone = TerraformResourceLifecycle.builder()
                .ignoreChanges(List.of("availability_zone"))
                .build();
        return shapes.repeat(tier, settings.azCount(), zone -> Subnet.Builder.create(scope, zone.id())
                .vpcId(vpc.getId())
                .cidrBlock(Setting.element(blocks, zone.index()).value())
                .availabilityZone(Token.asString(Fn.element(zones.getNames(), zone.index().value())))
                // Only load balancers and NAT gateways live in public subnets, and both get their own
                // addresses; nothing in a private one should have one.
                .mapPublicIpOnLaunch(false)
                .lifecycle(keepZone)
                .tags(Map.of("Name", names.subnet(tier, zone.index().text())))
                .build());
    }

    /** None, one in the first public subnet, or one in each public subnet. */
    private Repeated natGateways(InternetGateway igw) {
        String label = settings.natGateways().label();
        Setting<Number> count = byNat(Setting.of(0, label), Setting.of(1, label), settings.azCount());
        // A NAT gateway's address works only once the VPC has its internet gateway.
        Repeated addresses = shapes.repeat("nat_eip", count, nat -> Eip.Builder.create(scope, nat.id())
                .domain("vpc")
                .dependsOn(List.of(igw))
                .tags(Map.of("Name", names.natGateway(nat.index().text())))
                .build());
        return shapes.repeat("nat", count, nat -> NatGateway.Builder.create(scope, nat.id())
                .allocationId(addresses.at(nat.index(), "id"))
                .subnetId(publicSubnets.at(nat.index(), "id"))
                .dependsOn(List.of(igw))
                .tags(Map.of("Name", names.natGateway(nat.index().text())))
                .build());
    }

    /**
     * One public route table to the internet gateway; one private route table a zone, so that
     * moving from one NAT gateway to one a zone changes routes only. Routes are resources of
     * their own, not inline blocks, so that other stacks could add routes to these tables.
     */
    private Repeated routes(InternetGateway igw) {
        RouteTable publicRoutes = RouteTable.Builder.create(scope, "public_routes")
                .vpcId(vpc.getId())
                .tags(Map.of("Name", names.publicRouteTable()))
                .build();
        Route.Builder.create(scope, "public_internet_route")
                .routeTableId(publicRoutes.getId())
                .destinationCidrBlock(ANYWHERE)
                .gatewayId(igw.getId())
                .build();
        shapes.repeat("public_association", settings.azCount(), zone -> RouteTableAssociation.Builder.create(scope, zone.id())
                .subnetId(publicSubnets.at(zone.index(), "id"))
                .routeTableId(publicRoutes.getId())
                .build());
        Repeated privateRoutes = shapes.repeat("private_routes", settings.azCount(), zone -> RouteTable.Builder
                .create(scope, zone.id())
                .vpcId(vpc.getId())
                .tags(Map.of("Name", names.subnet("private", zone.index().text())))
                .build());
        String nat = settings.natGateways().label();
        Setting<Number> none = Setting.of(0, nat);
        // Every zone's private table routes to its own NAT gateway, or to the only one.
        shapes.repeat("private_nat_route", byNat(none, settings.azCount(), settings.azCount()), zone -> Route.Builder
                .create(scope, zone.id())
                .routeTableId(privateRoutes.at(zone.index(), "id"))
                .destinationCidrBlock(ANYWHERE)
                .natGatewayId(nats.at(byNat(none, none, zone.index()), "id"))
                .build());
        shapes.repeat("private_association", settings.azCount(), zone -> RouteTableAssociation.Builder.create(scope, zone.id())
                .subnetId(privateSubnets.at(zone.index(), "id"))
                .routeTableId(privateRoutes.at(zone.index(), "id"))
                .build());
        return privateRoutes;
    }

    /**
     * Flow logs to a log group with the configured retention, encrypted with the configured key or,
     * without one, by CloudWatch Logs itself. The flow logs service writes through CloudWatch Logs,
     * which uses the key, so its role needs no KMS permission.
     */
    private void flowLogs() {
        AwsArns arns = settings.arns().get();
        CloudwatchLogGroup group = CloudwatchLogGroup.Builder.create(scope, "flow_logs_group")
                .name(names.flowLogGroup())
                .retentionInDays(settings.flowLogRetentionDays().value())
                .kmsKeyId(settings.flowLogKey().keyId(scope, "flow_logs_kms_key"))
                .build();
        // The service may act only for this account's flow logs (the confused-deputy guard).
        DataAwsIamPolicyDocument trust = PolicyBuilder.document(scope, "flow_logs_trust", List.of(
                PolicyBuilder.assumedBy("Service", "vpc-flow-logs.amazonaws.com")
                        .when("StringEquals", "aws:SourceAccount", arns.account())
                        .when("ArnLike", "aws:SourceArn", arns.regional("ec2", "vpc-flow-log/*"))
                        .build()));
        RoleBuilder roles = new RoleBuilder(scope);
        IamRole role = roles.role("flow_logs_role", names.flowLogsRole(), trust.getJson());
        roles.inlinePolicy("flow_logs_write", "flow_logs_policy", Role.FLOW_LOGS.policyName(), role, List.of(
                PolicyBuilder.allow("WriteFlowLogsToItsGroupOnly",
                        List.of("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"),
                        List.of(group.getArn(), group.getArn() + ":log-stream:*"))));
        FlowLog.Builder.create(scope, "flow_logs")
                .vpcId(vpc.getId())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(group.getArn())
                .iamRoleArn(role.getArn())
                .tags(Map.of("Name", names.vpc()))
                .build();
    }

    /**
     * An S3 gateway endpoint on the private route tables and interface endpoints in the private
     * subnets, reachable on 443 from inside the VPC only. With private DNS the usual service
     * names resolve to the endpoints, so tasks need no configuration.
     */
    private void endpoints() {
        String region = settings.region().value();
        VpcEndpoint.Builder.create(scope, "s3_endpoint")
                .vpcId(vpc.getId())
                .serviceName("com.amazonaws." + region + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(privateRouteTables.all("id"))
                .tags(Map.of("Name", names.vpcEndpoint("s3")))
                .build();
        SecurityGroup endpointGroup = SecurityGroup.Builder.create(scope, "endpoints_security_group")
                .name(names.vpcEndpointsSecurityGroup())
                .description("HTTPS from inside the VPC to its interface endpoints")
                .vpcId(vpc.getId())
                .ingress(List.of(SecurityGroupIngress.builder()
                        .description("HTTPS from the VPC")
                        .protocol("tcp")
                        .fromPort(HTTPS)
                        .toPort(HTTPS)
                        .cidrBlocks(List.of(settings.cidr().value()))
                        .build()))
                .tags(Map.of("Name", names.vpcEndpointsSecurityGroup()))
                .build();
        INTERFACE_ENDPOINTS.forEach(service -> VpcEndpoint.Builder.create(scope, service.replace('.', '_') + "_endpoint")
                .vpcId(vpc.getId())
                .serviceName("com.amazonaws." + region + "." + service)
                .vpcEndpointType("Interface")
                .subnetIds(privateSubnetIds())
                .securityGroupIds(List.of(endpointGroup.getId()))
                .privateDnsEnabled(true)
                .tags(Map.of("Name", names.vpcEndpoint(service)))
                .build());
    }
}
