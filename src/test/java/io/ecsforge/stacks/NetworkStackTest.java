package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.TerraformOutput;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network stacks of the examples: dev (two zones, one NAT gateway, no endpoints) and prod
 * (three zones, a NAT gateway a zone, endpoints), and of variants of dev made here.
 */
class NetworkStackTest {
    private final Resources dev = Synthesized.examples().resources("webapp-dev-network");
    private final Resources prod = Synthesized.examples().resources("webapp-prod-network");

    /**
     * Variants of dev.yaml, synthesized together: "nonat" with natGateways: none (and the
     * endpoints its tasks then need) and no account id, "nologs" with flowLogs: false.
     */
    private static Synthesized variants;

    private static synchronized Synthesized variants() {
        if (variants == null) {
            String nonat = devYaml()
                    .replace("environment: dev", "environment: nonat")
                    .replace("natGateways: single", "natGateways: none")
                    .replace("vpcEndpoints: false", "vpcEndpoints: true")
                    .replace("accountId: \"123456789012\"", "accountId: null");
            String nologs = devYaml()
                    .replace("environment: dev", "environment: nologs")
                    .replace("flowLogs: true", "flowLogs: false");
            variants = Synthesized.of(List.of(
                    ConfigLoader.parse("nonat.yaml", nonat, "nonat"),
                    ConfigLoader.parse("nologs.yaml", nologs, "nologs")));
        }
        return variants;
    }

