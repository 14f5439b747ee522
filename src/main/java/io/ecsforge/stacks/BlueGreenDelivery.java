package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmMetricQuery;
import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarmMetricQueryMetric;
import com.hashicorp.cdktf.providers.aws.codedeploy_app.CodedeployApp;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_config.CodedeployDeploymentConfig;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_config.CodedeployDeploymentConfigTrafficRoutingConfig;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_config.CodedeployDeploymentConfigTrafficRoutingConfigTimeBasedCanary;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_config.CodedeployDeploymentConfigTrafficRoutingConfigTimeBasedLinear;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroup;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupAlarmConfiguration;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupAutoRollbackConfiguration;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupBlueGreenDeploymentConfig;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOption;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccess;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupDeploymentStyle;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupEcsService;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupLoadBalancerInfo;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfo;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRoute;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroup;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfoTestTrafficRoute;
import io.ecsforge.config.DeploymentConfig.Strategy;
import io.ecsforge.stacks.EnvironmentNames.DeliveryNames;
import io.ecsforge.stacks.EnvironmentNames.ReleaseAlarm;
import io.ecsforge.stacks.Shapes.OptionalBlock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import software.constructs.Construct;

/**
 * Blue/green releases of the service with CodeDeploy: the application, the traffic-shifting
 * configuration of the strategy, the deployment group that swaps the service's two target groups
 * between the production and test listeners, and the alarms that stop and roll back a release.
 * The delivery stack and the blue-green module are both this part, made directly in the given
 * scope, with the ids the stack has always had.
 *
 * <p>Every alarm watches one target group, never the whole load balancer: the new version runs
 * behind whichever target group is not serving production, and the two swap roles at each
 * release, so both are watched with the same thresholds.
 */
public final class BlueGreenDelivery {
    /**
     * The built-in configuration for {@code all-at-once}. A custom one would say the same thing
     * (type AllAtOnce takes no parameters) and add a resource whose name must be unique in the region.
     */
    public static final String ALL_AT_ONCE = "CodeDeployDefault.ECSAllAtOnce";

    /** The outputs, with what each gives. */
    public static final Map<String, String> OUTPUTS = outputs();

    static final String NAMESPACE = "AWS/ApplicationELB";

    private static final String CANARY = Strategy.CANARY.yamlName();
    private static final String LINEAR = Strategy.LINEAR.yamlName();

    private final Construct scope;
    private final DeliverySettings settings;
    private final DeliveryNames names;
    private final Shapes shapes;
    private final CodedeployApp application;
    private final Setting<String> deploymentConfigName;
    private final List<CloudwatchMetricAlarm> alarms = new ArrayList<>();
    private final CodedeployDeploymentGroup deploymentGroup;

    /**
     * @param targets the service's release targets
     * @param codeDeployRoleArn the role CodeDeploy assumes to swap task sets and listeners
     */
    public BlueGreenDelivery(Construct scope, DeliverySettings settings, ReleaseTargets targets, String codeDeployRoleArn,
            Shapes shapes) {
        this.scope = scope;
        this.settings = settings;
        this.names = settings.names();
        this.shapes = shapes;

        application = CodedeployApp.Builder.create(scope, "application")
                .name(names.codeDeployApplication())
                .computePlatform("ECS")
                .build();

        deploymentConfigName = deploymentConfig();

        for (TargetGroup group : List.of(
                new TargetGroup(EnvironmentNames.BLUE, targets.blueTargetGroupArnSuffix()),
                new TargetGroup(EnvironmentNames.GREEN, targets.greenTargetGroupArnSuffix()))) {
            watch(group, targets.loadBalancerArnSuffix());
        }

        deploymentGroup = CodedeployDeploymentGroup.Builder.create(scope, "deployment_group")
                .appName(application.getName())
                .deploymentGroupName(names.deploymentGroup())
                .serviceRoleArn(codeDeployRoleArn)
                .deploymentConfigName(deploymentConfigName.value())
                .deploymentStyle(CodedeployDeploymentGroupDeploymentStyle.builder()
                        .deploymentType("BLUE_GREEN")
                        .deploymentOption("WITH_TRAFFIC_CONTROL")
                        .build())
                .ecsService(CodedeployDeploymentGroupEcsService.builder()
                        .clusterName(targets.clusterName())
                        .serviceName(targets.serviceName())
                        .build())
                .loadBalancerInfo(trafficRoutes(targets))
                .blueGreenDeploymentConfig(blueGreen())
                .autoRollbackConfiguration(CodedeployDeploymentGroupAutoRollbackConfiguration.builder()
                        .enabled(true)
                        .events(List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"))
                        .build())
                .alarmConfiguration(CodedeployDeploymentGroupAlarmConfiguration.builder()
                        .enabled(true)
                        .alarms(shapes.attributes(alarms, "alarm_name"))
                        .build())
                .build();
    }

    private static Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("application_name", "The CodeDeploy application's name, which a release names.");
        outputs.put("deployment_group_name", "The deployment group's name, which a release names.");
        outputs.put("deployment_config_name", "The deployment configuration's name: the strategy's own, or"
                + " " + ALL_AT_ONCE + " for all-at-once.");
        return Map.copyOf(outputs);
    }

