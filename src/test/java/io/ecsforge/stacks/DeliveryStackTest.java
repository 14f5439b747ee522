package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The delivery stack on its own, in a test app, with literal release targets standing in for the
 * service stack's references, so that every value can be checked exactly.
 */
class DeliveryStackTest {
    static final String ROLE = "arn:aws:iam::123456789012:role/webapp-codedeploy";
    static final String LB_SUFFIX = "app/webapp/50dc6c495c0c9188";
    static final String BLUE_SUFFIX = "targetgroup/webapp-blue/0123456789abcdef";
    static final String GREEN_SUFFIX = "targetgroup/webapp-green/fedcba9876543210";
    static final ReleaseTargets TARGETS = new ReleaseTargets(
            "webapp-cluster",
            "webapp-service",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/webapp/50dc6c495c0c9188/f2f7dc8efc522ab2",
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/webapp/50dc6c495c0c9188/a1b2c3d4e5f60718",
            "webapp-blue",
            "webapp-green",
            BLUE_SUFFIX,
            GREEN_SUFFIX,
            LB_SUFFIX);

    private static final String MINIMAL = """
            app: webapp
            environment: %s
            aws: {region: us-east-1}
            state: {backend: local}
            github: {repository: my-org/webapp}
            """;

    private static Resources defaults;
    private static Resources dev;
    private static Resources prod;
    private static Resources linear;
    private static Resources allAtOnce;

    @BeforeAll
    static void synthesize() throws IOException {
        ConfigLoader examples = new ConfigLoader(Repo.config());
        List<EnvironmentConfig> configs = List.of(
                ConfigLoader.parse("defaults.yaml", MINIMAL.formatted("defaults"), "defaults"),
                examples.load("dev"),
                examples.load("prod"),
                ConfigLoader.parse("linear.yaml", MINIMAL.formatted("linear") + """
                        deployment:
                          strategy: linear
                          percent: 10
                          intervalMinutes: 6
                          terminateBlueAfterMinutes: 0
                          alarms: {periodSeconds: 120, evaluationPeriods: 3, unhealthyHosts: 2}
                        """, "linear"),
                ConfigLoader.parse("all-at-once.yaml", MINIMAL.formatted("all-at-once") + """
                        deployment: {strategy: all-at-once}
                        """, "all-at-once"));
        Path out = Files.createTempDirectory("ecsforge-delivery").resolve("cdktf.out");
        App app = new App(AppConfig.builder().outdir(out.toString()).stackTraces(false).build());
        List<DeliveryStack> stacks = new ArrayList<>();
        for (EnvironmentConfig config : configs) {
            stacks.add(new DeliveryStack(app, config, TARGETS, ROLE));
        }
        app.synth();
        ObjectMapper mapper = new ObjectMapper();
        List<Resources> synthesized = new ArrayList<>();
        for (DeliveryStack stack : stacks) {
            JsonNode json = mapper.readTree(out.resolve("stacks").resolve(stack.stackName()).resolve("cdk.tf.json").toFile());
            synthesized.add(new Resources(stack.stackName(), json));
        }
        defaults = synthesized.get(0);
        dev = synthesized.get(1);
        prod = synthesized.get(2);
        linear = synthesized.get(3);
        allAtOnce = synthesized.get(4);
    }

    private static JsonNode group(Resources stack) {
        return stack.resource("aws_codedeploy_deployment_group", "deployment_group");
    }

    private static JsonNode alarm(Resources stack, String name) {
        return stack.resource("aws_cloudwatch_metric_alarm", name);
    }

    @Test
    void applicationIsAnEcsApplicationNamedAfterTheEnvironment() {
        JsonNode application = dev.resource("aws_codedeploy_app", "application");
        assertAt(application, "name", "webapp-dev");
        assertAt(application, "compute_platform", "ECS");
    }

    @Test
    void canaryDefaultsToTwentyFivePercentForTenMinutes() {
        JsonNode config = defaults.resource("aws_codedeploy_deployment_config", "deployment_config");
        assertAt(config, "compute_platform", "ECS");
        assertAt(config, "traffic_routing_config", Map.of(
                "type", "TimeBasedCanary",
                "time_based_canary", Map.of("percentage", 25, "interval", 10)));
    }

    @Test
    void linearShiftsPercentEveryInterval() {
        JsonNode config = linear.resource("aws_codedeploy_deployment_config", "deployment_config");
        assertAt(config, "traffic_routing_config", Map.of(
                "type", "TimeBasedLinear",
                "time_based_linear", Map.of("percentage", 10, "interval", 6)));
    }

