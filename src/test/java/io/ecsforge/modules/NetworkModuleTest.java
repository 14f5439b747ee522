package io.ecsforge.modules;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The network module's document: one of each resource, counted by the variables, and the variables themselves. */
class NetworkModuleTest {
    private static final String NAT_COUNT =
            "${(var.nat_gateways == \"none\" ? 0 : (var.nat_gateways == \"single\" ? 1 : var.az_count))}";

    private final Resources network = BuiltModules.module("network");

    @Test
    void aModuleHasNoProviderNorBackendAndTheStacksProviderRange() {
        JsonNode json = network.json();
        assertFalse(json.has("provider"), () -> Resources.show(json.path("provider")));
        assertEquals(List.of("required_providers", "required_version"), fieldNames(json.path("terraform")));
        assertAt(json, "terraform.required_providers.aws", Map.of("source", "hashicorp/aws", "version", ">= 5.23.1, < 6.0.0"));
        assertAt(json, "terraform.required_version", ">= 1.10");
    }

    @Test
    void cdktfsMetadataIsLeftOut() {
        assertFalse(network.json().toString().contains("\"//\""), network.json()::toString);
    }

    @Test
    void eachSubnetIsOneResourceCountedByAzCountInTheZoneOfItsIndex() {
        JsonNode subnet = network.resource("aws_subnet", "public");
        assertAt(subnet, "count", "${var.az_count}");
        assertAt(subnet, "availability_zone", "${element(data.aws_availability_zones.zones.names, count.index)}");
        assertAt(subnet, "tags.Name", "${var.app}-${var.environment}-public-${count.index}");
        assertEquals(List.of("private", "public"), fieldNames(network.json().path("resource").path("aws_subnet")));
    }

    @Test
    void subnetsAreTheListedOnesOrSixteenthsOfTheVpcAsTheLoaderComputesThem() {
        assertAt(network.resource("aws_subnet", "public"), "cidr_block", "${(length(var.public_subnets) > 0 ? var.public_subnets"
                + " : [for zone in range(var.az_count) : cidrsubnet(var.cidr, 4, zone)])[count.index]}");
        assertAt(network.resource("aws_subnet", "private"), "cidr_block", "${(length(var.private_subnets) > 0 ?"
                + " var.private_subnets : [for zone in range(var.az_count) : cidrsubnet(var.cidr, 4, 8 + zone)])[count.index]}");
    }

    @Test
    void natGatewaysAreNoneOneOrOneAZoneAsNatGatewaysSays() {
        assertAt(network.resource("aws_eip", "nat_eip"), "count", NAT_COUNT);
        JsonNode nat = network.resource("aws_nat_gateway", "nat");
        assertAt(nat, "count", NAT_COUNT);
        assertAt(nat, "allocation_id", "${aws_eip.nat_eip[count.index].id}");
        assertAt(nat, "subnet_id", "${aws_subnet.public[count.index].id}");
    }

    @Test
    void eachPrivateZoneRoutesToItsOwnNatGatewayOrTheOnlyOne() {
        JsonNode route = network.resource("aws_route", "private_nat_route");
        assertAt(route, "count", "${(var.nat_gateways == \"none\" ? 0 : (var.nat_gateways == \"single\" ? var.az_count"
                + " : var.az_count))}");
        assertAt(route, "nat_gateway_id", "${aws_nat_gateway.nat[(var.nat_gateways == \"none\" ? 0 : (var.nat_gateways =="
                + " \"single\" ? 0 : count.index))].id}");
        assertAt(route, "route_table_id", "${aws_route_table.private_routes[count.index].id}");
    }

    @Test
    void flowLogsAndEveryResourceAndLookupTheyNeedComeWithFlowLogs() {
        for (String[] address : new String[][] {{"aws_cloudwatch_log_group", "flow_logs_group"}, {"aws_iam_role", "flow_logs_role"},
                {"aws_iam_role_policy", "flow_logs_policy"}, {"aws_flow_log", "flow_logs"}}) {
            assertAt(network.resource(address[0], address[1]), "count", "${var.flow_logs ? 1 : 0}");
        }
        for (String[] address : new String[][] {{"aws_partition", "partition"}, {"aws_caller_identity", "account"},
                {"aws_iam_policy_document", "flow_logs_trust"}, {"aws_iam_policy_document", "flow_logs_write"}}) {
            assertAt(network.data(address[0], address[1]), "count", "${var.flow_logs ? 1 : 0}");
        }
    }

    @Test
    void referencesToWhatFlowLogsMakeNameItsOnlyInstance() {
        JsonNode flowLog = network.resource("aws_flow_log", "flow_logs");
        assertAt(flowLog, "iam_role_arn", "${aws_iam_role.flow_logs_role[0].arn}");
        assertAt(flowLog, "log_destination", "${aws_cloudwatch_log_group.flow_logs_group[0].arn}");
        assertAt(network.resource("aws_iam_role_policy", "flow_logs_policy"), "role", "${aws_iam_role.flow_logs_role[0].id}");
        assertAt(network.data("aws_iam_policy_document", "flow_logs_trust").path("statement").path(0).path("condition").path(0),
                "values", List.of("${data.aws_caller_identity.account[0].account_id}"));
    }

