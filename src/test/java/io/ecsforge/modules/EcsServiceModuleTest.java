package io.ecsforge.modules;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The ecs-service module's document: the cluster and service stacks' resources, one of each,
 * what the configuration may leave out counted or conditional on the variables, names made of
 * {@code app} and {@code environment}, and the variables themselves.
 */
class EcsServiceModuleTest {
    private static final String HTTPS = "var.certificate_arn != \"\"";

    private final Resources module = BuiltModules.module("ecs-service");

    @Test
    void aModuleHasNoProviderNorBackend() {
        JsonNode json = module.json();
        assertFalse(json.has("provider"), () -> Resources.show(json.path("provider")));
        assertEquals(List.of("required_providers", "required_version"), NetworkModuleTest.fieldNames(json.path("terraform")));
    }

    @Test
    void theServiceRunsInTheModulesOwnClusterWithTheGivenRolesAndSubnets() {
        JsonNode service = module.resource("aws_ecs_service", "service");
        assertAt(service, "cluster", "${aws_ecs_cluster.cluster.arn}");
        assertAt(service, "network_configuration.subnets", "${var.private_subnet_ids}");
        JsonNode task = module.resource("aws_ecs_task_definition", "task");
        assertAt(task, "execution_role_arn", "${var.execution_role_arn}");
        assertAt(task, "task_role_arn", "${var.task_role_arn}");
        assertAt(module.resource("aws_lb", "alb"), "subnets", "${var.public_subnet_ids}");
    }

    @Test
    void namesAreMadeOfAppAndEnvironmentAndElbNamesAreShortenedInTerraform() {
        assertAt(module.resource("aws_ecs_cluster", "cluster"), "name", "${var.app}-${var.environment}");
        assertAt(module.resource("aws_security_group", "alb_security_group"), "name", "${var.app}-${var.environment}-alb");
        assertAt(module.resource("aws_lb_target_group", "blue"), "name", "${length(\"${var.app}-${var.environment}-blue\") <= 32"
                + " ? \"${var.app}-${var.environment}-blue\" : \"${replace(substr(\"${var.app}-${var.environment}\", 0, 20),"
                + " \"/-+$/\", \"\")}-${substr(sha256(\"${var.app}-${var.environment}-blue\"), 0, 6)}-blue\"}");
    }

    @Test
    void httpsIsAConditionOnTheCertificateAndTheRedirectIsCountedByIt() {
        JsonNode production = module.resource("aws_lb_listener", "production_listener");
        assertAt(production, "port", "${(" + HTTPS + " ? 443 : 80)}");
        assertAt(production, "protocol", "${(" + HTTPS + " ? \"HTTPS\" : \"HTTP\")}");
        assertAt(production, "certificate_arn", "${" + HTTPS + " ? var.certificate_arn : null}");
        assertAt(module.resource("aws_lb_listener", "http_redirect_listener"), "count", "${" + HTTPS + " ? 1 : 0}");
    }

    @Test
    void accessLogsAreADynamicBlockWhileABucketIsGivenAndAnEmptyPrefixIsNone() {
        assertAt(module.resource("aws_lb", "alb"), "dynamic.access_logs", Map.of(
                "for_each", "${var.access_logs_bucket != \"\" ? [1] : []}",
                "content", Map.of("enabled", true,
                        "bucket", "${var.access_logs_bucket}",
                        "prefix", "${var.access_logs_prefix != \"\" ? var.access_logs_prefix : null}")));
    }

    @Test
    void theWebAclAssociationIsCountedByWhetherAnAclIsGivenOrMadeAndTakesTheMadeOnesArn() {
        JsonNode association = module.resource("aws_wafv2_web_acl_association", "alb_web_acl");
        assertAt(association, "count", "${var.waf_web_acl_arn != \"\" || var.waf == \"managed\" ? 1 : 0}");
        assertAt(association, "resource_arn", "${aws_lb.alb.arn}");
        assertAt(association, "web_acl_arn",
                "${(var.waf == \"managed\" ? one(aws_wafv2_web_acl.web_acl[*].arn) : var.waf_web_acl_arn)}");
    }

