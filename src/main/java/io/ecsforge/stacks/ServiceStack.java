package io.ecsforge.stacks;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTarget;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceCapacityProviderStrategy;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentController;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionRuntimePlatform;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolume;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListener;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultAction;
import com.hashicorp.cdktf.providers.aws.lb_listener.LbListenerDefaultActionRedirect;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroup;
import com.hashicorp.cdktf.providers.aws.lb_target_group.LbTargetGroupHealthCheck;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_ingress_rule.VpcSecurityGroupIngressRule;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.LoadBalancerConfig;
import io.ecsforge.config.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.constructs.Construct;

/**
 * The service and what reaches it: the task definition and its log group, the internet-facing
 * Application Load Balancer with a blue and a green target group, a production and a test
 * listener for CodeDeploy, both security groups, and CPU target tracking.
 *
 * <p>The load balancer lives here rather than in a stack of its own because its security group
 * and the service's name each other (the ALB may only send to the service, the service only
 * accepts the ALB), and because CodeDeploy treats listeners, target groups and service as one
 * unit: it swaps the listeners' target group and the service's tasks in the same release.
 */
public final class ServiceStack extends PlatformStack {
    /** Seconds a target keeps serving requests in flight after it leaves a target group. */
    static final int DEREGISTRATION_DELAY_SECONDS = 60;
    /** Response codes that count as healthy: a redirect still means the application answers. */
    static final String HEALTHY_CODES = "200-399";
    /** Health check interval: a new version becomes healthy, and a bad one is noticed, within a minute. */
    static final int HEALTH_CHECK_INTERVAL_SECONDS = 15;
    static final int HEALTHY_THRESHOLD = 2;
    static final int UNHEALTHY_THRESHOLD = 3;
    /** Seconds between scaling in: slower than scaling out so that a short dip does not drop tasks. */
    static final int SCALE_IN_COOLDOWN_SECONDS = 300;
    static final int SCALE_OUT_COOLDOWN_SECONDS = 60;
    /** What the tasks may reach: ECR, CloudWatch Logs, SSM and Secrets Manager, all over HTTPS. */
    static final int TASK_EGRESS_PORT = 443;
    static final String ANYWHERE = "0.0.0.0/0";

    private final TaskDefinitionModel taskDefinitionModel;
    private final ReleaseTargets releaseTargets;