    private static String devYaml() {
        try {
            return Files.readString(Repo.config().resolve("dev.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void vpcHasTheConfiguredCidrWithDnsSupportAndHostnames() {
        JsonNode vpc = dev.resource("aws_vpc", "vpc");
        assertAt(vpc, "cidr_block", "10.0.0.0/16");
        assertAt(vpc, "enable_dns_support", true);
        assertAt(vpc, "enable_dns_hostnames", true);
        assertAt(prod.resource("aws_vpc", "vpc"), "cidr_block", "10.20.0.0/16");
    }

    @Test
    void eachZoneGetsOnePublicAndOnePrivateSubnetWithTheComputedCidrs() {
        assertSubnets(dev, "public", List.of("10.0.0.0/20", "10.0.16.0/20"));
        assertSubnets(dev, "private", List.of("10.0.128.0/20", "10.0.144.0/20"));
        assertSubnets(prod, "public", List.of("10.20.0.0/20", "10.20.16.0/20", "10.20.32.0/20"));
        assertSubnets(prod, "private", List.of("10.20.128.0/20", "10.20.144.0/20", "10.20.160.0/20"));
    }

    private static void assertSubnets(Resources stack, String tier, List<String> cidrs) {
        assertTrue(cidrs.size() >= 2, "every example has at least two zones: " + cidrs);
        List<String> names = new ArrayList<>();
        for (int i = 0; i < cidrs.size(); i++) {
            names.add(tier + "_" + i);
        }
        List<String> found = stack.ofType("aws_subnet").stream().map(Map.Entry::getKey).filter(n -> n.startsWith(tier + "_")).toList();
        assertEquals(names, found, () -> Resources.show(stack.json().path("resource").path("aws_subnet")));
        for (int i = 0; i < cidrs.size(); i++) {
            JsonNode subnet = stack.resource("aws_subnet", tier + "_" + i);
            assertAt(subnet, "cidr_block", cidrs.get(i));
            assertAt(subnet, "vpc_id", "${aws_vpc.vpc.id}");
        }
    }

    @Test
    void subnetsOfTheSameIndexShareTheZoneOfThatIndexInTheAvailableZoneList() {
        for (int i = 0; i < 3; i++) {
            String zone = "${element(data.aws_availability_zones.zones.names, " + i + ")}";
            assertAt(prod.resource("aws_subnet", "public_" + i), "availability_zone", zone);
            assertAt(prod.resource("aws_subnet", "private_" + i), "availability_zone", zone);
        }
    }

    @Test
    void zoneListHoldsOnlyAvailableFullZones() {
        JsonNode zones = dev.data("aws_availability_zones", "zones");
        assertAt(zones, "state", "available");
        assertAt(zones, "filter", List.of(Map.of("name", "opt-in-status", "values", List.of("opt-in-not-required"))));
        assertEquals(1, zones.path("lifecycle").path("postcondition").size(), () -> Resources.show(zones));
    }

    @Test
    void pinnedZonesNarrowTheZoneListToThemselves() {
        JsonNode zones = prod.data("aws_availability_zones", "zones");
        assertAt(zones, "state", "available");
        assertAt(zones, "filter", List.of(
                Map.of("name", "opt-in-status", "values", List.of("opt-in-not-required")),
                Map.of("name", "zone-name", "values", List.of("us-east-1a", "us-east-1b", "us-east-1c"))));
    }

    @Test
    void planFailsWhenAPinnedZoneIsNotAvailableToTheAccount() {
        JsonNode check = prod.data("aws_availability_zones", "zones").path("lifecycle").path("postcondition").path(1);
        assertAt(check, "condition", "${length(self.names) == 3}");
        assertAt(check, "error_message", "network.availabilityZones names a zone this account does not have available in"
                + " the region; allowed: zones that aws ec2 describe-availability-zones lists as available");
    }

    @Test
    void subnetsKeepTheirZoneWhenTheZoneListChanges() {
        for (String subnet : List.of("public_0", "public_2", "private_0", "private_2")) {
            assertAt(prod.resource("aws_subnet", subnet), "lifecycle.ignore_changes", List.of("availability_zone"));
        }
    }

    @Test
    void planFailsWhenTheRegionHasFewerZonesThanAzCount() {
        JsonNode check = prod.data("aws_availability_zones", "zones").path("lifecycle").path("postcondition").path(0);
        assertAt(check, "condition", "${length(self.names) >= 3}");
        assertAt(check, "error_message",
                "network.azCount is 3 but the region has fewer available availability zones; lower network.azCount");
    }

    @Test
    void noSubnetAssignsPublicAddressesOnLaunch() {
        assertEquals(6, prod.ofType("aws_subnet").size(), () -> Resources.show(prod.json().path("resource").path("aws_subnet")));
        for (Map.Entry<String, JsonNode> subnet : prod.ofType("aws_subnet")) {
            assertAt(subnet.getValue(), "map_public_ip_on_launch", false);
        }
    }

    @Test
    void publicSubnetsShareOneRouteTableWhoseDefaultRouteIsTheInternetGateway() {
        assertAt(prod.resource("aws_internet_gateway", "igw"), "vpc_id", "${aws_vpc.vpc.id}");
        JsonNode route = prod.resource("aws_route", "public_internet_route");
        assertAt(route, "route_table_id", "${aws_route_table.public_routes.id}");
        assertAt(route, "destination_cidr_block", "0.0.0.0/0");
        assertAt(route, "gateway_id", "${aws_internet_gateway.igw.id}");
        for (int i = 0; i < 3; i++) {
            JsonNode association = prod.resource("aws_route_table_association", "public_association_" + i);
            assertAt(association, "subnet_id", "${aws_subnet.public_" + i + ".id}");
            assertAt(association, "route_table_id", "${aws_route_table.public_routes.id}");
        }
    }

    @Test
    void eachPrivateSubnetHasARouteTableOfItsOwn() {
        for (int i = 0; i < 3; i++) {
            JsonNode association = prod.resource("aws_route_table_association", "private_association_" + i);
            assertAt(association, "subnet_id", "${aws_subnet.private_" + i + ".id}");
            assertAt(association, "route_table_id", "${aws_route_table.private_routes_" + i + ".id}");
        }
        assertEquals(4, prod.count("aws_route_table"), () -> Resources.show(prod.json().path("resource").path("aws_route_table")));
    }

    @Test
    void singleNatGatewaySitsInTheFirstPublicSubnetAndServesEveryZone() {
        assertEquals(1, dev.count("aws_nat_gateway"), () -> Resources.show(dev.json().path("resource").path("aws_nat_gateway")));
        JsonNode nat = dev.resource("aws_nat_gateway", "nat_0");
        assertAt(nat, "subnet_id", "${aws_subnet.public_0.id}");
        assertAt(nat, "allocation_id", "${aws_eip.nat_eip_0.id}");
        for (int i = 0; i < 2; i++) {
            JsonNode route = dev.resource("aws_route", "private_nat_route_" + i);
            assertAt(route, "route_table_id", "${aws_route_table.private_routes_" + i + ".id}");
            assertAt(route, "destination_cidr_block", "0.0.0.0/0");
            assertAt(route, "nat_gateway_id", "${aws_nat_gateway.nat_0.id}");
        }
    }

    @Test
    void onePerAzGivesEachZoneItsOwnNatGatewayInItsPublicSubnet() {
        assertEquals(3, prod.count("aws_nat_gateway"), () -> Resources.show(prod.json().path("resource").path("aws_nat_gateway")));
        for (int i = 0; i < 3; i++) {
            JsonNode nat = prod.resource("aws_nat_gateway", "nat_" + i);
            assertAt(nat, "subnet_id", "${aws_subnet.public_" + i + ".id}");
            assertAt(nat, "allocation_id", "${aws_eip.nat_eip_" + i + ".id}");
            assertAt(prod.resource("aws_route", "private_nat_route_" + i), "nat_gateway_id", "${aws_nat_gateway.nat_" + i + ".id}");
        }
    }

    @Test
    void natAddressesAreVpcAddressesMadeAfterTheInternetGateway() {
        JsonNode ip = prod.resource("aws_eip", "nat_eip_1");
        assertAt(ip, "domain", "vpc");
        assertAt(ip, "depends_on", List.of("aws_internet_gateway.igw"));
        assertAt(prod.resource("aws_nat_gateway", "nat_1"), "depends_on", List.of("aws_internet_gateway.igw"));
    }

    @Test
    void noneCreatesNoNatGatewaysAndLeavesPrivateRouteTablesWithoutADefaultRoute() {
        Resources none = variants().resources("webapp-nonat-network");
        assertEquals(0, none.count("aws_nat_gateway"), () -> Resources.show(none.json().path("resource")));
        assertEquals(0, none.count("aws_eip"), () -> Resources.show(none.json().path("resource")));
        List<String> routes = none.ofType("aws_route").stream().map(Map.Entry::getKey).toList();
        assertEquals(List.of("public_internet_route"), routes, () -> Resources.show(none.json().path("resource").path("aws_route")));
        assertTrue(none.has("aws_route_table", "private_routes_1"), () -> Resources.show(none.json().path("resource").path("aws_route_table")));
        assertFalse(none.json().path("output").has("nat_public_ips"), () -> Resources.show(none.json().path("output")));
    }

    @Test
    void flowLogsCaptureAllTrafficIntoTheirLogGroup() {
        JsonNode flowLog = dev.resource("aws_flow_log", "flow_logs");
        assertAt(flowLog, "vpc_id", "${aws_vpc.vpc.id}");
        assertAt(flowLog, "traffic_type", "ALL");
        assertAt(flowLog, "log_destination_type", "cloud-watch-logs");
        assertAt(flowLog, "log_destination", "${aws_cloudwatch_log_group.flow_logs_group.arn}");
        assertAt(flowLog, "iam_role_arn", "${aws_iam_role.flow_logs_role.arn}");
    }

    @Test
    void prodsFlowLogGroupIsEncryptedWithTheStateKeyLookedUpByItsAlias() {
        assertAt(prod.data("aws_kms_alias", "flow_logs_kms_key"), "name", "alias/webapp-prod-state");
        assertAt(prod.resource("aws_cloudwatch_log_group", "flow_logs_group"), "kms_key_id",
                "${data.aws_kms_alias.flow_logs_kms_key.target_key_arn}");
    }

    @Test
    void flowLogGroupGivenAKeyArnIsEncryptedWithThatKeyAndLooksNothingUp() throws IOException {
        String key = "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";
        String yaml = Files.readString(Repo.config().resolve("dev.yaml"))
                .replace("  flowLogs: true\n", "  flowLogs: true\n  flowLogKmsKey: \"" + key + "\"\n");
        Resources network = Synthesized.of(List.of(ConfigLoader.parse("config/dev.yaml", yaml, "dev"))).resources("webapp-dev-network");

        assertAt(network.resource("aws_cloudwatch_log_group", "flow_logs_group"), "kms_key_id", key);
        assertEquals(0, network.json().path("data").path("aws_kms_alias").size(), () -> Resources.show(network.json().path("data")));
    }

    @Test
    void flowLogGroupKeepsRecordsForTheConfiguredDays() {
        JsonNode devGroup = dev.resource("aws_cloudwatch_log_group", "flow_logs_group");
        assertAt(devGroup, "name", "/vpc/webapp-dev/flow-logs");
        assertAt(devGroup, "retention_in_days", 90);
        assertAt(prod.resource("aws_cloudwatch_log_group", "flow_logs_group"), "retention_in_days", 365);
    }

    @Test
    void flowLogRoleCanBeAssumedOnlyByTheFlowLogsServiceActingForThisAccount() {
        assertAt(dev.resource("aws_iam_role", "flow_logs_role"), "assume_role_policy",
                "${data.aws_iam_policy_document.flow_logs_trust.json}");
        JsonNode statement = dev.data("aws_iam_policy_document", "flow_logs_trust").path("statement").path(0);
        assertAt(statement, "actions", List.of("sts:AssumeRole"));
        assertAt(statement, "principals", List.of(Map.of("type", "Service", "identifiers", List.of("vpc-flow-logs.amazonaws.com"))));
        assertAt(statement, "condition[0]", Map.of("test", "StringEquals", "variable", "aws:SourceAccount", "values", List.of("123456789012")));
        assertAt(statement, "condition[1]", Map.of("test", "ArnLike", "variable", "aws:SourceArn", "values",
                List.of("arn:${data.aws_partition.partition.partition}:ec2:us-east-1:123456789012:vpc-flow-log/*")));
    }

    @Test
    void flowLogRoleTakesTheAccountFromTheCallerWhenTheConfigNamesNone() {
        JsonNode statement = variants().resources("webapp-nonat-network").data("aws_iam_policy_document", "flow_logs_trust").path("statement").path(0);
        assertAt(statement, "condition[0].values", List.of("${data.aws_caller_identity.account.account_id}"));
    }

    @Test
    void flowLogRoleMayOnlyWriteToItsOwnLogGroup() {
        JsonNode policy = dev.resource("aws_iam_role_policy", "flow_logs_policy");
        assertAt(policy, "role", "${aws_iam_role.flow_logs_role.id}");
        assertAt(policy, "policy", "${data.aws_iam_policy_document.flow_logs_write.json}");
        JsonNode statements = dev.data("aws_iam_policy_document", "flow_logs_write").path("statement");
        assertEquals(1, statements.size(), () -> Resources.show(statements));
        assertAt(statements, "[0].effect", "Allow");
        assertAt(statements, "[0].actions", List.of("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"));
        assertAt(statements, "[0].resources", List.of("${aws_cloudwatch_log_group.flow_logs_group.arn}",
                "${aws_cloudwatch_log_group.flow_logs_group.arn}:log-stream:*"));
    }

    @Test
    void flowLogsOffLeavesNoFlowLogGroupOrRole() {
        Resources off = variants().resources("webapp-nologs-network");
        for (String type : List.of("aws_flow_log", "aws_cloudwatch_log_group", "aws_iam_role", "aws_iam_role_policy")) {
            assertEquals(0, off.count(type), () -> type + " in " + Resources.show(off.json().path("resource")));
        }
    }

    @Test
    void defaultSecurityGroupIsAdoptedWithEveryRuleRemoved() {
        JsonNode group = dev.resource("aws_default_security_group", "default_security_group");
        assertAt(group, "vpc_id", "${aws_vpc.vpc.id}");
        assertAt(group, "ingress", List.of());
        assertAt(group, "egress", List.of());
    }

    @Test
    void noEndpointsWhenVpcEndpointsIsOff() {
        assertEquals(0, dev.count("aws_vpc_endpoint"), () -> Resources.show(dev.json().path("resource").path("aws_vpc_endpoint")));
        assertEquals(0, dev.count("aws_security_group"), () -> Resources.show(dev.json().path("resource").path("aws_security_group")));
    }

    @Test
    void s3GatewayEndpointIsOnEveryPrivateRouteTable() {
        JsonNode s3 = prod.resource("aws_vpc_endpoint", "s3_endpoint");
        assertAt(s3, "service_name", "com.amazonaws.us-east-1.s3");
        assertAt(s3, "vpc_endpoint_type", "Gateway");
        assertAt(s3, "route_table_ids", List.of("${aws_route_table.private_routes_0.id}",
                "${aws_route_table.private_routes_1.id}", "${aws_route_table.private_routes_2.id}"));
    }

    @Test
    void interfaceEndpointsForImagesLogsAndSecretsSitInThePrivateSubnetsWithPrivateDns() {
        Map<String, String> services = Map.of("ecr_api_endpoint", "ecr.api", "ecr_dkr_endpoint", "ecr.dkr",
                "logs_endpoint", "logs", "secretsmanager_endpoint", "secretsmanager", "ssm_endpoint", "ssm");
        assertEquals(services.size() + 1, prod.count("aws_vpc_endpoint"),
                () -> Resources.show(prod.json().path("resource").path("aws_vpc_endpoint")));
        services.forEach((id, service) -> {
            JsonNode endpoint = prod.resource("aws_vpc_endpoint", id);
            assertAt(endpoint, "service_name", "com.amazonaws.us-east-1." + service);
            assertAt(endpoint, "vpc_endpoint_type", "Interface");
            assertAt(endpoint, "private_dns_enabled", true);
            assertAt(endpoint, "subnet_ids", List.of("${aws_subnet.private_0.id}", "${aws_subnet.private_1.id}",
                    "${aws_subnet.private_2.id}"));
            assertAt(endpoint, "security_group_ids", List.of("${aws_security_group.endpoints_security_group.id}"));
        });
    }

    @Test
    void endpointSecurityGroupAdmitsOnlyHttpsFromTheVpc() {
        JsonNode group = prod.resource("aws_security_group", "endpoints_security_group");
        assertAt(group, "vpc_id", "${aws_vpc.vpc.id}");
        JsonNode ingress = group.path("ingress");
        assertEquals(1, ingress.size(), () -> Resources.show(group));
        assertAt(ingress, "[0].protocol", "tcp");
        assertAt(ingress, "[0].from_port", 443);
        assertAt(ingress, "[0].to_port", 443);
        assertAt(ingress, "[0].cidr_blocks", List.of("10.20.0.0/16"));
        assertFalse(group.has("egress"), () -> "an egress rule in " + Resources.show(group));
    }

    @Test
    void outputsGiveTheVpcAndTheSubnetIdsInZoneOrder() {
        JsonNode outputs = dev.json().path("output");
        assertAt(outputs, "vpc_id.value", "${aws_vpc.vpc.id}");
        assertAt(outputs, "vpc_cidr.value", "${aws_vpc.vpc.cidr_block}");
        assertAt(outputs, "public_subnet_ids.value", List.of("${aws_subnet.public_0.id}", "${aws_subnet.public_1.id}"));
        assertAt(outputs, "private_subnet_ids.value", List.of("${aws_subnet.private_0.id}", "${aws_subnet.private_1.id}"));
        assertAt(outputs, "nat_public_ips.value", List.of("${aws_nat_gateway.nat_0.public_ip}"));
    }

    @Test
    void networkIsAppliedAfterStateAndBeforeRegistry() {
        List<String> order = Synthesized.examples().stacks().get("dev");
        int state = order.indexOf("webapp-dev-state");
        int network = order.indexOf("webapp-dev-network");
        int registry = order.indexOf("webapp-dev-registry");
        assertTrue(state == 0 && state < network && network < registry, () -> "stack order: " + order);
    }

    /** What a later stack (the load balancer's, the service's) sees when it uses the getters. */
    @Test
    void anotherStackReadsTheVpcAndSubnetsFromTheNetworkStacksState(@TempDir Path out) throws IOException {
        EnvironmentConfig config = new ConfigLoader(Repo.config()).load("dev");
        App app = new App(AppConfig.builder().outdir(out.toString()).stackTraces(false).build());
        NetworkStack network = new NetworkStack(app, config);
        PlatformStack consumer = new PlatformStack(app, config, "consumer") {};
        TerraformOutput.Builder.create(consumer, "vpc").value(network.vpcId()).build();
        TerraformOutput.Builder.create(consumer, "subnets").value(network.privateSubnetIds()).build();
        TerraformOutput.Builder.create(consumer, "cidr").value(network.vpcCidr()).build();
        app.synth();

        JsonNode json = new ObjectMapper().readTree(out.resolve("stacks/webapp-dev-consumer/cdk.tf.json").toFile());
        JsonNode remote = json.path("data").path("terraform_remote_state");
        assertEquals(1, remote.size(), () -> Resources.show(json));
        JsonNode state = remote.elements().next();
        assertAt(state, "backend", "s3");
        assertAt(state, "config.key", "webapp/dev/network.tfstate");
        assertTrue(json.path("output").path("vpc").path("value").asText().contains("terraform_remote_state"),
                () -> Resources.show(json.path("output")));
        assertAt(json, "output.cidr.value", "10.0.0.0/16");
        assertEquals(2, network.privateSubnetIds().size(), () -> network.privateSubnetIds().toString());
    }
}
