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
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.NetworkConfig;
import io.ecsforge.config.NetworkConfig.NatGateways;
import io.ecsforge.stacks.EnvironmentNames.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The VPC: a public and a private subnet in each of {@code network.azCount} zones, an internet
 * gateway for the public ones, NAT gateways for the private ones as {@code network.natGateways}
 * says, flow logs and, when asked for, the endpoints that let tasks reach ECR, CloudWatch Logs,
 * Secrets Manager and SSM without leaving the VPC.
 */
public final class NetworkStack extends PlatformStack {
    /**
     * Interface endpoints: what a Fargate task in a private subnet calls before it starts (pull
     * the image, write logs, read its secrets from Secrets Manager or SSM Parameter Store). Image
     * layers come from S3, through the gateway endpoint.
     */
    static final List<String> INTERFACE_ENDPOINTS = List.of("ecr.api", "ecr.dkr", "logs", "secretsmanager", "ssm");

    private static final String ANYWHERE = "0.0.0.0/0";
    private static final int HTTPS = 443;

    private final NetworkConfig network;
    private final Vpc vpc;
    private final List<Subnet> publicSubnets = new ArrayList<>();
    private final List<Subnet> privateSubnets = new ArrayList<>();
    private final List<RouteTable> privateRouteTables = new ArrayList<>();