    public ServiceStack(Construct scope, EnvironmentConfig config, NetworkRefs network, ServiceInputs inputs) {
        super(scope, config, EnvironmentNames.SERVICE);
        ServiceConfig service = config.service();
        LoadBalancerConfig balancer = config.loadBalancer();
        boolean https = balancer.certificateArn().isPresent();
        String listenerProtocol = https ? "HTTPS" : "HTTP";
        List<CapacityShare> capacity = CapacityShare.strategy(config.cluster());

        SecurityGroup albSecurityGroup = SecurityGroup.Builder.create(this, "alb_security_group")
                .name(names().loadBalancerSecurityGroup())
                .description("Load balancer of " + names().prefix() + ": listener ports in, the container port out")
                .vpcId(network.vpcId())
                .build();
        SecurityGroup serviceSecurityGroup = SecurityGroup.Builder.create(this, "service_security_group")
                .name(names().serviceSecurityGroup())
                .description("Tasks of " + names().prefix() + ": the load balancer in, HTTPS out")
                .vpcId(network.vpcId())
                .build();
        for (int port : balancer.productionPorts()) {
            allowIn(albSecurityGroup, port, balancer.allowedCidrs(), "production");
        }
        allowIn(albSecurityGroup, balancer.testListenerPort(), balancer.testListenerCidrs(), "test");
        VpcSecurityGroupEgressRule.Builder.create(this, "alb_egress_to_service")
                .securityGroupId(albSecurityGroup.getId())
                .description("requests and health checks to the tasks")
                .ipProtocol("tcp")
                .fromPort(service.containerPort())
                .toPort(service.containerPort())
                .referencedSecurityGroupId(serviceSecurityGroup.getId())
                .build();
        VpcSecurityGroupIngressRule.Builder.create(this, "service_ingress_from_alb")
                .securityGroupId(serviceSecurityGroup.getId())
                .description("requests and health checks from the load balancer")
                .ipProtocol("tcp")
                .fromPort(service.containerPort())
                .toPort(service.containerPort())
                .referencedSecurityGroupId(albSecurityGroup.getId())
                .build();
        // Anywhere rather than only the VPC endpoints: with network.vpcEndpoints the AWS names
        // resolve to the endpoints and that traffic stays in the VPC anyway, while the
        // application may call HTTPS APIs on the internet through the NAT gateways.
        VpcSecurityGroupEgressRule.Builder.create(this, "service_egress_https")
                .securityGroupId(serviceSecurityGroup.getId())
                .description("ECR, CloudWatch Logs, SSM, Secrets Manager and HTTPS APIs")
                .ipProtocol("tcp")
                .fromPort(TASK_EGRESS_PORT)
                .toPort(TASK_EGRESS_PORT)
                .cidrIpv4(ANYWHERE)
                .build();

        Lb alb = Lb.Builder.create(this, "alb")
                .name(names().loadBalancer())
                .loadBalancerType("application")
                .internal(false)
                .subnets(network.publicSubnetIds())
                .securityGroups(List.of(albSecurityGroup.getId()))
                .dropInvalidHeaderFields(true)
                .enableDeletionProtection(balancer.deletionProtection())
                .idleTimeout(balancer.idleTimeoutSeconds())
                .build();
        LbTargetGroup blue = targetGroup(EnvironmentNames.BLUE, network, service);
        LbTargetGroup green = targetGroup(EnvironmentNames.GREEN, network, service);

        // CodeDeploy points these two listeners at the other target group at every release;
        // Terraform must not point them back.
        TerraformResourceLifecycle swappedByCodeDeploy = TerraformResourceLifecycle.builder()
                .ignoreChanges(List.of("default_action"))
                .build();
        LbListener.Builder production = LbListener.Builder.create(this, "production_listener")
                .loadBalancerArn(alb.getArn())
                .port(balancer.productionPort())
                .protocol(listenerProtocol)
                .defaultAction(List.of(forwardTo(blue)))
                .lifecycle(swappedByCodeDeploy);
        LbListener.Builder test = LbListener.Builder.create(this, "test_listener")
                .loadBalancerArn(alb.getArn())
                .port(balancer.testListenerPort())
                .protocol(listenerProtocol)
                .defaultAction(List.of(forwardTo(blue)))
                .lifecycle(swappedByCodeDeploy);
        balancer.certificateArn().ifPresent(certificate -> {
            production.certificateArn(certificate).sslPolicy(balancer.sslPolicy());
            test.certificateArn(certificate).sslPolicy(balancer.sslPolicy());
        });
        LbListener productionListener = production.build();
        LbListener testListener = test.build();
        if (https) {
            LbListener.Builder.create(this, "http_redirect_listener")
                    .loadBalancerArn(alb.getArn())
                    .port(80)
                    .protocol("HTTP")
                    .defaultAction(List.of(LbListenerDefaultAction.builder()
                            .type("redirect")
                            .redirect(LbListenerDefaultActionRedirect.builder()
                                    .protocol("HTTPS")
                                    .port("443")
                                    .statusCode("HTTP_301")
                                    .build())
                            .build()))
                    // When a certificate is added, the production listener moves from 80 to 443;
                    // port 80 is free for this listener only after that.
                    .dependsOn(List.of(productionListener))
                    .build();
        }

        CloudwatchLogGroup logs = CloudwatchLogGroup.Builder.create(this, "logs")
                .name(names().serviceLogGroup())
                .retentionInDays(service.logRetentionDays())
                .build();
        taskDefinitionModel = TaskDefinitionModel.of(config,
                TaskDefinitionModel.image(inputs.repositoryUrl(), service.imageTag()),
                inputs.executionRoleArn(), inputs.taskRoleArn());
        EcsTaskDefinition.Builder taskBuilder = EcsTaskDefinition.Builder.create(this, "task")
                .family(taskDefinitionModel.family())
                .networkMode("awsvpc")
                .requiresCompatibilities(List.of("FARGATE"))
                .cpu(String.valueOf(service.cpu()))
                .memory(String.valueOf(service.memory()))
                .runtimePlatform(EcsTaskDefinitionRuntimePlatform.builder()
                        .operatingSystemFamily("LINUX")
                        .cpuArchitecture(service.cpuArchitecture().yamlName())
                        .build())
                .executionRoleArn(inputs.executionRoleArn())
                .taskRoleArn(inputs.taskRoleArn())
                .containerDefinitions(taskDefinitionModel.containerDefinitionsJson())
                // Releases register their own revisions and the service may still run this one;
                // a changed definition adds a revision instead of deregistering the running one.
                .skipDestroy(true)
                .dependsOn(List.of(logs));
        if (!taskDefinitionModel.volumes().isEmpty()) {
            taskBuilder.volume(taskDefinitionModel.volumes().stream()
                    .map(volume -> EcsTaskDefinitionVolume.builder().name(volume.name()).build())
                    .toList());
        }
        EcsTaskDefinition task = taskBuilder.build();

        Optional<ServiceConfig.Autoscaling> autoscaling = service.autoscaling();
        List<String> ownedElsewhere = new ArrayList<>(List.of(
                // CodeDeploy sets these at every release, from the release's AppSpec.
                "task_definition", "load_balancer", "capacity_provider_strategy"));
        if (autoscaling.isPresent()) {
            // Application Auto Scaling owns the running count.
            ownedElsewhere.add("desired_count");
        }
        List<ITerraformDependable> listeners = List.of(productionListener, testListener);
        EcsService ecsService = EcsService.Builder.create(this, "service")
                .name(names().service())
                .cluster(inputs.clusterArn())
                .taskDefinition(task.getArn())
                .desiredCount(initialCount(service))
                .capacityProviderStrategy(capacity.stream()
                        .map(share -> EcsServiceCapacityProviderStrategy.builder()
                                .capacityProvider(share.capacityProvider())
                                .base(share.base())
                                .weight(share.weight())
                                .build())
                        .toList())
                .deploymentController(EcsServiceDeploymentController.builder().type("CODE_DEPLOY").build())
                .loadBalancer(List.of(EcsServiceLoadBalancer.builder()
                        .targetGroupArn(blue.getArn())
                        .containerName(service.containerName())
                        .containerPort(service.containerPort())
                        .build()))
                .networkConfiguration(EcsServiceNetworkConfiguration.builder()
                        .subnets(network.privateSubnetIds())
                        .securityGroups(List.of(serviceSecurityGroup.getId()))
                        .assignPublicIp(false)
                        .build())
                .healthCheckGracePeriodSeconds(service.healthCheckGracePeriodSeconds())
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                .enableExecuteCommand(config.cluster().executeCommand())
                .waitForSteadyState(false)
                .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(List.copyOf(ownedElsewhere)).build())
                // ECS rejects a target group that no listener uses yet.
                .dependsOn(listeners)
                .build();

