package io.ecsforge.modules;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The blue-green module's document: the delivery stack's resources, the strategy's deployment
 * configuration counted and its traffic-shifting block written as dynamic blocks, the latency
 * alarms counted, and the variables with the loader's rules.
 */
class BlueGreenModuleTest {
    private static final String OWN_CONFIG = "contains([\"canary\",\"linear\"], var.strategy)";

    private final Resources module = BuiltModules.module("blue-green");

    private JsonNode variable(String name) {
        return module.json().path("variable").path(name);
    }

    @Test
    void aModuleHasNoProviderNorBackendAndNoCdktfMetadata() {
        JsonNode json = module.json();
        assertFalse(json.has("provider"), () -> Resources.show(json.path("provider")));
        assertFalse(json.path("terraform").has("backend"), () -> Resources.show(json.path("terraform")));
        assertFalse(json.toString().contains("\"//\""), json::toString);
    }

    @Test
    void everyNameIsMadeFromAppAndEnvironment() {
        assertAt(module.resource("aws_codedeploy_app", "application"), "name", "${var.app}-${var.environment}");
        assertAt(module.resource("aws_codedeploy_deployment_group", "deployment_group"), "deployment_group_name",
                "${var.app}-${var.environment}");
        assertAt(module.resource("aws_cloudwatch_metric_alarm", "green_unhealthy_hosts"), "alarm_name",
                "${var.app}-${var.environment}-green-unhealthy-hosts");
    }

    @Test
    void theDeploymentConfigurationIsMadeForCanaryAndLinearOnlyAndNamedAfterItsSettings() {
        JsonNode config = module.resource("aws_codedeploy_deployment_config", "deployment_config");
        assertAt(config, "count", "${" + OWN_CONFIG + " ? 1 : 0}");
        assertAt(config, "deployment_config_name",
                "${var.app}-${var.environment}-${var.strategy}-${var.percent}pct-${var.interval_minutes}min");
        assertAt(config, "lifecycle.create_before_destroy", true);
    }

    @Test
    void theStrategyPicksTheShiftTypeAndItsBlockAsADynamicBlockOfNoneOrOne() {
        JsonNode routing = module.resource("aws_codedeploy_deployment_config", "deployment_config").path("traffic_routing_config");
        assertAt(routing, "type", "${(var.strategy == \"canary\" ? \"TimeBasedCanary\" : \"TimeBasedLinear\")}");
        Map<String, String> shift = Map.of("interval", "${var.interval_minutes}", "percentage", "${var.percent}");
        assertAt(routing, "dynamic.time_based_canary", Map.of("for_each", "${var.strategy == \"canary\" ? [1] : []}",
                "content", shift));
        assertAt(routing, "dynamic.time_based_linear", Map.of("for_each", "${var.strategy == \"linear\" ? [1] : []}",
                "content", shift));
        assertFalse(routing.has("time_based_canary") || routing.has("time_based_linear"), () -> Resources.show(routing));
    }

    @Test
    void theGroupUsesTheOwnConfigurationOrTheBuiltInOneForAllAtOnce() {
        String name = "${(" + OWN_CONFIG + " ? aws_codedeploy_deployment_config.deployment_config[0].deployment_config_name"
                + " : \"CodeDeployDefault.ECSAllAtOnce\")}";
        assertAt(module.resource("aws_codedeploy_deployment_group", "deployment_group"), "deployment_config_name", name);
        assertAt(module.json(), "output.deployment_config_name.value", name);
    }

    @Test
    void theLatencyAlarmsAreCountedByWhetherAThresholdIsGiven() {
        for (String role : List.of("blue", "green")) {
            JsonNode latency = module.resource("aws_cloudwatch_metric_alarm", role + "_p99_latency");
            assertAt(latency, "count", "${var.p99_latency_seconds != null ? 1 : 0}");
            assertAt(latency, "threshold", "${var.p99_latency_seconds}");
            assertFalse(module.resource("aws_cloudwatch_metric_alarm", role + "_5xx").has("count"), role);
        }
    }

