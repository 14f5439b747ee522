package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The security properties that checkov 3.3.30 does not check, or checks wrongly, asserted on the
 * synthesized JSON of both example environments (docs/security.md lists which is which). Each
 * failure prints the resource it looked at.
 */
class SecurityControlsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ANYWHERE = Set.of("0.0.0.0/0", "::/0");

    private static JsonNode stack(String env, String part) {
        return Synthesized.examples().stack("webapp-" + env + "-" + part);
    }

    /** {@code name -> body} of every resource of {@code type} in the stack. */
    private static List<Map.Entry<String, JsonNode>> resources(JsonNode stack, String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        stack.path("resource").path(type).fields().forEachRemaining(found::add);
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void aReleaseRollsBackByItselfOnFailureAndOnEveryAlarmOfTheStack(String env) {
        JsonNode delivery = stack(env, "delivery");
        JsonNode group = delivery.path("resource").path("aws_codedeploy_deployment_group").path("deployment_group");
        JsonNode rollback = group.path("auto_rollback_configuration");
        assertTrue(rollback.path("enabled").asBoolean(false), () -> "auto rollback off: " + group);
        Set<String> events = new TreeSet<>();
        rollback.path("events").forEach(event -> events.add(event.asText()));
        assertEquals(Set.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"), events, () -> "rollback events: " + group);

        JsonNode alarms = group.path("alarm_configuration");
        assertTrue(alarms.path("enabled").asBoolean(false), () -> "alarms not watched: " + group);
        assertFalse(alarms.path("ignore_poll_alarm_failure").asBoolean(false), () -> "alarm poll failures ignored: " + group);
        Set<String> watched = new TreeSet<>();
        alarms.path("alarms").forEach(alarm -> watched.add(alarm.asText()));
        Set<String> defined = new TreeSet<>();
        resources(delivery, "aws_cloudwatch_metric_alarm").forEach(alarm ->
                defined.add("${aws_cloudwatch_metric_alarm." + alarm.getKey() + ".alarm_name}"));
        assertFalse(defined.isEmpty(), () -> "no alarms in the delivery stack: " + delivery.path("resource"));
        assertEquals(defined, watched, "every alarm of the stack, and only they, may stop a release");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void flowLogsRecordAllTrafficOfTheVpc(String env) {
        List<Map.Entry<String, JsonNode>> logs = resources(stack(env, "network"), "aws_flow_log");
        assertEquals(1, logs.size(), () -> "flow logs: " + logs);
        JsonNode log = logs.get(0).getValue();
        assertEquals("ALL", log.path("traffic_type").asText(), () -> "flow log: " + log);
        assertEquals("${aws_vpc.vpc.id}", log.path("vpc_id").asText(), () -> "flow log: " + log);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void privateSubnetsReachTheInternetOnlyThroughNatAndNoSubnetGivesPublicAddresses(String env) {
        JsonNode network = stack(env, "network");
        resources(network, "aws_subnet").forEach(subnet -> assertFalse(
                subnet.getValue().path("map_public_ip_on_launch").asBoolean(false),
                () -> "aws_subnet." + subnet.getKey() + " gives public addresses: " + subnet.getValue()));
        List<Map.Entry<String, JsonNode>> privateTables = resources(network, "aws_route_table").stream()
                .filter(table -> table.getKey().startsWith("private_")).toList();
        assertFalse(privateTables.isEmpty(), () -> "no private route tables: " + network.path("resource"));
        for (Map.Entry<String, JsonNode> table : privateTables) {
            String id = "${aws_route_table." + table.getKey() + ".id}";
            List<JsonNode> defaults = resources(network, "aws_route").stream().map(Map.Entry::getValue)
                    .filter(route -> route.path("route_table_id").asText().equals(id)
                            && route.path("destination_cidr_block").asText().equals("0.0.0.0/0"))
                    .toList();
            assertEquals(1, defaults.size(), () -> "default routes of " + table.getKey() + ": " + defaults);
            assertTrue(defaults.get(0).path("nat_gateway_id").asText().startsWith("${aws_nat_gateway."),
                    () -> table.getKey() + " reaches the internet other than through NAT: " + defaults.get(0));
        }
    }

    @Test
    void interfaceEndpointsResolvePrivatelyFromThePrivateSubnetsBehindTheirSecurityGroup() {
        List<Map.Entry<String, JsonNode>> endpoints = resources(stack("prod", "network"), "aws_vpc_endpoint");
        assertFalse(endpoints.isEmpty(), "prod sets network.vpcEndpoints: true, so it has endpoints");
        for (Map.Entry<String, JsonNode> endpoint : endpoints) {
            JsonNode body = endpoint.getValue();
            String shown = "aws_vpc_endpoint." + endpoint.getKey() + ": " + body;
            if (body.path("vpc_endpoint_type").asText().equals("Gateway")) {
                body.path("route_table_ids").forEach(table ->
                        assertTrue(table.asText().startsWith("${aws_route_table.private_routes_"), shown));
                continue;
            }
            assertEquals("Interface", body.path("vpc_endpoint_type").asText(), shown);
            assertTrue(body.path("private_dns_enabled").asBoolean(false), shown);
            assertEquals("[\"${aws_security_group.endpoints_security_group.id}\"]", body.path("security_group_ids").toString(),
                    shown);
            body.path("subnet_ids").forEach(subnet -> assertTrue(subnet.asText().startsWith("${aws_subnet.private_"), shown));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void autoscalingNeverScalesTheServiceToZero(String env) {
        List<Map.Entry<String, JsonNode>> targets = resources(stack(env, "service"), "aws_appautoscaling_target");
        assertFalse(targets.isEmpty(), "both examples scale the service");
        for (Map.Entry<String, JsonNode> target : targets) {
            JsonNode body = target.getValue();
            assertTrue(body.path("min_capacity").asInt(0) >= 1 && body.path("max_capacity").asInt(0) >= body.path("min_capacity").asInt(),
                    () -> "aws_appautoscaling_target." + target.getKey() + ": " + body);
        }
    }

    /** Checkov's CKV_AWS_334 looks for a key "privilege", which ECS does not have, so it never fails. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void containersAreUnprivilegedWithAReadOnlyRootAndTheTaskSharesNoHostNamespace(String env) throws IOException {
        JsonNode task = stack(env, "service").path("resource").path("aws_ecs_task_definition").path("task");
        assertFalse(task.has("pid_mode") || task.has("ipc_mode"), () -> "host namespaces: " + task);
        assertEquals("awsvpc", task.path("network_mode").asText(), () -> "task definition: " + task);
        JsonNode containers = JSON.readTree(task.path("container_definitions").asText());
        assertFalse(containers.isEmpty(), () -> "no containers: " + task);
        for (JsonNode container : containers) {
            assertEquals(false, container.path("privileged").asBoolean(true), () -> "privileged: " + container);
            assertEquals(true, container.path("readonlyRootFilesystem").asBoolean(false), () -> "writable root: " + container);
            assertFalse(container.has("linuxParameters") && container.path("linuxParameters").has("capabilities"),
                    () -> "added capabilities: " + container);
        }
    }

    /**
     * Checkov fails an ingress rule open to the internet on 22, 3389 or 80, but not an
     * {@code aws_vpc_security_group_ingress_rule} for every protocol ({@code ip_protocol = "-1"}, which
     * has no ports) nor one on any other port.
     */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheLoadBalancersListenerPortsAreOpenToTheInternet(String env) {
        JsonNode service = stack(env, "service");
        Set<Integer> listenerPorts = new TreeSet<>();
        resources(service, "aws_lb_listener").forEach(listener -> listenerPorts.add(listener.getValue().path("port").asInt()));
        Stream.of("network", "service").forEach(part -> resources(stack(env, part), "aws_vpc_security_group_ingress_rule")
                .forEach(rule -> {
                    JsonNode body = rule.getValue();
                    if (!ANYWHERE.contains(body.path("cidr_ipv4").asText()) && !ANYWHERE.contains(body.path("cidr_ipv6").asText())) {
                        return;
                    }
                    String shown = part + " aws_vpc_security_group_ingress_rule." + rule.getKey() + ": " + body;
                    assertEquals("${aws_security_group.alb_security_group.id}", body.path("security_group_id").asText(), shown);
                    assertEquals("tcp", body.path("ip_protocol").asText(), shown);
                    assertEquals(body.path("from_port").asInt(), body.path("to_port").asInt(), shown);
                    assertTrue(listenerPorts.contains(body.path("from_port").asInt()), () -> shown + "; listener ports " + listenerPorts);
                }));
        resources(stack(env, "network"), "aws_security_group").forEach(group ->
                assertFalse(group.getValue().has("ingress") && group.getValue().path("ingress").toString().contains("0.0.0.0/0"),
                        () -> "aws_security_group." + group.getKey() + ": " + group.getValue()));
    }

    /** The lifecycle policy is a JSON string that no checkov check reads. */
    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void untaggedImagesExpireAndTagsCannotBeMovedOrLeftUnscanned(String env) throws IOException {
        JsonNode registry = stack(env, "registry").path("resource");
        JsonNode repository = registry.path("aws_ecr_repository").path("repository");
        assertEquals("IMMUTABLE", repository.path("image_tag_mutability").asText(), () -> "repository: " + repository);
        JsonNode policy = JSON.readTree(registry.path("aws_ecr_lifecycle_policy").path("lifecycle_policy").path("policy").asText());
        List<JsonNode> untagged = new ArrayList<>();
        policy.path("rules").forEach(rule -> {
            if (rule.path("selection").path("tagStatus").asText().equals("untagged")
                    && rule.path("action").path("type").asText().equals("expire")) {
                untagged.add(rule);
            }
        });
        assertEquals(1, untagged.size(), () -> "rules expiring untagged images: " + policy);
    }
}