    public NetworkStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, EnvironmentNames.NETWORK);
        this.network = config.network();

        vpc = Vpc.Builder.create(this, "vpc")
                .cidrBlock(network.cidr())
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Map.of("Name", names().vpc()))
                .build();
        // Adopting the default group strips its rules: nothing can use it by accident.
        DefaultSecurityGroup.Builder.create(this, "default_security_group")
                .vpcId(vpc.getId())
                .ingress(List.of())
                .egress(List.of())
                .build();

        InternetGateway igw = InternetGateway.Builder.create(this, "igw")
                .vpcId(vpc.getId())
                .tags(Map.of("Name", names().vpc()))
                .build();
        subnets();
        List<NatGateway> nats = natGateways(igw);
        routes(igw, nats);
        if (network.flowLogs()) {
            flowLogs();
        }
        if (network.vpcEndpoints()) {
            endpoints();
        }

        TerraformOutput.Builder.create(this, "vpc_id").value(vpcId()).build();
        TerraformOutput.Builder.create(this, "vpc_cidr").value(vpc.getCidrBlock()).build();
        TerraformOutput.Builder.create(this, "public_subnet_ids").value(publicSubnetIds()).build();
        TerraformOutput.Builder.create(this, "private_subnet_ids").value(privateSubnetIds()).build();
        if (!nats.isEmpty()) {
            // Outbound calls from the tasks come from these addresses; third parties allowlist them.
            TerraformOutput.Builder.create(this, "nat_public_ips")
                    .value(nats.stream().map(NatGateway::getPublicIp).toList())
                    .build();
        }
    }

    public String vpcId() {
        return vpc.getId();
    }

    /**
     * The configured block itself rather than a reference: it is the same value, and security
     * groups in other stacks that admit the VPC then show it in their plans.
     */
    public String vpcCidr() {
        return network.cidr();
    }

    /** One a zone, in zone order. */
    public List<String> publicSubnetIds() {
        return publicSubnets.stream().map(Subnet::getId).toList();
    }

    /** One a zone, in zone order. */
    public List<String> privateSubnetIds() {
        return privateSubnets.stream().map(Subnet::getId).toList();
    }

    /**
     * Zones come from the region's list rather than from names built from the region, since
     * which zones an account has differs between accounts. A subnet keeps the zone it was made
     * in: when the list changes (a zone added or impaired), the subnets are not moved, which
     * would replace them and everything in them.
     */
    private void subnets() {
        int azCount = network.azCount();
        DataAwsAvailabilityZones zones = DataAwsAvailabilityZones.Builder.create(this, "zones")
                .state("available")
                // Local and Wavelength Zones an account opted in to are not full zones.
                .filter(List.of(DataAwsAvailabilityZonesFilter.builder()
                        .name("opt-in-status").values(List.of("opt-in-not-required")).build()))
                .lifecycle(TerraformResourceLifecycle.builder()
                        .postcondition(List.of(Postcondition.builder()
                                .condition("${length(self.names) >= " + azCount + "}")
                                .errorMessage("network.azCount is " + azCount + " but the region has fewer available"
                                        + " availability zones; lower network.azCount")
                                .build()))
                        .build())
                .build();
        TerraformResourceLifecycle keepZone = TerraformResourceLifecycle.builder()
                .ignoreChanges(List.of("availability_zone"))
                .build();
        for (int i = 0; i < azCount; i++) {
            String zone = Token.asString(Fn.element(zones.getNames(), i));
            publicSubnets.add(Subnet.Builder.create(this, "public_" + i)
                    .vpcId(vpc.getId())
                    .cidrBlock(network.publicSubnets().get(i))
                    .availabilityZone(zone)
                    // Only load balancers and NAT gateways live here, and both get their own addresses.
                    .mapPublicIpOnLaunch(false)
                    .lifecycle(keepZone)
                    .tags(Map.of("Name", names().subnet("public", i)))
                    .build());
            privateSubnets.add(Subnet.Builder.create(this, "private_" + i)
                    .vpcId(vpc.getId())
                    .cidrBlock(network.privateSubnets().get(i))
                    .availabilityZone(zone)
                    .mapPublicIpOnLaunch(false)
                    .lifecycle(keepZone)
                    .tags(Map.of("Name", names().subnet("private", i)))
                    .build());
        }
    }

    /** None, one in the first public subnet, or one in each public subnet. */
    private List<NatGateway> natGateways(InternetGateway igw) {
        int count = switch (network.natGateways()) {
            case NONE -> 0;
            case SINGLE -> 1;
            case ONE_PER_AZ -> network.azCount();
        };
        List<NatGateway> nats = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // A NAT gateway's address works only once the VPC has its internet gateway.
            Eip ip = Eip.Builder.create(this, "nat_eip_" + i)
                    .domain("vpc")
                    .dependsOn(List.of(igw))
                    .tags(Map.of("Name", names().natGateway(i)))
                    .build();
            nats.add(NatGateway.Builder.create(this, "nat_" + i)
                    .allocationId(ip.getId())
                    .subnetId(publicSubnets.get(i).getId())
                    .dependsOn(List.of(igw))
                    .tags(Map.of("Name", names().natGateway(i)))
                    .build());
        }
        return nats;
    }

    /**
     * One public route table to the internet gateway; one private route table a zone, so that
     * moving from one NAT gateway to one a zone changes routes only. Routes are resources of
     * their own, not inline blocks, so that other stacks could add routes to these tables.
     */
    private void routes(InternetGateway igw, List<NatGateway> nats) {
        RouteTable publicRoutes = RouteTable.Builder.create(this, "public_routes")
                .vpcId(vpc.getId())
                .tags(Map.of("Name", names().publicRouteTable()))
                .build();
        Route.Builder.create(this, "public_internet_route")
                .routeTableId(publicRoutes.getId())
                .destinationCidrBlock(ANYWHERE)
                .gatewayId(igw.getId())
                .build();
        for (int i = 0; i < publicSubnets.size(); i++) {
            RouteTableAssociation.Builder.create(this, "public_association_" + i)
                    .subnetId(publicSubnets.get(i).getId())
                    .routeTableId(publicRoutes.getId())
                    .build();
        }
        for (int i = 0; i < privateSubnets.size(); i++) {
            RouteTable privateRoutes = RouteTable.Builder.create(this, "private_routes_" + i)
                    .vpcId(vpc.getId())
                    .tags(Map.of("Name", names().subnet("private", i)))
                    .build();
            privateRouteTables.add(privateRoutes);
            if (!nats.isEmpty()) {
                Route.Builder.create(this, "private_nat_route_" + i)
                        .routeTableId(privateRoutes.getId())
                        .destinationCidrBlock(ANYWHERE)
                        .natGatewayId(nats.get(network.natGateways() == NatGateways.ONE_PER_AZ ? i : 0).getId())
                        .build();
            }
            RouteTableAssociation.Builder.create(this, "private_association_" + i)
                    .subnetId(privateSubnets.get(i).getId())
                    .routeTableId(privateRoutes.getId())
                    .build();
        }
    }

    /**
     * Flow logs to a log group with the configured retention. The group uses CloudWatch Logs'
     * own encryption at rest, not a customer key: records hold addresses and ports, not payloads,
     * and a key would need a key policy naming this group and outlive a destroy by its deletion
     * window.
     */
    private void flowLogs() {
        AwsArns arns = lookUpArnsInConfiguredAccount("account");
        CloudwatchLogGroup group = CloudwatchLogGroup.Builder.create(this, "flow_logs_group")
                .name(names().flowLogGroup())
                .retentionInDays(network.flowLogRetentionDays())
                .build();
        // The service may act only for this account's flow logs (the confused-deputy guard).
        DataAwsIamPolicyDocument trust = PolicyBuilder.document(this, "flow_logs_trust", List.of(
                PolicyBuilder.assumedBy("Service", "vpc-flow-logs.amazonaws.com")
                        .when("StringEquals", "aws:SourceAccount", arns.account())
                        .when("ArnLike", "aws:SourceArn", arns.regional("ec2", "vpc-flow-log/*"))
                        .build()));
        RoleBuilder roles = new RoleBuilder(this);
        IamRole role = roles.role("flow_logs_role", names().role(Role.FLOW_LOGS), trust.getJson());
        roles.inlinePolicy("flow_logs_write", "flow_logs_policy", Role.FLOW_LOGS.policyName(), role, List.of(
                PolicyBuilder.allow("WriteFlowLogsToItsGroupOnly",
                        List.of("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"),
                        List.of(group.getArn(), group.getArn() + ":log-stream:*"))));
        FlowLog.Builder.create(this, "flow_logs")
                .vpcId(vpc.getId())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(group.getArn())
                .iamRoleArn(role.getArn())
                .tags(Map.of("Name", names().vpc()))
                .build();
    }

    /**
     * An S3 gateway endpoint on the private route tables and interface endpoints in the private
     * subnets, reachable on 443 from inside the VPC only. With private DNS the usual service
     * names resolve to the endpoints, so tasks need no configuration.
     */
    private void endpoints() {
        String region = config().aws().region();
        VpcEndpoint.Builder.create(this, "s3_endpoint")
                .vpcId(vpc.getId())
                .serviceName("com.amazonaws." + region + ".s3")
                .vpcEndpointType("Gateway")
                .routeTableIds(privateRouteTables.stream().map(RouteTable::getId).toList())
                .tags(Map.of("Name", names().vpcEndpoint("s3")))
                .build();
        SecurityGroup endpointGroup = SecurityGroup.Builder.create(this, "endpoints_security_group")
                .name(names().vpcEndpointsSecurityGroup())
                .description("HTTPS from inside the VPC to its interface endpoints")
                .vpcId(vpc.getId())
                .ingress(List.of(SecurityGroupIngress.builder()
                        .description("HTTPS from the VPC")
                        .protocol("tcp")
                        .fromPort(HTTPS)
                        .toPort(HTTPS)
                        .cidrBlocks(List.of(network.cidr()))
                        .build()))
                .tags(Map.of("Name", names().vpcEndpointsSecurityGroup()))
                .build();
        INTERFACE_ENDPOINTS.forEach(service -> VpcEndpoint.Builder.create(this, service.replace('.', '_') + "_endpoint")
                .vpcId(vpc.getId())
                .serviceName("com.amazonaws." + region + "." + service)
                .vpcEndpointType("Interface")
                .subnetIds(privateSubnetIds())
                .securityGroupIds(List.of(endpointGroup.getId()))
                .privateDnsEnabled(true)
                .tags(Map.of("Name", names().vpcEndpoint(service)))
                .build());
    }
}