    @Test
    void theManagedWebAclItsLogGroupAndLoggingAreCountedByWafAndTheLogGroupTakesTheServicesKey() {
        String managed = "${var.waf == \"managed\" ? 1 : 0}";
        assertAt(module.resource("aws_wafv2_web_acl", "web_acl"), "count", managed);
        assertAt(module.resource("aws_wafv2_web_acl", "web_acl"), "name", "${var.app}-${var.environment}");
        JsonNode logs = module.resource("aws_cloudwatch_log_group", "web_acl_logs");
        assertAt(logs, "count", managed);
        assertAt(logs, "name", "aws-waf-logs-${var.app}-${var.environment}");
        assertAt(logs, "retention_in_days", "${var.log_retention_days}");
        assertAt(logs, "kms_key_id", "${var.log_kms_key_arn == \"\" ? null : var.log_kms_key_arn}");
        JsonNode logging = module.resource("aws_wafv2_web_acl_logging_configuration", "web_acl_logging");
        assertAt(logging, "count", managed);
        assertAt(logging, "resource_arn", "${aws_wafv2_web_acl.web_acl[0].arn}");
    }

    @Test
    void wafTakesNoneOrManagedAndNotWithTheTeamsWebAcl() {
        JsonNode variables = module.json().path("variable");
        assertAt(variables, "waf.default", "none");
        assertAt(variables, "waf.validation[0].condition", "${contains([\"none\",\"managed\"], var.waf)}");
        assertAt(variables, "waf_web_acl_arn.validation[1]", Map.of(
                "condition", "${var.waf != \"managed\" || var.waf_web_acl_arn == \"\"}",
                "error_message", "\"${var.waf_web_acl_arn}\" is set but waf is managed, which makes the module's own web"
                        + " ACL; allowed: one web ACL, waf managed without waf_web_acl_arn, or waf_web_acl_arn with waf none"));
    }

    @Test
    void accessLogsAndTheWebAclAreEmptyForNoneAndCheckedAsTheLoaderChecksThem() {
        JsonNode variables = module.json().path("variable");
        for (String name : List.of("access_logs_bucket", "access_logs_prefix", "waf_web_acl_arn")) {
            assertAt(variables, name + ".default", "");
            assertAt(variables, name + ".type", "string");
        }
        assertAt(variables, "access_logs_prefix.validation[1]", Map.of(
                "condition", "${var.access_logs_prefix == \"\" || var.access_logs_bucket != \"\"}",
                "error_message", "\"${var.access_logs_prefix}\" is set but access_logs_bucket is empty, which means no access"
                        + " logs; allowed: a bucket in access_logs_bucket, or no access_logs_prefix"));
        assertEquals(1 + 2 + 3 + 5, variables.path("access_logs_bucket").path("validation").size(),
                () -> "the form, two periods, an IP address, three prefixes and five suffixes S3 refuses: "
                        + Resources.show(variables.path("access_logs_bucket")));
    }

    @Test
    void ingressRulesAreOneABlockForEachPort() {
        assertAt(module.resource("aws_vpc_security_group_ingress_rule", "alb_ingress_80"), "for_each",
                "${toset(var.allowed_cidrs)}");
        assertAt(module.resource("aws_vpc_security_group_ingress_rule", "alb_ingress_443"), "for_each",
                "${toset((" + HTTPS + " ? var.allowed_cidrs : []))}");
        JsonNode test = module.resource("aws_vpc_security_group_ingress_rule", "alb_ingress_test");
        assertAt(test, "for_each", "${toset(var.test_listener_cidrs)}");
        assertAt(test, "cidr_ipv4", "${each.value}");
        assertAt(test, "from_port", "${var.test_listener_port}");
    }

    @Test
    void testListenerAdmitsEachNatAddressAsASlash32CountedRule() {
        JsonNode nat = module.resource("aws_vpc_security_group_ingress_rule", "alb_ingress_test_nat");
        assertAt(nat, "count", "${length(var.nat_public_ips)}");
        assertAt(nat, "cidr_ipv4", "${(var.nat_public_ips)[count.index]}/32");
        assertAt(nat, "from_port", "${var.test_listener_port}");
        assertAt(nat, "to_port", "${var.test_listener_port}");
        assertAt(nat, "description", "the test listener on ${var.test_listener_port} from NAT gateway ${count.index}");
        assertAt(module.json(), "variable.nat_public_ips.default", List.of());
    }