        autoscaling.ifPresent(scaling -> {
            AppautoscalingTarget target = AppautoscalingTarget.Builder.create(this, "autoscaling_target")
                    .serviceNamespace("ecs")
                    .scalableDimension("ecs:service:DesiredCount")
                    .resourceId("service/" + names().cluster() + "/" + ecsService.getName())
                    .minCapacity(scaling.min())
                    .maxCapacity(scaling.max())
                    .build();
            AppautoscalingPolicy.Builder.create(this, "cpu_target_tracking")
                    .name(names().cpuScalingPolicy())
                    .policyType("TargetTrackingScaling")
                    .serviceNamespace(target.getServiceNamespace())
                    .scalableDimension(target.getScalableDimension())
                    .resourceId(target.getResourceId())
                    .targetTrackingScalingPolicyConfiguration(AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
                            .predefinedMetricSpecification(
                                    AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification.builder()
                                            .predefinedMetricType("ECSServiceAverageCPUUtilization")
                                            .build())
                            .targetValue(scaling.cpuTarget())
                            .scaleInCooldown(SCALE_IN_COOLDOWN_SECONDS)
                            .scaleOutCooldown(SCALE_OUT_COOLDOWN_SECONDS)
                            .build())
                    .build();
        });

        releaseTargets = new ReleaseTargets(
                names().cluster(),
                names().service(),
                productionListener.getArn(),
                testListener.getArn(),
                blue.getName(),
                green.getName(),
                blue.getArnSuffix(),
                green.getArnSuffix(),
                alb.getArnSuffix());

