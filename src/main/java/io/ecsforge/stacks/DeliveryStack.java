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
import io.ecsforge.config.DeploymentConfig;
import io.ecsforge.config.DeploymentConfig.Alarms;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.stacks.EnvironmentNames.ReleaseAlarm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.constructs.Construct;

/**
 * Blue/green releases of the service with CodeDeploy: the application, the traffic-shifting
 * configuration of {@code deployment.strategy}, the deployment group that swaps the service's two
 * target groups between the production and test listeners, and the alarms that stop and roll back
 * a release.
 *
 * <p>Every alarm watches one target group, never the whole load balancer: the new version runs
 * behind whichever target group is not serving production, and the two swap roles at each
 * release, so both are watched with the same thresholds.
 */
public final class DeliveryStack extends PlatformStack {
    /**
     * The built-in configuration for {@code all-at-once}. A custom one would say the same thing
     * (type AllAtOnce takes no parameters) and add a resource whose name must be unique in the region.
     */
    public static final String ALL_AT_ONCE = "CodeDeployDefault.ECSAllAtOnce";

    static final String NAMESPACE = "AWS/ApplicationELB";

    private final CodedeployApp application;
    private final String deploymentConfigName;
    private final List<CloudwatchMetricAlarm> alarms = new ArrayList<>();
    private final CodedeployDeploymentGroup deploymentGroup;

