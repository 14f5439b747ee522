package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ServiceStackTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Resources dev = Synthesized.examples().resources("webapp-dev-service");
    private final Resources prod = Synthesized.examples().resources("webapp-prod-service");

    // --- task definition ---

    @Test
    void taskIsFargateInAwsvpcModeWithTheConfiguredSize() {
        JsonNode task = prod.resource("aws_ecs_task_definition", "task");
        assertAt(task, "family", "webapp-prod");
        assertAt(task, "requires_compatibilities", List.of("FARGATE"));
        assertAt(task, "network_mode", "awsvpc");
        assertAt(task, "cpu", "1024");
        assertAt(task, "memory", "2048");
        assertAt(dev.resource("aws_ecs_task_definition", "task"), "cpu", "256");
        assertAt(dev.resource("aws_ecs_task_definition", "task"), "memory", "512");
    }

    @Test
    void taskRunsOnLinuxWithTheConfiguredArchitecture() {
        assertAt(dev.resource("aws_ecs_task_definition", "task"), "runtime_platform",
                Map.of("operating_system_family", "LINUX", "cpu_architecture", "X86_64"));
        assertAt(prod.resource("aws_ecs_task_definition", "task"), "runtime_platform",
                Map.of("operating_system_family", "LINUX", "cpu_architecture", "ARM64"));
    }

    @Test
    void taskUsesTheExecutionAndTaskRoles() {
        JsonNode task = dev.resource("aws_ecs_task_definition", "task");
        assertTrue(task.path("execution_role_arn").asText().startsWith("${"), () -> "expected a reference in\n" + Resources.show(task));
        assertTrue(task.path("task_role_arn").asText().startsWith("${"), () -> "expected a reference in\n" + Resources.show(task));
        assertFalse(task.path("execution_role_arn").equals(task.path("task_role_arn")),
                () -> "execution and task role must differ in\n" + Resources.show(task));
    }

    @Test
    void taskKeepsOldRevisionsSinceTheServiceMayStillRunThem() {
        assertAt(dev.resource("aws_ecs_task_definition", "task"), "skip_destroy", true);
    }

    @Test
    void containerIsNamedAfterTheAppAndRunsTheRepositoryImageAtTheConfiguredTag() {
        JsonNode container = container(dev);
        assertAt(container, "name", "webapp");
        String image = container.path("image").asText();
        assertTrue(image.startsWith("${") && image.endsWith(":initial"),
                () -> "expected <repository url reference>:initial but found " + image);
    }

    @Test
    void containerMapsItsPortAsTcp() {
        assertAt(container(dev), "portMappings",
                List.of(Map.of("containerPort", 3000, "hostPort", 3000, "protocol", "tcp")));
    }

    @Test
    void containerIsEssentialUnprivilegedWithReadOnlyRoot() {
        JsonNode container = container(prod);
        assertAt(container, "essential", true);
        assertAt(container, "privileged", false);
        assertAt(container, "readonlyRootFilesystem", true);
    }

    @Test
    void containerGetsThePlainEnvironment() {
        assertAt(container(dev), "environment", List.of(Map.of("name", "LOG_LEVEL", "value", "info")));
        assertAt(container(prod), "environment", List.of(Map.of("name", "LOG_LEVEL", "value", "warn")));
    }

    @Test
    void secretsArePassedAsValueFromReferences() {
        assertAt(container(prod), "secrets", List.of(Map.of("name", "DB_PASSWORD",
                "valueFrom", "arn:aws:secretsmanager:us-east-1:210987654321:secret:webapp/db-password-AbCdEf")));
        assertAt(container(dev), "secrets", List.of(Map.of("name", "DB_PASSWORD",
                "valueFrom", "arn:aws:ssm:us-east-1:123456789012:parameter/webapp/db-password")));
    }

    @Test
    void noSecretAppearsInThePlainEnvironment() {
        for (Resources stack : List.of(dev, prod)) {
            JsonNode container = container(stack);
            Set<String> secretNames = new HashSet<>();
            Set<String> secretRefs = new HashSet<>();
            container.path("secrets").forEach(secret -> {
                secretNames.add(secret.path("name").asText());
                secretRefs.add(secret.path("valueFrom").asText());
            });
            assertFalse(secretNames.isEmpty(), () -> "the examples have a secret; found none in\n" + Resources.show(container));
            container.path("environment").forEach(variable -> {
                assertFalse(secretNames.contains(variable.path("name").asText()),
                        () -> "secret " + variable.path("name") + " is also a plain variable in\n" + Resources.show(container));
                assertFalse(secretRefs.contains(variable.path("value").asText()),
                        () -> "a secret reference is a plain value in\n" + Resources.show(container));
            });
        }
    }

    @Test
    void containerLogsToTheServiceLogGroup() {
        assertAt(container(prod), "logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                "awslogs-group", "/ecs/webapp-prod", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "ecs")));
    }

    @Test
    void prodsLogGroupIsEncryptedWithTheStateKeyLookedUpByItsAlias() {
        assertAt(prod.data("aws_kms_alias", "logs_kms_key"), "name", "alias/webapp-prod-state");
        assertAt(prod.resource("aws_cloudwatch_log_group", "logs"), "kms_key_id", "${data.aws_kms_alias.logs_kms_key.target_key_arn}");
    }

    @Test
    void devsLogGroupWithoutLogKmsKeyHasCloudWatchLogsOwnEncryption() {
        assertFalse(dev.resource("aws_cloudwatch_log_group", "logs").has("kms_key_id"),
                () -> Resources.show(dev.resource("aws_cloudwatch_log_group", "logs")));
        assertEquals(0, dev.json().path("data").path("aws_kms_alias").size(), () -> Resources.show(dev.json().path("data")));
    }

    @Test
    void logGroupKeepsLogsForTheConfiguredDays() {
        assertAt(dev.resource("aws_cloudwatch_log_group", "logs"), "name", "/ecs/webapp-dev");
        assertAt(dev.resource("aws_cloudwatch_log_group", "logs"), "retention_in_days", 30);
        assertAt(prod.resource("aws_cloudwatch_log_group", "logs"), "retention_in_days", 365);
    }

    @Test
    void taskIsRegisteredAfterItsLogGroupExists() {
        assertAt(dev.resource("aws_ecs_task_definition", "task"), "depends_on", List.of("aws_cloudwatch_log_group.logs"));
    }

    @Test
    void withoutExecTheContainerHasNoVolumesOrInitProcess() {
        JsonNode task = prod.resource("aws_ecs_task_definition", "task");
        assertTrue(task.path("volume").isMissingNode(), () -> Resources.show(task));
        assertAt(container(prod), "mountPoints", List.of());
        assertTrue(container(prod).path("linuxParameters").isMissingNode(), () -> Resources.show(container(prod)));
    }

    @Test
    void execWithReadOnlyRootMountsWritableFoldersForTheAgent() {
        Resources variant = ExecSpotVariant.resources("service");
        assertAt(variant.resource("aws_ecs_task_definition", "task"), "volume", List.of(
                Map.of("name", "exec-managed-agents"), Map.of("name", "exec-ssm-state"), Map.of("name", "exec-ssm-logs")));
        assertAt(container(variant), "mountPoints", List.of(
                Map.of("sourceVolume", "exec-managed-agents", "containerPath", "/managed-agents", "readOnly", false),
                Map.of("sourceVolume", "exec-ssm-state", "containerPath", "/var/lib/amazon/ssm", "readOnly", false),
                Map.of("sourceVolume", "exec-ssm-logs", "containerPath", "/var/log/amazon/ssm", "readOnly", false)));
        assertAt(container(variant), "linuxParameters.initProcessEnabled", true);
    }

    // --- load balancer ---

    @Test
    void loadBalancerIsInternetFacingInThePublicSubnets() {
        JsonNode alb = dev.resource("aws_lb", "alb");
        assertAt(alb, "name", "webapp-dev");
        assertAt(alb, "load_balancer_type", "application");
        assertAt(alb, "internal", false);
        assertAt(alb, "security_groups", List.of("${aws_security_group.alb_security_group.id}"));
        assertSubnets(alb.path("subnets"), "public", alb);
    }

    @Test
    void loadBalancerDropsInvalidHeaderFields() {
        assertAt(dev.resource("aws_lb", "alb"), "drop_invalid_header_fields", true);
        assertAt(prod.resource("aws_lb", "alb"), "drop_invalid_header_fields", true);
    }

    @Test
    void deletionProtectionIsOffInDevAndOnInProd() {
        assertAt(dev.resource("aws_lb", "alb"), "enable_deletion_protection", false);
        assertAt(prod.resource("aws_lb", "alb"), "enable_deletion_protection", true);
    }

    @Test
    void prodLoadBalancerWritesAccessLogsToTheTeamsBucketUnderThePrefix() {
        assertAt(prod.resource("aws_lb", "alb"), "access_logs",
                Map.of("enabled", true, "bucket", "webapp-logs-210987654321", "prefix", "alb/prod"));
    }

    @Test
    void devLoadBalancerWritesNoAccessLogsSinceDevLeavesAccessLogsUnset() {
        JsonNode alb = dev.resource("aws_lb", "alb");
        assertTrue(alb.path("access_logs").isMissingNode(), () -> "expected no access_logs in\n" + Resources.show(alb));
    }

    /** Prod with the team's own web ACL in place of ecsforge's. */
    private static Resources prodWithOwnWebAcl() {
        try {
            String yaml = Files.readString(Repo.config().resolve("prod.yaml")).replace("  waf: managed\n",
                    "  wafWebAclArn: \"" + OWN_WEB_ACL + "\"\n");
            return Synthesized.of(List.of(ConfigLoader.parse("config/prod.yaml", yaml, "prod"))).resources("webapp-prod-service");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String OWN_WEB_ACL =
            "arn:aws:wafv2:us-east-1:210987654321:regional/webacl/webapp-prod/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b";

    @Test
    void loadBalancerIsAssociatedWithTheTeamsWebAclWhenItsArnIsGiven() {
        Resources own = prodWithOwnWebAcl();
        JsonNode association = own.resource("aws_wafv2_web_acl_association", "alb_web_acl");
        assertAt(association, "resource_arn", "${aws_lb.alb.arn}");
        assertAt(association, "web_acl_arn", OWN_WEB_ACL);
        assertEquals(0, own.count("aws_wafv2_web_acl"), () -> Resources.show(own.json().path("resource")));
        assertEquals(0, own.count("aws_wafv2_web_acl_logging_configuration"), () -> Resources.show(own.json().path("resource")));
    }

    @Test
    void prodLoadBalancerIsAssociatedWithTheManagedWebAclUnderTheSameAddress() {
        JsonNode association = prod.resource("aws_wafv2_web_acl_association", "alb_web_acl");
        assertAt(association, "resource_arn", "${aws_lb.alb.arn}");
        assertAt(association, "web_acl_arn", "${aws_wafv2_web_acl.web_acl.arn}");
    }

    @Test
    void managedWebAclIsRegionalAllowsByDefaultAndRecordsMetricsAndSampledRequests() {
        JsonNode acl = prod.resource("aws_wafv2_web_acl", "web_acl");
        assertAt(acl, "name", "webapp-prod");
        assertAt(acl, "scope", "REGIONAL");
        assertTrue(acl.path("default_action").path("allow").isObject(), () -> Resources.show(acl));
        assertAt(acl, "visibility_config.cloudwatch_metrics_enabled", true);
        assertAt(acl, "visibility_config.sampled_requests_enabled", true);
        assertAt(acl, "visibility_config.metric_name", "webapp-prod");
    }

    @Test
    void managedWebAclRunsFourAwsManagedRuleGroupsThatBlockAsTheGroupsSay() {
        JsonNode acl = prod.resource("aws_wafv2_web_acl", "web_acl");
        List<String> groups = new ArrayList<>();
        for (JsonNode rule : acl.path("rule")) {
            JsonNode group = rule.path("statement").path("managed_rule_group_statement");
            groups.add(group.path("vendor_name").asText() + "/" + group.path("name").asText());
            assertTrue(rule.path("override_action").path("none").isObject(), () -> "expected override_action none in\n"
                    + Resources.show(rule));
            assertEquals(groups.size() - 1, rule.path("priority").asInt(), () -> Resources.show(rule));
            assertAt(rule, "visibility_config.cloudwatch_metrics_enabled", true);
            assertAt(rule, "visibility_config.sampled_requests_enabled", true);
        }
        assertEquals(List.of("AWS/AWSManagedRulesAmazonIpReputationList", "AWS/AWSManagedRulesAnonymousIpList",
                "AWS/AWSManagedRulesKnownBadInputsRuleSet", "AWS/AWSManagedRulesCommonRuleSet"), groups);
    }

    @Test
    void managedRuleGroupsNeed975CapacityUnitsUnderTheWebAclsBase1500() {
        assertEquals(975, ManagedWebAcl.RULE_GROUPS.stream().mapToInt(ManagedWebAcl.RuleGroup::capacity).sum());
        assertEquals(1500, ManagedWebAcl.CAPACITY_LIMIT);
    }

    @Test
    void managedWebAclOnlyCountsTheHostingProviderListOfTheAnonymousIpGroup() {
        JsonNode acl = prod.resource("aws_wafv2_web_acl", "web_acl");
        Map<String, String> overrides = new TreeMap<>();
        for (JsonNode rule : acl.path("rule")) {
            for (JsonNode override : rule.path("statement").path("managed_rule_group_statement").path("rule_action_override")) {
                overrides.put(rule.path("name").asText() + "/" + override.path("name").asText(),
                        String.join(",", (Iterable<String>) () -> override.path("action_to_use").fieldNames()));
            }
        }
        assertEquals(Map.of("AWSManagedRulesAnonymousIpList/HostingProviderIPList", "count"), overrides,
                () -> Resources.show(acl));
    }

    @Test
    void managedWebAclLogsOnlyBlockedAndCountedRequestsWithoutCredentialHeaders() {
        JsonNode logging = prod.resource("aws_wafv2_web_acl_logging_configuration", "web_acl_logging");
        assertAt(logging, "resource_arn", "${aws_wafv2_web_acl.web_acl.arn}");
        assertEquals(List.of("${aws_cloudwatch_log_group.web_acl_logs.arn}"),
                MAPPER.convertValue(logging.path("log_destination_configs"), List.class), () -> Resources.show(logging));
        List<String> redacted = new ArrayList<>();
        logging.path("redacted_fields").forEach(field -> redacted.add(field.path("single_header").path("name").asText()));
        assertEquals(List.of("authorization", "cookie"), redacted, () -> Resources.show(logging));
        assertAt(logging, "logging_filter.default_behavior", "DROP");
        JsonNode filter = logging.path("logging_filter").path("filter").path(0);
        assertAt(filter, "behavior", "KEEP");
        assertAt(filter, "requirement", "MEETS_ANY");
        List<String> kept = new ArrayList<>();
        filter.path("condition").forEach(condition -> kept.add(condition.path("action_condition").path("action").asText()));
        assertEquals(List.of("BLOCK", "COUNT"), kept, () -> Resources.show(filter));
    }

    @Test
    void managedWebAclLogGroupHasWafsPrefixTheServicesRetentionAndTheStateKey() {
        JsonNode group = prod.resource("aws_cloudwatch_log_group", "web_acl_logs");
        assertAt(group, "name", "aws-waf-logs-webapp-prod");
        assertAt(group, "retention_in_days", 365);
        assertAt(group, "kms_key_id", "${data.aws_kms_alias.web_acl_logs_kms_key.target_key_arn}");
        assertAt(prod.json().path("data").path("aws_kms_alias").path("web_acl_logs_kms_key"), "name", "alias/webapp-prod-state");
    }

    @Test
    void devHasNoWebAclSinceDevLeavesWafAndWafWebAclArnUnset() {
        for (String type : List.of("aws_wafv2_web_acl", "aws_wafv2_web_acl_association", "aws_wafv2_web_acl_logging_configuration")) {
            assertEquals(0, dev.count(type), () -> type + " in " + Resources.show(dev.json().path("resource")));
        }
        assertTrue(dev.json().path("resource").path("aws_cloudwatch_log_group").path("web_acl_logs").isMissingNode(),
                () -> Resources.show(dev.json().path("resource")));
    }

    @Test
    void loadBalancerUsesTheConfiguredIdleTimeout() {
        assertAt(prod.resource("aws_lb", "alb"), "idle_timeout", 60);
    }

    @Test
    void loadBalancerAdmitsAllowedCidrsOnProductionPortsAndTestCidrsAndNatAddressesOnTheTestPort() {
        assertEquals(Set.of("80 0.0.0.0/0", "8443 " + natAddress("dev", 0)), albIngress(dev),
                () -> Resources.show(dev.json().path("resource").path("aws_vpc_security_group_ingress_rule")));
        assertEquals(Set.of("443 0.0.0.0/0", "80 0.0.0.0/0", "8443 203.0.113.0/24", "8443 " + natAddress("prod", 0),
                "8443 " + natAddress("prod", 1), "8443 " + natAddress("prod", 2)), albIngress(prod),
                () -> Resources.show(prod.json().path("resource").path("aws_vpc_security_group_ingress_rule")));
    }

    @Test
    void testListenerAdmitsEachNatGatewaysPublicAddressAsASlash32RuleNamedAfterItsIndex() {
        for (int nat = 0; nat < 3; nat++) {
            JsonNode rule = prod.resource("aws_vpc_security_group_ingress_rule", "alb_ingress_test_nat_" + nat);
            assertAt(rule, "cidr_ipv4", natAddress("prod", nat));
            assertAt(rule, "from_port", 8443);
            assertAt(rule, "to_port", 8443);
            assertAt(rule, "ip_protocol", "tcp");
            assertAt(rule, "security_group_id", "${aws_security_group.alb_security_group.id}");
            assertAt(rule, "description", "the test listener on 8443 from NAT gateway " + nat);
        }
        assertFalse(prod.has("aws_vpc_security_group_ingress_rule", "alb_ingress_test_nat_3"),
                () -> Resources.show(prod.json().path("resource").path("aws_vpc_security_group_ingress_rule")));
    }

    @Test
    void testListenerAdmitsTheOneNatGatewayOfASingleNatNetwork() {
        assertAt(dev.resource("aws_vpc_security_group_ingress_rule", "alb_ingress_test_nat_0"), "cidr_ipv4", natAddress("dev", 0));
        assertFalse(dev.has("aws_vpc_security_group_ingress_rule", "alb_ingress_test_nat_1"),
                () -> Resources.show(dev.json().path("resource").path("aws_vpc_security_group_ingress_rule")));
    }

    @Test
    void testListenerAdmitsListedPublicBlocksBesideTheNatAddresses() {
        JsonNode office = prod.resource("aws_vpc_security_group_ingress_rule", "alb_ingress_8443_203_0_113_0_24");
        assertAt(office, "cidr_ipv4", "203.0.113.0/24");
        assertAt(office, "description", "the test listener on 8443");
    }

    @Test
    void withoutNatGatewaysTheTestListenerAdmitsOnlyTheListedBlocks() {
        Resources noNat = noNat().resources("webapp-nonat-service");
        assertEquals(Set.of("80 0.0.0.0/0", "8443 198.51.100.0/24"), albIngress(noNat),
                () -> Resources.show(noNat.json().path("resource").path("aws_vpc_security_group_ingress_rule")));
    }

    @Test
    void loadBalancerSendsOnlyToTheServiceOnTheContainerPort() {
        List<Map.Entry<String, JsonNode>> egress = rulesOf(prod, "aws_vpc_security_group_egress_rule", "alb_security_group");
        assertEquals(1, egress.size(), () -> "expected one egress rule: " + egress);
        JsonNode rule = egress.get(0).getValue();
        assertAt(rule, "referenced_security_group_id", "${aws_security_group.service_security_group.id}");
        assertAt(rule, "ip_protocol", "tcp");
        assertAt(rule, "from_port", 3000);
        assertAt(rule, "to_port", 3000);
    }

    @Test
    void devServesPlainHttpOnPort80WithoutRedirect() {
        JsonNode listener = dev.resource("aws_lb_listener", "production_listener");
        assertAt(listener, "port", 80);
        assertAt(listener, "protocol", "HTTP");
        assertTrue(listener.path("certificate_arn").isMissingNode(), () -> Resources.show(listener));
        assertFalse(dev.has("aws_lb_listener", "http_redirect_listener"), () -> Resources.show(dev.json().path("resource").path("aws_lb_listener")));
    }

    @Test
    void prodServesHttpsOn443WithTheCertificateAndPolicy() {
        JsonNode listener = prod.resource("aws_lb_listener", "production_listener");
        assertAt(listener, "port", 443);
        assertAt(listener, "protocol", "HTTPS");
        assertAt(listener, "certificate_arn", "arn:aws:acm:us-east-1:210987654321:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b");
        assertAt(listener, "ssl_policy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
    }

    @Test
    void prodRedirectsHttpToHttpsPermanently() {
        JsonNode listener = prod.resource("aws_lb_listener", "http_redirect_listener");
        assertAt(listener, "port", 80);
        assertAt(listener, "protocol", "HTTP");
        assertAt(listener, "default_action", List.of(Map.of("type", "redirect",
                "redirect", Map.of("protocol", "HTTPS", "port", "443", "status_code", "HTTP_301"))));
    }

    @Test
    void redirectListenerWaitsForTheProductionListenerToLeavePort80() {
        assertAt(prod.resource("aws_lb_listener", "http_redirect_listener"), "depends_on",
                List.of("aws_lb_listener.production_listener"));
    }

    @Test
    void productionAndTestListenersForwardToBlueInitially() {
        for (Resources stack : List.of(dev, prod)) {
            for (String listener : List.of("production_listener", "test_listener")) {
                assertAt(stack.resource("aws_lb_listener", listener), "default_action",
                        List.of(Map.of("type", "forward", "target_group_arn", "${aws_lb_target_group.blue.arn}")));
            }
        }
    }

    @Test
    void testListenerListensOnTheTestPortWithTheProductionProtocol() {
        assertAt(dev.resource("aws_lb_listener", "test_listener"), "port", 8443);
        assertAt(dev.resource("aws_lb_listener", "test_listener"), "protocol", "HTTP");
        assertAt(prod.resource("aws_lb_listener", "test_listener"), "protocol", "HTTPS");
        assertAt(prod.resource("aws_lb_listener", "test_listener"), "ssl_policy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
    }

    @Test
    void listenersCodeDeploySwapsIgnoreDefaultActionChanges() {
        for (Resources stack : List.of(dev, prod)) {
            for (String listener : List.of("production_listener", "test_listener")) {
                assertAt(stack.resource("aws_lb_listener", listener), "lifecycle", Map.of("ignore_changes", List.of("default_action")));
            }
        }
        JsonNode redirect = prod.resource("aws_lb_listener", "http_redirect_listener");
        assertTrue(redirect.path("lifecycle").isMissingNode(), () -> "the redirect is Terraform's alone:\n" + Resources.show(redirect));
    }

    @Test
    void targetGroupsAreBlueAndGreenIpTargetsOnTheContainerPort() {
        for (String color : List.of("blue", "green")) {
            JsonNode group = prod.resource("aws_lb_target_group", color);
            assertAt(group, "name", "webapp-prod-" + color);
            assertAt(group, "target_type", "ip");
            assertAt(group, "protocol", "HTTP");
            assertAt(group, "port", 3000);
        }
    }

    @Test
    void targetGroupsCheckTheHealthPathAcceptingSuccessAndRedirects() {
        for (String color : List.of("blue", "green")) {
            JsonNode group = dev.resource("aws_lb_target_group", color);
            assertAt(group, "health_check.path", "/health");
            assertAt(group, "health_check.matcher", "200-399");
            assertAt(group, "health_check.port", "traffic-port");
        }
    }

    @Test
    void targetGroupsDrainForSixtySeconds() {
        assertAt(dev.resource("aws_lb_target_group", "blue"), "deregistration_delay", "60");
        assertAt(dev.resource("aws_lb_target_group", "green"), "deregistration_delay", "60");
    }

    // --- service ---

    @Test
    void serviceIsNamedAfterAppAndEnvironmentInTheCluster() {
        JsonNode service = dev.resource("aws_ecs_service", "service");
        assertAt(service, "name", "webapp-dev");
        assertTrue(service.path("cluster").asText().contains("webapp-dev-cluster"),
                () -> "expected a reference to the cluster stack in\n" + Resources.show(service));
    }

    @Test
    void serviceRunsInThePrivateSubnetsWithoutPublicAddresses() {
        JsonNode network = dev.resource("aws_ecs_service", "service").path("network_configuration");
        assertAt(network, "assign_public_ip", false);
        assertAt(network, "security_groups", List.of("${aws_security_group.service_security_group.id}"));
        assertSubnets(network.path("subnets"), "private", network);
    }

    @Test
    void serviceAdmitsOnlyTheLoadBalancerOnTheContainerPort() {
        List<Map.Entry<String, JsonNode>> ingress = rulesOf(prod, "aws_vpc_security_group_ingress_rule", "service_security_group");
        assertEquals(1, ingress.size(), () -> "expected one ingress rule: " + ingress);
        JsonNode rule = ingress.get(0).getValue();
        assertAt(rule, "referenced_security_group_id", "${aws_security_group.alb_security_group.id}");
        assertAt(rule, "from_port", 3000);
        assertAt(rule, "to_port", 3000);
        assertTrue(rule.path("cidr_ipv4").isMissingNode(), () -> Resources.show(rule));
    }

    @Test
    void serviceSendsOnlyHttps() {
        List<Map.Entry<String, JsonNode>> egress = rulesOf(prod, "aws_vpc_security_group_egress_rule", "service_security_group");
        assertEquals(1, egress.size(), () -> "expected one egress rule: " + egress);
        JsonNode rule = egress.get(0).getValue();
        assertAt(rule, "ip_protocol", "tcp");
        assertAt(rule, "from_port", 443);
        assertAt(rule, "to_port", 443);
        assertAt(rule, "cidr_ipv4", "0.0.0.0/0");
    }

    @Test
    void serviceIsDeployedByCodeDeployStartingOnBlue() {
        JsonNode service = prod.resource("aws_ecs_service", "service");
        assertAt(service, "deployment_controller.type", "CODE_DEPLOY");
        assertAt(service, "load_balancer", List.of(Map.of(
                "target_group_arn", "${aws_lb_target_group.blue.arn}", "container_name", "webapp", "container_port", 3000)));
    }

    @Test
    void serviceIsCreatedAfterItsListenersSinceEcsRejectsAnUnattachedTargetGroup() {
        assertAt(dev.resource("aws_ecs_service", "service"), "depends_on",
                List.of("aws_lb_listener.production_listener", "aws_lb_listener.test_listener"));
    }

    @Test
    void serviceUsesTheClustersCapacityStrategyInsteadOfALaunchType() {
        JsonNode service = dev.resource("aws_ecs_service", "service");
        assertTrue(service.path("launch_type").isMissingNode(), () -> Resources.show(service));
        assertAt(service, "capacity_provider_strategy", List.of(Map.of("capacity_provider", "FARGATE", "base", 1, "weight", 1)));
    }

    @Test
    void spotWeightPutsTheServicePartlyOnFargateSpot() {
        assertAt(ExecSpotVariant.resources("service").resource("aws_ecs_service", "service"), "capacity_provider_strategy", List.of(
                Map.of("capacity_provider", "FARGATE", "base", 1, "weight", 1),
                Map.of("capacity_provider", "FARGATE_SPOT", "base", 0, "weight", ExecSpotVariant.SPOT_WEIGHT)));
    }

    @Test
    void serviceIgnoresWhatCodeDeployAndAutoscalingChange() {
        assertAt(prod.resource("aws_ecs_service", "service"), "lifecycle.ignore_changes",
                List.of("task_definition", "load_balancer", "capacity_provider_strategy", "desired_count"));
    }

    @Test
    void withoutAutoscalingTerraformKeepsTheDesiredCount() {
        assertAt(ExecSpotVariant.resources("service").resource("aws_ecs_service", "service"), "lifecycle.ignore_changes",
                List.of("task_definition", "load_balancer", "capacity_provider_strategy"));
    }

    @Test
    void serviceStartsWithTheDesiredCountAndGracePeriod() {
        assertAt(prod.resource("aws_ecs_service", "service"), "desired_count", 3);
        assertAt(dev.resource("aws_ecs_service", "service"), "desired_count", 2);
        assertAt(dev.resource("aws_ecs_service", "service"), "health_check_grace_period_seconds", 60);
    }

    @Test
    void servicePropagatesItsTagsAndDoesNotWaitForSteadyState() {
        JsonNode service = dev.resource("aws_ecs_service", "service");
        assertAt(service, "propagate_tags", "SERVICE");
        assertAt(service, "enable_ecs_managed_tags", true);
        assertAt(service, "wait_for_steady_state", false);
    }

    @Test
    void execFollowsTheClusterSetting() {
        assertAt(prod.resource("aws_ecs_service", "service"), "enable_execute_command", false);
        assertAt(ExecSpotVariant.resources("service").resource("aws_ecs_service", "service"), "enable_execute_command", true);
    }

    // --- autoscaling ---

    @Test
    void autoscalingKeepsTheServiceBetweenMinAndMax() {
        JsonNode target = prod.resource("aws_appautoscaling_target", "autoscaling_target");
        assertAt(target, "service_namespace", "ecs");
        assertAt(target, "scalable_dimension", "ecs:service:DesiredCount");
        assertAt(target, "resource_id", "service/webapp-prod/${aws_ecs_service.service.name}");
        assertAt(target, "min_capacity", 3);
        assertAt(target, "max_capacity", 12);
    }

    @Test
    void autoscalingTracksAverageCpuAtTheConfiguredTarget() {
        JsonNode policy = prod.resource("aws_appautoscaling_policy", "cpu_target_tracking");
        assertAt(policy, "policy_type", "TargetTrackingScaling");
        assertAt(policy, "target_tracking_scaling_policy_configuration.predefined_metric_specification.predefined_metric_type",
                "ECSServiceAverageCPUUtilization");
        assertAt(policy, "target_tracking_scaling_policy_configuration.target_value", 60);
        assertAt(dev.resource("aws_appautoscaling_policy", "cpu_target_tracking"),
                "target_tracking_scaling_policy_configuration.target_value", 70);
    }

    @Test
    void noAutoscalingWhenItIsDisabled() {
        Resources variant = ExecSpotVariant.resources("service");
        assertEquals(0, variant.count("aws_appautoscaling_target") + variant.count("aws_appautoscaling_policy"),
                () -> Resources.show(variant.json().path("resource")));
    }

    // --- outputs ---

    @Test
    void loadBalancerDnsNameAndListenersAreOutputs() {
        assertAt(dev.json(), "output.alb_dns_name.value", "${aws_lb.alb.dns_name}");
        assertAt(dev.json(), "output.production_listener_arn.value", "${aws_lb_listener.production_listener.arn}");
        assertAt(dev.json(), "output.test_listener_arn.value", "${aws_lb_listener.test_listener.arn}");
        assertAt(dev.json(), "output.service_name.value", "${aws_ecs_service.service.name}");
    }

    /** Two subnets (dev has two zones), each a reference to one of the network stack's {@code kind} subnets. */
    // --- egress ---

    @Test
    void withoutEgressRulesTheTasksReachHttpsOnly() {
        for (Resources stack : List.of(dev, prod)) {
            Set<String> rules = names(stack.ofType("aws_vpc_security_group_egress_rule"));
            assertEquals(Set.of("service_egress_https"), rules, "egress rules");
        }
    }

    @Test
    void eachEgressRuleIsOneResourceNamedAfterItsProtocolPortsAndDestination() {
        Resources variant = ExecSpotVariant.resources("service");
        Set<String> rules = names(variant.ofType("aws_vpc_security_group_egress_rule"));
        assertEquals(new TreeSet<>(Set.of("service_egress_https", "service_egress_tcp_5432_10_0_0_0_16",
                "service_egress_tcp_443_pl_0123456789abcdef0", "service_egress_tcp_6379_6380_sg_0123456789abcdef0",
                "service_egress_udp_53_10_0_0_2_32")), rules, "egress rules");
    }

    @Test
    void anEgressRuleSetsOnlyTheDestinationItNames() {
        Resources variant = ExecSpotVariant.resources("service");
        JsonNode cidr = variant.resource("aws_vpc_security_group_egress_rule", "service_egress_tcp_5432_10_0_0_0_16");
        assertAt(cidr, "cidr_ipv4", "10.0.0.0/16");
        assertAt(cidr, "ip_protocol", "tcp");
        assertAt(cidr, "from_port", 5432);
        assertAt(cidr, "to_port", 5432);
        assertAt(cidr, "description", "webapp-exec tasks out: PostgreSQL");
        assertFalse(cidr.has("prefix_list_id") || cidr.has("referenced_security_group_id"), () -> Resources.show(cidr));
        JsonNode list = variant.resource("aws_vpc_security_group_egress_rule", "service_egress_tcp_443_pl_0123456789abcdef0");
        assertAt(list, "prefix_list_id", "pl-0123456789abcdef0");
        assertAt(list, "description", "webapp-exec tasks out");
        assertFalse(list.has("cidr_ipv4") || list.has("referenced_security_group_id"), () -> Resources.show(list));
        JsonNode group = variant.resource("aws_vpc_security_group_egress_rule",
                "service_egress_tcp_6379_6380_sg_0123456789abcdef0");
        assertAt(group, "referenced_security_group_id", "sg-0123456789abcdef0");
        assertAt(group, "from_port", 6379);
        assertAt(group, "to_port", 6380);
        assertFalse(group.has("cidr_ipv4") || group.has("prefix_list_id"), () -> Resources.show(group));
        assertAt(variant.resource("aws_vpc_security_group_egress_rule", "service_egress_udp_53_10_0_0_2_32"), "ip_protocol", "udp");
    }

    /** The egress rules of the tasks' security group, by construct id. */
    private static Set<String> names(List<Map.Entry<String, JsonNode>> resources) {
        return new TreeSet<>(resources.stream().map(Map.Entry::getKey).filter(name -> name.startsWith("service_")).toList());
    }

    private static void assertSubnets(JsonNode subnets, String kind, JsonNode resource) {
        assertEquals(2, subnets.size(), () -> "expected the two " + kind + " subnets in\n" + Resources.show(resource));
        subnets.forEach(subnet -> assertTrue(subnet.asText().contains("webapp-dev-network")
                        && subnet.asText().contains("aws_subnet" + kind + "_"),
                () -> "expected a " + kind + " subnet of webapp-dev-network, found " + subnet + " in\n" + Resources.show(resource)));
    }

    private static JsonNode container(Resources stack) {
        String json = stack.resource("aws_ecs_task_definition", "task").path("container_definitions").asText();
        try {
            JsonNode definitions = MAPPER.readTree(json);
            assertEquals(1, definitions.size(), () -> "expected one container in " + json);
            return definitions.get(0);
        } catch (IOException e) {
            throw new UncheckedIOException("container_definitions is not JSON: " + json, e);
        }
    }

    /** The load balancer's ingress rules as "port cidr". */
    private static Synthesized noNat;

    /** dev without NAT gateways (its tasks reach AWS through endpoints), its test listener open to one public block. */
    private static synchronized Synthesized noNat() {
        if (noNat == null) {
            try {
                String yaml = Files.readString(Repo.config().resolve("dev.yaml"))
                        .replace("environment: dev", "environment: nonat")
                        .replace("natGateways: single", "natGateways: none")
                        .replace("vpcEndpoints: false", "vpcEndpoints: true")
                        .replace("testListenerCidrs: []", "testListenerCidrs: [198.51.100.0/24]");
                noNat = Synthesized.of(List.of(ConfigLoader.parse("nonat.yaml", yaml, "nonat")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return noNat;
    }

    /** The address of NAT gateway {@code index} of the environment's network stack, as a /32, read from its state. */
    private static String natAddress(String env, int index) {
        return "${data.terraform_remote_state.cross-stack-reference-input-webapp-" + env + "-network.outputs"
                + ".cross-stack-output-aws_nat_gatewaynat_" + index + "public_ip}/32";
    }

    private static Set<String> albIngress(Resources stack) {
        Set<String> rules = new TreeSet<>();
        rulesOf(stack, "aws_vpc_security_group_ingress_rule", "alb_security_group").forEach(rule -> {
            JsonNode value = rule.getValue();
            assertEquals(value.path("from_port"), value.path("to_port"), () -> "one port per rule: " + Resources.show(value));
            rules.add(value.path("from_port").asInt() + " " + value.path("cidr_ipv4").asText());
        });
        return rules;
    }

    private static List<Map.Entry<String, JsonNode>> rulesOf(Resources stack, String type, String group) {
        String id = "${aws_security_group." + group + ".id}";
        return stack.ofType(type).stream().filter(rule -> rule.getValue().path("security_group_id").asText().equals(id)).toList();
    }
}