        output("alb_dns_name", alb.getDnsName());
        output("alb_zone_id", alb.getZoneId());
        output("alb_arn_suffix", alb.getArnSuffix());
        output("service_name", ecsService.getName());
        output("production_listener_arn", productionListener.getArn());
        output("test_listener_arn", testListener.getArn());
        output("blue_target_group_name", blue.getName());
        output("green_target_group_name", green.getName());
        output("task_definition_family", task.getFamily());
        output("log_group_name", logs.getName());
        output("service_security_group_id", serviceSecurityGroup.getId());
    }

    /** What CodeDeploy, its alarms and a release's AppSpec need of this stack. */
    public ReleaseTargets releaseTargets() {
        return releaseTargets;
    }

    /** The task definition this stack registers, with references to the image and roles. */
    public TaskDefinitionModel taskDefinitionModel() {
        return taskDefinitionModel;
    }

    /** With autoscaling, the configured count kept within its bounds; Auto Scaling takes over from there. */
    static int initialCount(ServiceConfig service) {
        return service.autoscaling()
                .map(scaling -> Math.max(scaling.min(), Math.min(scaling.max(), service.desiredCount())))
                .orElse(service.desiredCount());
    }

    /**
     * One rule per CIDR, named after its port and block so that adding or removing a block
     * leaves the other rules alone.
     */
    private void allowIn(SecurityGroup group, int port, List<String> cidrs, String listener) {
        for (String cidr : cidrs) {
            VpcSecurityGroupIngressRule.Builder.create(this, "alb_ingress_" + port + "_" + cidr.replaceAll("[./]", "_"))
                    .securityGroupId(group.getId())
                    .description("the " + listener + " listener on " + port)
                    .ipProtocol("tcp")
                    .fromPort(port)
                    .toPort(port)
                    .cidrIpv4(cidr)
                    .build();
        }
    }

    private LbTargetGroup targetGroup(String color, NetworkRefs network, ServiceConfig service) {
        return LbTargetGroup.Builder.create(this, color)
                .name(names().targetGroup(color))
                .targetType("ip")
                .protocol("HTTP")
                .port(service.containerPort())
                .vpcId(network.vpcId())
                .deregistrationDelay(String.valueOf(DEREGISTRATION_DELAY_SECONDS))
                .healthCheck(LbTargetGroupHealthCheck.builder()
                        .enabled(true)
                        .protocol("HTTP")
                        .port("traffic-port")
                        .path(service.healthCheckPath())
                        .matcher(HEALTHY_CODES)
                        .interval(HEALTH_CHECK_INTERVAL_SECONDS)
                        .healthyThreshold(HEALTHY_THRESHOLD)
                        .unhealthyThreshold(UNHEALTHY_THRESHOLD)
                        .build())
                .build();
    }

    private static LbListenerDefaultAction forwardTo(LbTargetGroup group) {
        return LbListenerDefaultAction.builder().type("forward").targetGroupArn(group.getArn()).build();
    }

    private void output(String name, String value) {
        TerraformOutput.Builder.create(this, name).value(value).build();
    }
}