    @Test
    void theGroupRollsBackOnEveryAlarmMadeInTheStacksOrder() {
        assertAt(module.resource("aws_codedeploy_deployment_group", "deployment_group"), "alarm_configuration.alarms",
                "${concat([aws_cloudwatch_metric_alarm.blue_5xx.alarm_name,"
                        + " aws_cloudwatch_metric_alarm.blue_unhealthy_hosts.alarm_name],"
                        + " aws_cloudwatch_metric_alarm.blue_p99_latency[*].alarm_name,"
                        + " [aws_cloudwatch_metric_alarm.green_5xx.alarm_name,"
                        + " aws_cloudwatch_metric_alarm.green_unhealthy_hosts.alarm_name],"
                        + " aws_cloudwatch_metric_alarm.green_p99_latency[*].alarm_name)}");
    }

    @Test
    void theAlarmsThresholdsAndDescriptionsComeFromTheVariables() {
        JsonNode errors = module.resource("aws_cloudwatch_metric_alarm", "blue_5xx");
        assertAt(errors, "threshold", "${var.http5xx_percent}");
        assertAt(errors, "evaluation_periods", "${var.evaluation_periods}");
        assertAt(errors, "alarm_description", "Target 5xx responses above ${var.http5xx_percent}% of requests on the blue"
                + " target group; stops and rolls back a release.");
        assertAt(errors.path("metric_query").path(0).path("metric"), "period", "${var.period_seconds}");
        assertAt(errors.path("metric_query").path(0).path("metric"), "dimensions",
                Map.of("LoadBalancer", "${var.alb_arn_suffix}", "TargetGroup", "${var.blue_target_group_arn_suffix}"));
    }

    @Test
    void theServiceListenersTargetGroupsAndRoleAreInputs() {
        JsonNode group = module.resource("aws_codedeploy_deployment_group", "deployment_group");
        assertAt(group, "service_role_arn", "${var.codedeploy_role_arn}");
        assertAt(group, "ecs_service", Map.of("cluster_name", "${var.cluster_name}", "service_name", "${var.service_name}"));
        assertAt(group, "load_balancer_info.target_group_pair_info.prod_traffic_route.listener_arns",
                List.of("${var.production_listener_arn}"));
        assertAt(group, "load_balancer_info.target_group_pair_info.test_traffic_route.listener_arns",
                List.of("${var.test_listener_arn}"));
        assertAt(group, "load_balancer_info.target_group_pair_info.target_group", List.of(
                Map.of("name", "${var.blue_target_group_name}"), Map.of("name", "${var.green_target_group_name}")));
        assertAt(group, "blue_green_deployment_config.terminate_blue_instances_on_deployment_success"
                + ".termination_wait_time_in_minutes", "${var.terminate_blue_after_minutes}");
    }

    @Test
    void everyDeploymentKeyTheNamesAndTheInputsAreVariables() {
        assertEquals(List.of("alb_arn_suffix", "app", "blue_target_group_arn_suffix", "blue_target_group_name", "cluster_name",
                "codedeploy_role_arn", "environment", "evaluation_periods", "green_target_group_arn_suffix",
                "green_target_group_name", "http5xx_percent", "interval_minutes", "p99_latency_seconds", "percent",
                "period_seconds", "production_listener_arn", "service_name", "strategy", "terminate_blue_after_minutes",
                "test_listener_arn", "unhealthy_hosts"), NetworkModuleTest.fieldNames(module.json().path("variable")));
        for (String input : BlueGreenModule.INPUTS.keySet()) {
            assertFalse(variable(input).has("default"), () -> input + " " + Resources.show(variable(input)));
            assertFalse(variable(input).path("description").asText().isEmpty(), input);
        }
    }