    /**
     * @param targets the service stack's release targets (usually {@code serviceStack.releaseTargets()})
     * @param codeDeployRoleArn the role CodeDeploy assumes to swap task sets and listeners
     */
    public DeliveryStack(Construct scope, EnvironmentConfig config, ReleaseTargets targets, String codeDeployRoleArn) {
        super(scope, config, EnvironmentNames.DELIVERY);
        DeploymentConfig deployment = config.deployment();

        application = CodedeployApp.Builder.create(this, "application")
                .name(names().codeDeployApplication())
                .computePlatform("ECS")
                .build();

        deploymentConfigName = deploymentConfig(deployment);

        for (TargetGroup group : List.of(
                new TargetGroup(EnvironmentNames.BLUE, targets.blueTargetGroupArnSuffix()),
                new TargetGroup(EnvironmentNames.GREEN, targets.greenTargetGroupArnSuffix()))) {
            watch(group, targets.loadBalancerArnSuffix(), deployment.alarms());
        }

        deploymentGroup = CodedeployDeploymentGroup.Builder.create(this, "deployment_group")
                .appName(application.getName())
                .deploymentGroupName(names().deploymentGroup())
                .serviceRoleArn(codeDeployRoleArn)
                .deploymentConfigName(deploymentConfigName)
                .deploymentStyle(CodedeployDeploymentGroupDeploymentStyle.builder()
                        .deploymentType("BLUE_GREEN")
                        .deploymentOption("WITH_TRAFFIC_CONTROL")
                        .build())
                .ecsService(CodedeployDeploymentGroupEcsService.builder()
                        .clusterName(targets.clusterName())
                        .serviceName(targets.serviceName())
                        .build())
                .loadBalancerInfo(trafficRoutes(targets))
                .blueGreenDeploymentConfig(blueGreen(deployment))
                .autoRollbackConfiguration(CodedeployDeploymentGroupAutoRollbackConfiguration.builder()
                        .enabled(true)
                        .events(List.of("DEPLOYMENT_FAILURE", "DEPLOYMENT_STOP_ON_ALARM"))
                        .build())
                .alarmConfiguration(CodedeployDeploymentGroupAlarmConfiguration.builder()
                        .enabled(true)
                        .alarms(alarms.stream().map(CloudwatchMetricAlarm::getAlarmName).toList())
                        .build())
                .build();

        TerraformOutput.Builder.create(this, "application_name").value(application.getName()).build();
        TerraformOutput.Builder.create(this, "deployment_group_name").value(deploymentGroup.getDeploymentGroupName()).build();
        TerraformOutput.Builder.create(this, "deployment_config_name").value(deploymentConfigName).build();
    }

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
    private static CodedeployDeploymentGroupBlueGreenDeploymentConfig blueGreen(DeploymentConfig deployment) {
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
                                .terminationWaitTimeInMinutes(deployment.terminateBlueAfterMinutes())
                                .build())
                .build();
    }

    public CodedeployApp application() {
        return application;
    }

    public CodedeployDeploymentGroup deploymentGroup() {
        return deploymentGroup;
    }

    /** The deployment configuration's name: the built-in {@link #ALL_AT_ONCE} or this stack's own. */
    public String deploymentConfigName() {
        return deploymentConfigName;
    }

    /** The alarms that stop and roll back a release, blue's first. */
    public List<CloudwatchMetricAlarm> alarms() {
        return List.copyOf(alarms);
    }

    /** One of the two target groups CodeDeploy swaps; {@code role} is blue or green. */
    private record TargetGroup(String role, String arnSuffix) {}

    /** Creates the strategy's deployment configuration, unless a built-in one fits; returns its name. */
    private String deploymentConfig(DeploymentConfig deployment) {
        if (deployment.strategy() == DeploymentConfig.Strategy.ALL_AT_ONCE) {
            return ALL_AT_ONCE;
        }
        CodedeployDeploymentConfigTrafficRoutingConfig.Builder routing = CodedeployDeploymentConfigTrafficRoutingConfig.builder();
        if (deployment.strategy() == DeploymentConfig.Strategy.CANARY) {
            routing.type("TimeBasedCanary").timeBasedCanary(CodedeployDeploymentConfigTrafficRoutingConfigTimeBasedCanary.builder()
                    .percentage(deployment.percent())
                    .interval(deployment.intervalMinutes())
                    .build());
        } else {
            routing.type("TimeBasedLinear").timeBasedLinear(CodedeployDeploymentConfigTrafficRoutingConfigTimeBasedLinear.builder()
                    .percentage(deployment.percent())
                    .interval(deployment.intervalMinutes())
                    .build());
        }
        // A deployment configuration cannot be changed, nor deleted while a group uses it: the name
        // carries the settings, so a change creates the new one, moves the group, then deletes the old.
        return CodedeployDeploymentConfig.Builder.create(this, "deployment_config")
                .deploymentConfigName(names().deploymentConfig().orElseThrow())
                .computePlatform("ECS")
                .trafficRoutingConfig(routing.build())
                .lifecycle(TerraformResourceLifecycle.builder().createBeforeDestroy(true).build())
                .build()
                .getDeploymentConfigName();
    }

    /** The alarms on one target group: 5xx rate, unhealthy targets and, when configured, p99 latency. */
    private void watch(TargetGroup group, String loadBalancerArnSuffix, Alarms thresholds) {
        // Sorted, so the synthesized JSON does not depend on a hash order.
        Map<String, String> dimensions = new TreeMap<>(Map.of("TargetGroup", group.arnSuffix(), "LoadBalancer", loadBalancerArnSuffix));
        int period = thresholds.periodSeconds();

        alarms.add(CloudwatchMetricAlarm.Builder.create(this, group.role() + "_5xx")
                .alarmName(names().releaseAlarm(group.role(), ReleaseAlarm.HTTP_5XX))
                .alarmDescription("Target 5xx responses above " + plain(thresholds.http5xxPercent()) + "% of requests on the "
                        + group.role() + " target group; stops and rolls back a release.")
                .comparisonOperator("GreaterThanThreshold")
                .threshold(thresholds.http5xxPercent())
                .evaluationPeriods(thresholds.evaluationPeriods())
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

        alarms.add(CloudwatchMetricAlarm.Builder.create(this, group.role() + "_unhealthy_hosts")
                .alarmName(names().releaseAlarm(group.role(), ReleaseAlarm.UNHEALTHY_HOSTS))
                .alarmDescription(thresholds.unhealthyHosts() + " or more unhealthy targets in the " + group.role()
                        + " target group; stops and rolls back a release.")
                .namespace(NAMESPACE)
                .metricName("UnHealthyHostCount")
                .dimensions(dimensions)
                .statistic("Maximum")
                .period(period)
                .comparisonOperator("GreaterThanOrEqualToThreshold")
                .threshold(thresholds.unhealthyHosts())
                .evaluationPeriods(thresholds.evaluationPeriods())
                .treatMissingData("notBreaching")
                .build());

        thresholds.p99LatencySeconds().ifPresent(seconds -> alarms.add(
                CloudwatchMetricAlarm.Builder.create(this, group.role() + "_p99_latency")
                        .alarmName(names().releaseAlarm(group.role(), ReleaseAlarm.P99_LATENCY))
                        .alarmDescription("p99 target response time above " + plain(seconds) + " s on the " + group.role()
                                + " target group; stops and rolls back a release.")
                        .namespace(NAMESPACE)
                        .metricName("TargetResponseTime")
                        .dimensions(dimensions)
                        .extendedStatistic("p99")
                        .period(period)
                        .comparisonOperator("GreaterThanThreshold")
                        .threshold(seconds)
                        .evaluationPeriods(thresholds.evaluationPeriods())
                        .treatMissingData("notBreaching")
                        .build()));
    }

    private static CloudwatchMetricAlarmMetricQuery metric(String id, String metricName, Map<String, String> dimensions, int period) {
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

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