    @Test
    void deploymentConfigIsNamedAfterItsSettingsAndReplacedBeforeTheOldOneIsDeleted() {
        JsonNode canary = defaults.resource("aws_codedeploy_deployment_config", "deployment_config");
        assertAt(canary, "deployment_config_name", "webapp-defaults-canary-25pct-10min");
        assertAt(canary, "lifecycle.create_before_destroy", true);
        assertAt(linear.resource("aws_codedeploy_deployment_config", "deployment_config"), "deployment_config_name",
                "webapp-linear-linear-10pct-6min");
    }

    @Test
    void deploymentGroupUsesTheStrategysConfiguration() {
        assertAt(group(defaults), "deployment_config_name",
                "${aws_codedeploy_deployment_config.deployment_config.deployment_config_name}");
    }

    @Test
    void allAtOnceUsesTheBuiltInConfigurationAndCreatesNone() {
        assertEquals(0, allAtOnce.count("aws_codedeploy_deployment_config"), () -> Resources.show(allAtOnce.json().path("resource")));
        assertAt(group(allAtOnce), "deployment_config_name", "CodeDeployDefault.ECSAllAtOnce");
    }

    @Test
    void deploymentGroupIsBlueGreenWithTrafficControl() {
        assertAt(group(dev), "deployment_style", Map.of("deployment_type", "BLUE_GREEN", "deployment_option", "WITH_TRAFFIC_CONTROL"));
    }

    @Test
    void deploymentGroupBelongsToTheApplicationAndIsNamedAfterTheEnvironment() {
        assertAt(group(dev), "app_name", "${aws_codedeploy_app.application.name}");
        assertAt(group(dev), "deployment_group_name", "webapp-dev");
    }

    @Test
    void deploymentGroupDeploysTheService() {
        assertAt(group(dev), "ecs_service", Map.of("cluster_name", "webapp-cluster", "service_name", "webapp-service"));
    }

    @Test
    void deploymentGroupSwapsBothTargetGroupsBetweenTheProductionAndTestListeners() {
        JsonNode pair = Resources.at(group(dev), "load_balancer_info.target_group_pair_info");
        assertAt(pair, "prod_traffic_route.listener_arns", List.of(TARGETS.productionListenerArn()));
        assertAt(pair, "test_traffic_route.listener_arns", List.of(TARGETS.testListenerArn()));
        assertAt(pair, "target_group", List.of(Map.of("name", "webapp-blue"), Map.of("name", "webapp-green")));
    }

    @Test
    void deploymentGroupAssumesTheCodeDeployRole() {
        assertAt(group(dev), "service_role_arn", ROLE);
    }

    @Test
    void trafficShiftingStartsAsSoonAsTheNewTasksAreReady() {
        assertAt(group(dev), "blue_green_deployment_config.deployment_ready_option",
                Map.of("action_on_timeout", "CONTINUE_DEPLOYMENT"));
    }

    @Test
    void oldTasksAreTerminatedAfterTheConfiguredWait() {
        String path = "blue_green_deployment_config.terminate_blue_instances_on_deployment_success";
        assertAt(group(dev), path, Map.of("action", "TERMINATE", "termination_wait_time_in_minutes", 5));
        assertAt(group(prod), path, Map.of("action", "TERMINATE", "termination_wait_time_in_minutes", 30));
        assertAt(group(linear), path, Map.of("action", "TERMINATE", "termination_wait_time_in_minutes", 0));
    }