    /**
     * The outputs. A stack's carry no description: adding one would change every stack's JSON,
     * and users' plans with it.
     */
    public void outputs(boolean described) {
        output("application_name", application.getName(), described);
        output("deployment_group_name", deploymentGroup.getDeploymentGroupName(), described);
        output("deployment_config_name", deploymentConfigName.value(), described);
    }

    private void output(String name, String value, boolean described) {
        TerraformOutput.Builder output = TerraformOutput.Builder.create(scope, name).value(value);
        if (described) {
            output.description(OUTPUTS.get(name));
        }
        output.build();
    }

    public CodedeployApp application() {
        return application;
    }

    public CodedeployDeploymentGroup deploymentGroup() {
        return deploymentGroup;
    }

    /** The deployment configuration's name: the built-in {@link #ALL_AT_ONCE} or the strategy's own. */
    public String deploymentConfigName() {
        return deploymentConfigName.value();
    }

    /** The alarms that stop and roll back a release, blue's first. */
    public List<CloudwatchMetricAlarm> alarms() {
        return List.copyOf(alarms);
    }

    /** One of the two target groups CodeDeploy swaps; {@code role} is blue or green. */
    private record TargetGroup(String role, String arnSuffix) {}

    /** The listeners CodeDeploy swaps and the two target groups it swaps them between. */
    private static CodedeployDeploymentGroupLoadBalancerInfo trafficRoutes(ReleaseTargets targets) {
        return CodedeployDeploymentGroupLoadBalancerInfo.builder()
                .targetGroupPairInfo(CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfo.builder()
                        .prodTrafficRoute(CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfoProdTrafficRoute.builder()
                                .listenerArns(List.of(targets.productionListenerArn()))
                                .build())
                        .testTrafficRoute(CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfoTestTrafficRoute.builder()
                                .listenerArns(List.of(targets.testListenerArn()))
                                .build())
                        .targetGroup(List.of(
                                CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroup.builder()
                                        .name(targets.blueTargetGroupName()).build(),
                                CodedeployDeploymentGroupLoadBalancerInfoTargetGroupPairInfoTargetGroup.builder()
                                        .name(targets.greenTargetGroupName()).build()))
                        .build())
                .build();
    }

    /** What happens around the shift: no manual approval, and how long the old tasks are kept. */
    private CodedeployDeploymentGroupBlueGreenDeploymentConfig blueGreen() {
        return CodedeployDeploymentGroupBlueGreenDeploymentConfig.builder()
                // No manual approval: traffic starts to shift as soon as the new tasks are
                // healthy, and the canary window with its alarms is the check.
                .deploymentReadyOption(CodedeployDeploymentGroupBlueGreenDeploymentConfigDeploymentReadyOption.builder()
                        .actionOnTimeout("CONTINUE_DEPLOYMENT")
                        .build())
                // Until the old tasks are terminated a rollback is only a listener swap.
                .terminateBlueInstancesOnDeploymentSuccess(
                        CodedeployDeploymentGroupBlueGreenDeploymentConfigTerminateBlueInstancesOnDeploymentSuccess.builder()
                                .action("TERMINATE")
                                .terminationWaitTimeInMinutes(settings.terminateBlueAfterMinutes().value())
                                .build())
                .build();
    }

    /**
     * Creates the strategy's deployment configuration, unless a built-in one fits (all-at-once);
     * returns its name. Canary and linear differ in the nested block that holds their numbers.
     */
    private Setting<String> deploymentConfig() {
        Setting<String> strategy = settings.strategy();
        Setting<Boolean> own = Setting.is(strategy, CANARY, LINEAR);
        Setting<String> builtIn = Setting.of(ALL_AT_ONCE, strategy.label());
        AtomicReference<Setting<String>> name = new AtomicReference<>(builtIn);
        shapes.optional(own, () -> {
            CodedeployDeploymentConfigTrafficRoutingConfig.Builder routing = CodedeployDeploymentConfigTrafficRoutingConfig.builder()
                    .type(Setting.select(strategy, List.of(CANARY, LINEAR),
                            List.of(Setting.of("TimeBasedCanary", strategy.label()), Setting.of("TimeBasedLinear", strategy.label())))
                            .value());
            Setting<Number> percent = settings.percent();
            Setting<Number> interval = settings.intervalMinutes();
            Map<String, Setting<?>> shift = Map.of("percentage", percent, "interval", interval);
            // A deployment configuration cannot be changed, nor deleted while a group uses it: the name
            // carries the settings, so a change creates the new one, moves the group, then deletes the old.
            CodedeployDeploymentConfig config = shapes.withBlocks(() -> CodedeployDeploymentConfig.Builder
                    .create(scope, "deployment_config")
                    .deploymentConfigName(names.deploymentConfig(strategy.text(), percent.text(), interval.text()))
                    .computePlatform("ECS")
                    .trafficRoutingConfig(routing.build())
                    .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
                    .build(), List.of(
                            new OptionalBlock(Setting.is(strategy, CANARY), () -> routing.timeBasedCanary(
                                    CodedeployDeploymentConfigTrafficRoutingConfigTimeBasedCanary.builder()
                                            .percentage(percent.value())
                                            .interval(interval.value())
                                            .build()), "traffic_routing_config.time_based_canary", shift),
                            new OptionalBlock(Setting.is(strategy, LINEAR), () -> routing.timeBasedLinear(
                                    CodedeployDeploymentConfigTrafficRoutingConfigTimeBasedLinear.builder()
                                            .percentage(percent.value())
                                            .interval(interval.value())
                                            .build()), "traffic_routing_config.time_based_linear", shift)));
            name.set(Setting.when(own, Setting.reference(config.getTerraformResourceType() + "." + config.getFriendlyUniqueId()
                    + ".deployment_config_name", config.getDeploymentConfigName(), strategy.label()), builtIn));
        });
        return name.get();
    }