    @Test
    void testListenerBlocksInAPrivateRangeAreRefusedAsTheLoaderRefusesThem() {
        JsonNode validations = module.json().path("variable").path("test_listener_cidrs").path("validation");
        assertEquals(3, validations.size(), () -> Resources.show(validations));
        String message = validations.path(2).path("error_message").asText();
        assertTrue(message.endsWith(", from which no request reaches the internet-facing load balancer: clients in the VPC"
                + " arrive from its NAT gateways' public addresses, which the test listener admits without being listed;"
                + " allowed: public blocks, such as an office's or a VPN's egress; remove this one"), message);
        String condition = validations.path(2).path("condition").asText();
        for (String range : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")) {
            assertTrue(condition.contains("\"" + range + "\""), () -> range + " in " + condition);
        }
    }

    @Test
    void autoscalingAndExecAreOptionalAndTheirReferencesNameTheOnlyInstance() {
        assertAt(module.resource("aws_appautoscaling_policy", "cpu_target_tracking"), "count", "${var.autoscaling_enabled ? 1 : 0}");
        assertAt(module.resource("aws_appautoscaling_policy", "cpu_target_tracking"), "resource_id",
                "${aws_appautoscaling_target.autoscaling_target[0].resource_id}");
        assertAt(module.resource("aws_cloudwatch_log_group", "exec_logs"), "count", "${var.execute_command ? 1 : 0}");
        assertAt(module.resource("aws_ecs_cluster", "cluster"),
                "dynamic.configuration.content.execute_command_configuration.log_configuration.cloud_watch_log_group_name",
                "${aws_cloudwatch_log_group.exec_logs[0].name}");
    }

    @Test
    void aNewServiceStartsWithinTheAutoscalingBoundsAndLeavesTheCountToAutoScaling() {
        JsonNode service = module.resource("aws_ecs_service", "service");
        assertAt(service, "desired_count", "${(var.autoscaling_enabled ? max(var.autoscaling_min, min(var.autoscaling_max,"
                + " var.desired_count)) : var.desired_count)}");
        assertAt(service, "lifecycle.ignore_changes", List.of("task_definition", "load_balancer", "capacity_provider_strategy",
                "desired_count"));
    }

    @Test
    void fargateSpotIsADynamicBlockWhileItsWeightIsAboveZero() {
        assertAt(module.resource("aws_ecs_service", "service"), "dynamic.capacity_provider_strategy", Map.of(
                "for_each", "${var.fargate_spot_weight > 0 ? [var.fargate_spot_weight] : []}",
                "content", Map.of("base", 0, "capacity_provider", "FARGATE_SPOT",
                        "weight", "${capacity_provider_strategy.value}")));
    }

    @Test
    void theContainerDefinitionInterpolatesWhatTheVariablesDecide() {
        String definitions = module.resource("aws_ecs_task_definition", "task").path("container_definitions").asText();
        assertTrue(definitions.contains("\"containerPort\":${var.container_port},"), definitions);
        assertTrue(definitions.contains("\"environment\":${jsonencode([for name, value in var.environment_variables :"
                + " { name = name, value = value }])}"), definitions);
        assertTrue(definitions.contains("\"linuxParameters\":${var.execute_command ? jsonencode({\"initProcessEnabled\":true})"
                + " : \"null\"}"), definitions);
        assertTrue(definitions.contains("\"image\":\"${var.repository_url}:${var.image_tag}\""), definitions);
    }

    @Test
    void memoryIsCheckedAgainstTheCpuAsTheLoaderPairsThem() {
        JsonNode validations = module.json().path("variable").path("memory").path("validation");
        assertEquals(3, validations.size(), () -> Resources.show(validations));
        assertAt(validations.path(2), "error_message", "${var.memory} MiB does not pair with cpu ${var.cpu} on Fargate;"
                + " allowed memory for cpu ${var.cpu}: ${lookup({\"256\" = \"512, 1024 or 2048\", \"512\" = \"1024 to 4096 in"
                + " steps of 1024\", \"1024\" = \"2048 to 8192 in steps of 1024\", \"2048\" = \"4096 to 16384 in steps of"
                + " 1024\", \"4096\" = \"8192 to 30720 in steps of 1024\", \"8192\" = \"16384 to 61440 in steps of 4096\","
                + " \"16384\" = \"32768 to 122880 in steps of 8192\"}, tostring(var.cpu), \"\")}");
    }

    @Test
    void theTestListenerMayNotTakeAProductionPort() {
        JsonNode validations = module.json().path("variable").path("test_listener_port").path("validation");
        assertAt(validations.path(2), "condition", "${var.test_listener_port != 80 && (var.certificate_arn == \"\" ||"
                + " var.test_listener_port != 443)}");
    }