    @Test
    void failedAndAlarmStoppedDeploymentsRollBack() {
        assertAt(group(dev), "auto_rollback_configuration",
                Map.of("enabled", true, "events", List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM")));
    }

    @Test
    void deploymentGroupStopsOnEveryAlarmOfTheStack() {
        List<String> alarms = List.of("blue_5xx", "blue_unhealthy_hosts", "blue_p99_latency",
                "green_5xx", "green_unhealthy_hosts", "green_p99_latency");
        assertEquals(alarms.size(), prod.count("aws_cloudwatch_metric_alarm"), () -> Resources.show(prod.json().path("resource")));
        assertAt(group(prod), "alarm_configuration", Map.of("enabled", true,
                "alarms", alarms.stream().map(alarm -> "${aws_cloudwatch_metric_alarm." + alarm + ".alarm_name}").toList()));
    }

    @Test
    void alarmNamesAreAppEnvironmentTargetGroupAndWhatTheyWatch() {
        Map<String, String> names = new TreeMap<>();
        prod.ofType("aws_cloudwatch_metric_alarm").forEach(alarm -> names.put(alarm.getKey(), alarm.getValue().path("alarm_name").asText()));
        assertEquals(new TreeMap<>(Map.of(
                "blue_5xx", "webapp-prod-blue-5xx",
                "blue_unhealthy_hosts", "webapp-prod-blue-unhealthy-hosts",
                "blue_p99_latency", "webapp-prod-blue-p99-latency",
                "green_5xx", "webapp-prod-green-5xx",
                "green_unhealthy_hosts", "webapp-prod-green-unhealthy-hosts",
                "green_p99_latency", "webapp-prod-green-p99-latency")), names);
    }

    @Test
    void fiveXxAlarmOfEachTargetGroupDividesItsOwn5xxCountByItsOwnRequestCount() {
        for (String[] tg : List.of(new String[] {"blue", BLUE_SUFFIX}, new String[] {"green", GREEN_SUFFIX})) {
            JsonNode alarm = alarm(dev, tg[0] + "_5xx");
            Map<String, String> dimensions = Map.of("TargetGroup", tg[1], "LoadBalancer", LB_SUFFIX);
            assertAt(alarm, "metric_query[0]", Map.of("id", "errors", "return_data", false, "metric", Map.of(
                    "namespace", "AWS/ApplicationELB", "metric_name", "HTTPCode_Target_5XX_Count", "stat", "Sum",
                    "period", 60, "dimensions", dimensions)));
            assertAt(alarm, "metric_query[1]", Map.of("id", "requests", "return_data", false, "metric", Map.of(
                    "namespace", "AWS/ApplicationELB", "metric_name", "RequestCount", "stat", "Sum",
                    "period", 60, "dimensions", dimensions)));
        }
    }

    @Test
    void fiveXxRateIsAPercentageThatSurvivesNoErrorsAndNoRequests() {
        JsonNode rate = Resources.at(alarm(dev, "blue_5xx"), "metric_query[2]");
        assertAt(rate, "id", "error_rate");
        assertAt(rate, "expression", "IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)");
        assertAt(rate, "return_data", true);
    }

    @Test
    void fiveXxAlarmFiresAboveTheConfiguredPercentage() {
        assertAt(alarm(dev, "green_5xx"), "comparison_operator", "GreaterThanThreshold");
        assertAt(alarm(dev, "green_5xx"), "threshold", 5);
        assertAt(alarm(prod, "green_5xx"), "threshold", 2);
        assertFalse(alarm(dev, "green_5xx").has("metric_name"), () -> Resources.show(alarm(dev, "green_5xx")));
    }

    @Test
    void unhealthyHostsAlarmFiresAtTheConfiguredCountOnEachTargetGroup() {
        for (String[] tg : List.of(new String[] {"blue", BLUE_SUFFIX}, new String[] {"green", GREEN_SUFFIX})) {
            JsonNode alarm = alarm(linear, tg[0] + "_unhealthy_hosts");
            assertAt(alarm, "namespace", "AWS/ApplicationELB");
            assertAt(alarm, "metric_name", "UnHealthyHostCount");
            assertAt(alarm, "statistic", "Maximum");
            assertAt(alarm, "comparison_operator", "GreaterThanOrEqualToThreshold");
            assertAt(alarm, "threshold", 2);
            assertAt(alarm, "dimensions", Map.of("TargetGroup", tg[1], "LoadBalancer", LB_SUFFIX));
        }
    }

    @Test
    void p99LatencyAlarmExistsOnlyWhenConfigured() {
        assertFalse(dev.has("aws_cloudwatch_metric_alarm", "blue_p99_latency"), () -> Resources.show(dev.json().path("resource")));
        assertFalse(dev.has("aws_cloudwatch_metric_alarm", "green_p99_latency"), () -> Resources.show(dev.json().path("resource")));
        assertEquals(4, dev.count("aws_cloudwatch_metric_alarm"), () -> Resources.show(dev.json().path("resource")));
    }

    @Test
    void p99LatencyAlarmWatchesEachTargetGroupsResponseTime() {
        for (String[] tg : List.of(new String[] {"blue", BLUE_SUFFIX}, new String[] {"green", GREEN_SUFFIX})) {
            JsonNode alarm = alarm(prod, tg[0] + "_p99_latency");
            assertAt(alarm, "metric_name", "TargetResponseTime");
            assertAt(alarm, "extended_statistic", "p99");
            assertAt(alarm, "comparison_operator", "GreaterThanThreshold");
            assertAt(alarm, "threshold", 1.5);
            assertAt(alarm, "dimensions", Map.of("TargetGroup", tg[1], "LoadBalancer", LB_SUFFIX));
        }
    }

    @Test
    void everyAlarmTreatsMissingDataAsNotBreaching() {
        assertEquals(6, prod.ofType("aws_cloudwatch_metric_alarm").size(), "prod: three alarms on each target group");
        prod.ofType("aws_cloudwatch_metric_alarm").forEach(alarm -> assertAt(alarm.getValue(), "treat_missing_data", "notBreaching"));
    }

    @Test
    void alarmsUseTheConfiguredPeriodAndEvaluationPeriods() {
        assertAt(alarm(linear, "green_unhealthy_hosts"), "period", 120);
        assertAt(alarm(linear, "green_5xx"), "metric_query[0].metric.period", 120);
        assertAt(alarm(linear, "green_5xx"), "metric_query[1].metric.period", 120);
        assertEquals(4, linear.ofType("aws_cloudwatch_metric_alarm").size(), "two alarms on each target group");
        assertEquals(4, defaults.ofType("aws_cloudwatch_metric_alarm").size(), "two alarms on each target group");
        linear.ofType("aws_cloudwatch_metric_alarm").forEach(alarm -> assertAt(alarm.getValue(), "evaluation_periods", 3));
        defaults.ofType("aws_cloudwatch_metric_alarm").forEach(alarm -> assertAt(alarm.getValue(), "evaluation_periods", 2));
    }

    // In the platform: the example environments, where the targets and the role are references to
    // the service and access stacks, resolved here through those stacks' outputs.

    private static final Pattern CROSS_STACK = Pattern.compile(
            "\\$\\{data\\.terraform_remote_state\\.cross-stack-reference-input-([^.]+)\\.outputs\\.([^}]+)}");

    /** {@code <stack>: <output value>} for a cross-stack reference; anything else as it is. */
    private static String resolve(JsonNode value) {
        Matcher reference = CROSS_STACK.matcher(value.asText());
        if (!reference.matches()) {
            return value.asText();
        }
        JsonNode output = Synthesized.examples().stack(reference.group(1)).path("output").path(reference.group(2)).path("value");
        return reference.group(1) + ": " + output.asText();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void inThePlatformTheGroupSwapsTheServiceStacksTargetGroupsBetweenItsListeners(String env) {
        JsonNode group = Synthesized.examples().resources("webapp-" + env + "-delivery").resource("aws_codedeploy_deployment_group", "deployment_group");
        JsonNode pair = Resources.at(group, "load_balancer_info.target_group_pair_info");
        String service = "webapp-" + env + "-service: ";
        assertEquals(List.of(
                        service + "${aws_lb_listener.production_listener.arn}",
                        service + "${aws_lb_listener.test_listener.arn}",
                        service + "${aws_lb_target_group.blue.name}",
                        service + "${aws_lb_target_group.green.name}",
                        "webapp-" + env + "-access: ${aws_iam_role.codedeploy.arn}"),
                List.of(
                        resolve(Resources.at(pair, "prod_traffic_route.listener_arns[0]")),
                        resolve(Resources.at(pair, "test_traffic_route.listener_arns[0]")),
                        resolve(Resources.at(pair, "target_group[0].name")),
                        resolve(Resources.at(pair, "target_group[1].name")),
                        resolve(group.path("service_role_arn"))),
                () -> Resources.show(group));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void inThePlatformTheGroupDeploysTheServiceStacksServiceInTheClusterStacksCluster(String env) {
        JsonNode group = Synthesized.examples().resources("webapp-" + env + "-delivery").resource("aws_codedeploy_deployment_group", "deployment_group");
        assertAt(group, "ecs_service", Map.of(
                "cluster_name", Synthesized.examples().resources("webapp-" + env + "-cluster").resource("aws_ecs_cluster", "cluster").path("name"),
                "service_name", Synthesized.examples().resources("webapp-" + env + "-service").resource("aws_ecs_service", "service").path("name")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void inThePlatformEachAlarmWatchesItsOwnTargetGroupOfTheServiceStacksLoadBalancer(String env) {
        Resources delivery = Synthesized.examples().resources("webapp-" + env + "-delivery");
        String service = "webapp-" + env + "-service: ";
        for (String group : List.of("blue", "green")) {
            for (JsonNode dimensions : List.of(
                    Resources.at(delivery.resource("aws_cloudwatch_metric_alarm", group + "_5xx"), "metric_query[0].metric.dimensions"),
                    Resources.at(delivery.resource("aws_cloudwatch_metric_alarm", group + "_5xx"), "metric_query[1].metric.dimensions"),
                    delivery.resource("aws_cloudwatch_metric_alarm", group + "_unhealthy_hosts").path("dimensions"))) {
                assertEquals(List.of(service + "${aws_lb_target_group." + group + ".arn_suffix}", service + "${aws_lb.alb.arn_suffix}"),
                        List.of(resolve(dimensions.path("TargetGroup")), resolve(dimensions.path("LoadBalancer"))),
                        () -> Resources.show(dimensions));
            }
        }
    }
}