    @Test
    void theDefaultsAreTheFilesACanaryOfTwentyFivePercentForTenMinutes() {
        assertAt(variable("strategy"), "default", "canary");
        assertAt(variable("percent"), "default", 25);
        assertAt(variable("interval_minutes"), "default", 10);
        assertAt(variable("terminate_blue_after_minutes"), "default", 5);
        assertAt(variable("http5xx_percent"), "default", 5);
        assertAt(variable("unhealthy_hosts"), "default", 1);
        assertAt(variable("period_seconds"), "default", 60);
        assertAt(variable("evaluation_periods"), "default", 2);
    }

    @Test
    void noLatencyThresholdIsNullWhichTheVariableTakesAsAValue() {
        JsonNode p99 = variable("p99_latency_seconds");
        assertEquals(true, p99.has("default") && p99.path("default").isNull(), () -> Resources.show(p99));
        assertAt(p99, "nullable", true);
        assertAt(p99, "validation", List.of(Map.of(
                "condition", "${var.p99_latency_seconds == null ? true : (var.p99_latency_seconds >= 0.001"
                        + " && var.p99_latency_seconds <= 60)}",
                "error_message", "${var.p99_latency_seconds == null ? \"\" : var.p99_latency_seconds} is out of range;"
                        + " allowed: 0.001 to 60")));
        assertAt(variable("http5xx_percent"), "nullable", false);
    }

    @Test
    void theStrategyIsOneOfItsChoices() {
        assertAt(variable("strategy"), "validation", List.of(Map.of(
                "condition", "${contains([\"canary\",\"linear\",\"all-at-once\"], var.strategy)}",
                "error_message", "\"${var.strategy}\" is not allowed; allowed: canary, linear, all-at-once")));
    }

    @Test
    void theAlarmPeriodIsWholeMinutesWithTheLoadersMessage() {
        assertAt(variable("period_seconds"), "validation[2]", Map.of(
                "condition", "${var.period_seconds % 60 == 0}",
                "error_message", "${var.period_seconds} is not an alarm period for load balancer metrics, which arrive once a"
                        + " minute; allowed: a multiple of 60"));
    }

    @Test
    void theWindowMustOutlastTheAlarmsUnlessAllAtOnceOrAnotherRuleAlreadyRefuses() {
        JsonNode window = variable("interval_minutes").path("validation").path(2);
        assertAt(window, "condition", "${var.strategy == \"all-at-once\""
                + " || !(floor(var.interval_minutes) == var.interval_minutes && var.interval_minutes >= 1"
                + " && var.interval_minutes <= 2880)"
                + " || !(floor(var.period_seconds) == var.period_seconds && var.period_seconds >= 10"
                + " && var.period_seconds <= 86400) || var.period_seconds % 60 != 0"
                + " || !(floor(var.evaluation_periods) == var.evaluation_periods && var.evaluation_periods >= 1"
                + " && var.evaluation_periods <= 10)"
                + " || var.interval_minutes * 60 >= max(2, var.evaluation_periods) * var.period_seconds}");
        assertAt(window, "error_message", "${var.interval_minutes} minute(s) is shorter than ${max(2, var.evaluation_periods)}"
                + " alarm periods (${max(2, var.evaluation_periods)} x ${var.period_seconds} s = ${max(2,"
                + " var.evaluation_periods) * var.period_seconds} s), so the alarms could not fire before traffic shifts;"
                + " allowed: at least ${ceil(max(2, var.evaluation_periods) * var.period_seconds / 60)} minute(s), or lower"
                + " period_seconds or evaluation_periods");
    }

    @Test
    void everyOutputOfTheStackIsDescribed() {
        JsonNode outputs = module.json().path("output");
        assertEquals(List.of("application_name", "deployment_config_name", "deployment_group_name"),
                NetworkModuleTest.fieldNames(outputs));
        outputs.forEach(output -> assertFalse(output.path("description").asText().isEmpty(), output::toString));
    }
}