    @Test
    void endpointsComeWithVpcEndpointsInEveryPrivateSubnetAndOnEveryPrivateRouteTable() {
        JsonNode ecr = network.resource("aws_vpc_endpoint", "ecr_api_endpoint");
        assertAt(ecr, "count", "${var.vpc_endpoints ? 1 : 0}");
        assertAt(ecr, "subnet_ids", "${aws_subnet.private[*].id}");
        assertAt(ecr, "security_group_ids", List.of("${aws_security_group.endpoints_security_group[0].id}"));
        assertAt(ecr, "service_name", "com.amazonaws.${data.aws_region.region.name}.ecr.api");
        assertAt(network.resource("aws_vpc_endpoint", "s3_endpoint"), "route_table_ids", "${aws_route_table.private_routes[*].id}");
        assertAt(network.resource("aws_security_group", "endpoints_security_group").path("ingress").path(0), "cidr_blocks",
                List.of("${var.cidr}"));
    }

    @Test
    void tooFewZonesOrAPinnedZoneNotAvailableStopThePlanNamingTheVariable() {
        assertAt(network.data("aws_availability_zones", "zones"), "lifecycle.postcondition", List.of(Map.of(
                "condition", "${length(self.names) >= var.az_count}",
                "error_message", "az_count is ${var.az_count} but the region has fewer available availability zones; lower"
                        + " az_count"), Map.of(
                "condition", "${!(length(var.availability_zones) > 0) || length(self.names) == length(var.availability_zones)}",
                "error_message", "availability_zones names a zone this account does not have available in the region;"
                        + " allowed: zones that aws ec2 describe-availability-zones lists as available")));
    }

    @Test
    void pinnedZonesAreADynamicZoneNameFilterBesideTheFullZonesFilter() {
        JsonNode zones = network.data("aws_availability_zones", "zones");
        assertAt(zones, "filter", List.of(Map.of("name", "opt-in-status", "values", List.of("opt-in-not-required"))));
        assertAt(zones, "dynamic.filter", Map.of("for_each", "${length(var.availability_zones) > 0 ? [1] : []}",
                "content", Map.of("name", "zone-name", "values", "${var.availability_zones}")));
    }

    @Test
    void availabilityZonesAreNoneByDefaultAndCheckedAsTheLoaderChecksThem() {
        JsonNode zones = network.json().path("variable").path("availability_zones");
        assertAt(zones, "type", "list(string)");
        assertAt(zones, "default", List.of());
        List<String> messages = new ArrayList<>();
        zones.path("validation").forEach(validation -> messages.add(validation.path("error_message").asText()));
        assertEquals(List.of(
                "${length(var.availability_zones)} zones given; allowed: ${var.az_count}, one for each zone of az_count",
                "\"${try([for zone in var.availability_zones : zone if !(can(regex(\"^(?:[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\\\d[a-z])$\","
                        + " zone)))][0], \"\")}\" is not allowed; allowed: an availability zone: the region's name and one letter,"
                        + " e.g. us-east-1a",
                "\"${try([for i, zone in var.availability_zones : zone if index(var.availability_zones, zone) != i][0], \"\")}\""
                        + " is given twice; allowed: each zone once"), messages);
    }

    @Test
    void everyNetworkKeyAndTheNamesAreVariables() {
        assertEquals(List.of("app", "availability_zones", "az_count", "cidr", "environment", "flow_log_kms_key_arn", "flow_log_retention_days", "flow_logs", "nat_gateways",
                "private_subnets", "public_subnets", "vpc_endpoints"), fieldNames(network.json().path("variable")));
    }

    @Test
    void azCountIsAWholeNumberFromOneToSixDefaultingToTwo() {
        JsonNode azCount = network.json().path("variable").path("az_count");
        assertAt(azCount, "type", "number");
        assertAt(azCount, "default", 2);
        assertAt(azCount, "description", "Availability zones; each gets one public and one private subnet. Allowed: 1 to 6."
                + " The `network.azCount` key of an ecsforge environment file.");
        assertAt(azCount, "validation", List.of(
                Map.of("condition", "${floor(var.az_count) == var.az_count}",
                        "error_message", "${var.az_count} is not a whole number; allowed: 1 to 6"),
                Map.of("condition", "${var.az_count >= 1 && var.az_count <= 6}",
                        "error_message", "${var.az_count} is out of range; allowed: 1 to 6")));
    }

    @Test
    void natGatewaysIsOneOfItsChoicesAndNoneNeedsEndpoints() {
        JsonNode nat = network.json().path("variable").path("nat_gateways");
        assertAt(nat, "default", "single");
        assertAt(nat, "validation", List.of(
                Map.of("condition", "${contains([\"none\",\"single\",\"one-per-az\"], var.nat_gateways)}",
                        "error_message", "\"${var.nat_gateways}\" is not allowed; allowed: none, single, one-per-az"),
                Map.of("condition", "${var.nat_gateways != \"none\" || var.vpc_endpoints}",
                        "error_message", "none needs vpc_endpoints = true, or tasks in the private subnets cannot reach ECR,"
                                + " CloudWatch Logs or their secrets; allowed: nat_gateways single or one-per-az, or"
                                + " vpc_endpoints = true")));
    }

    @Test
    void everyOutputIsDescribed() {
        List<String> outputs = fieldNames(network.json().path("output"));
        assertEquals(List.of("nat_public_ips", "private_subnet_ids", "public_subnet_ids", "vpc_cidr", "vpc_id"), outputs);
        outputs.forEach(name -> assertFalse(network.json().path("output").path(name).path("description").asText().isEmpty(),
                name));
        assertAt(network.json(), "output.nat_public_ips.value", "${aws_nat_gateway.nat[*].public_ip}");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