    /** The alarms on one target group: 5xx rate, unhealthy targets and, when configured, p99 latency. */
    private void watch(TargetGroup group, String loadBalancerArnSuffix) {
        // Sorted, so the synthesized JSON does not depend on a hash order.
        Map<String, String> dimensions = new TreeMap<>(Map.of("TargetGroup", group.arnSuffix(), "LoadBalancer", loadBalancerArnSuffix));
        Number period = settings.periodSeconds().value();
        Number evaluationPeriods = settings.evaluationPeriods().value();

        alarms.add(CloudwatchMetricAlarm.Builder.create(scope, group.role() + "_5xx")
                .alarmName(names.releaseAlarm(group.role(), ReleaseAlarm.HTTP_5XX))
                .alarmDescription("Target 5xx responses above " + shown(settings.http5xxPercent()) + "% of requests on the "
                        + group.role() + " target group; stops and rolls back a release.")
                .comparisonOperator("GreaterThanThreshold")
                .threshold(settings.http5xxPercent().value())
                .evaluationPeriods(evaluationPeriods)
                .treatMissingData("notBreaching")
                .metricQuery(List.of(
                        metric("errors", "HTTPCode_Target_5XX_Count", dimensions, period),
                        metric("requests", "RequestCount", dimensions, period),
                        // No 5xx responses means no datapoint at all, hence FILL; no requests
                        // means nothing to divide by, hence IF.
                        CloudwatchMetricAlarmMetricQuery.builder()
                                .id("error_rate")
                                .expression("IF(requests > 0, 100 * FILL(errors, 0) / requests, 0)")
                                .label("Target 5xx, % of requests")
                                .returnData(true)
                                .build()))
                .build());

        alarms.add(CloudwatchMetricAlarm.Builder.create(scope, group.role() + "_unhealthy_hosts")
                .alarmName(names.releaseAlarm(group.role(), ReleaseAlarm.UNHEALTHY_HOSTS))
                .alarmDescription(shown(settings.unhealthyHosts()) + " or more unhealthy targets in the " + group.role()
                        + " target group; stops and rolls back a release.")
                .namespace(NAMESPACE)
                .metricName("UnHealthyHostCount")
                .dimensions(dimensions)
                .statistic("Maximum")
                .period(period)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .threshold(settings.unhealthyHosts().value())
                .evaluationPeriods(evaluationPeriods)
                .treatMissingData("notBreaching")
                .build());

        shapes.optional(settings.latencyAlarm(), () -> {
            Setting<Number> seconds = settings.p99LatencySeconds().get();
            alarms.add(CloudwatchMetricAlarm.Builder.create(scope, group.role() + "_p99_latency")
                    .alarmName(names.releaseAlarm(group.role(), ReleaseAlarm.P99_LATENCY))
                    .alarmDescription("p99 target response time above " + shown(seconds) + " s on the " + group.role()
                            + " target group; stops and rolls back a release.")
                    .namespace(NAMESPACE)
                    .metricName("TargetResponseTime")
                    .dimensions(dimensions)
                    .extendedStatistic("p99")
                    .period(period)
                    .comparisonOperator("GreaterThanThreshold")
                    .threshold(seconds.value())
                    .evaluationPeriods(evaluationPeriods)
                    .treatMissingData("notBreaching")
                    .build());
        });
    }

    private static CloudwatchMetricAlarmMetricQuery metric(String id, String metricName, Map<String, String> dimensions,
            Number period) {
        return CloudwatchMetricAlarmMetricQuery.builder()
                .id(id)
                .returnData(false)
                .metric(CloudwatchMetricAlarmMetricQueryMetric.builder()
                        .namespace(NAMESPACE)
                        .metricName(metricName)
                        .dimensions(dimensions)
                        .stat("Sum")
                        .period(period)
                        .build())
                .build();
    }

    /** A number in a text as Terraform writes one: {@code 5}, not {@code 5.0}; an expression interpolated. */
    private static String shown(Setting<Number> number) {
        if (!number.isLiteral()) {
            return number.text();
        }
        double value = number.literal().doubleValue();
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