    @Test
    void egressRulesAreOneResourceForEachRuleKeyedAsTheStacksNameThem() {
        JsonNode rule = module.resource("aws_vpc_security_group_egress_rule", "service_egress");
        assertAt(rule, "for_each", "${{ for item in var.egress : format(\"%s_%d%s_%s\", item.protocol, item.port, item.to_port"
                + " == null || item.to_port == item.port ? \"\" : format(\"_%d\", item.to_port), coalesce(item.cidr,"
                + " item.prefix_list_id, item.security_group_id)) => item }}");
        assertAt(rule, "cidr_ipv4", "${each.value.cidr}");
        assertAt(rule, "prefix_list_id", "${each.value.prefix_list_id}");
        assertAt(rule, "referenced_security_group_id", "${each.value.security_group_id}");
        assertAt(rule, "to_port", "${coalesce(each.value.to_port, each.value.port)}");
        assertAt(module.resource("aws_vpc_security_group_egress_rule", "service_egress_https"), "cidr_ipv4", "0.0.0.0/0");
    }

    @Test
    void egressRulesAreCheckedAsTheLoaderChecksThem() {
        JsonNode variable = module.json().path("variable").path("egress");
        assertTrue(variable.path("type").asText().startsWith("list(object({ port = number, to_port = optional(number),"),
                () -> Resources.show(variable));
        List<String> messages = new java.util.ArrayList<>();
        variable.path("validation").forEach(validation -> messages.add(validation.path("error_message").asText()));
        assertTrue(messages.contains("has no destination; allowed: exactly one of cidr, prefix_list_id or security_group_id"),
                () -> String.join("\n", messages));
        assertTrue(messages.contains("is the HTTPS rule every service has (tcp 443 to 0.0.0.0/0); allowed: other rules only,"
                + " leave this one out"), () -> String.join("\n", messages));
        assertEquals(14, messages.size(), () -> String.join("\n", messages));
    }

    @Test
    void everyKeyOfTheSectionsAndEveryInputIsAVariable() {
        assertEquals(List.of("access_logs_bucket", "access_logs_prefix", "allowed_cidrs", "app", "autoscaling_cpu_target", "autoscaling_enabled", "autoscaling_max",
                "autoscaling_min", "certificate_arn", "container_insights", "container_name", "container_port", "cpu",
                "cpu_architecture", "deletion_protection", "desired_count", "egress", "environment", "environment_variables",
                "execute_command", "execution_role_arn", "fargate_spot_weight", "health_check_grace_period_seconds",
                "health_check_path", "idle_timeout_seconds", "image_tag", "log_kms_key_arn", "log_retention_days", "memory", "nat_public_ips", "private_subnet_ids",
                "public_subnet_ids", "readonly_root_filesystem", "repository_url", "secrets", "ssl_policy", "task_role_arn",
                "test_listener_cidrs", "test_listener_port", "vpc_id", "waf", "waf_web_acl_arn"), NetworkModuleTest.fieldNames(module.json().path("variable")));
    }

    @Test
    void theInputsAreRequiredAndTheCertificateIsEmptyForPlainHttp() {
        JsonNode variables = module.json().path("variable");
        for (String input : List.of("vpc_id", "public_subnet_ids", "private_subnet_ids", "repository_url", "execution_role_arn",
                "task_role_arn")) {
            assertFalse(variables.path(input).has("default"), () -> input + ": " + Resources.show(variables.path(input)));
        }
        assertAt(variables, "certificate_arn.default", "");
        assertAt(variables, "environment_variables.type", "map(string)");
    }

    @Test
    void everyStackOutputAndTheTargetGroupsArnSuffixesAreDescribedOutputs() {
        JsonNode outputs = module.json().path("output");
        assertEquals(List.of("alb_arn_suffix", "alb_dns_name", "alb_zone_id", "blue_target_group_arn_suffix",
                "blue_target_group_name", "cluster_arn", "cluster_name", "green_target_group_arn_suffix",
                "green_target_group_name", "log_group_name", "production_listener_arn", "service_name",
                "service_security_group_id", "task_definition_family", "test_listener_arn"),
                NetworkModuleTest.fieldNames(outputs).stream().sorted().toList());
        outputs.forEach(output -> assertFalse(output.path("description").asText().isEmpty(), output::toString));
    }
}
