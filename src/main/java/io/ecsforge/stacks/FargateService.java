package io.ecsforge.stacks;

import com.hashicorp.cdktf.ITerraformDependable;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsService;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceCapacityProviderStrategy;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceDeploymentController;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceLoadBalancer;
import com.hashicorp.cdktf.providers.aws.ecs_service.EcsServiceNetworkConfiguration;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinition;
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionRuntimePlatform;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import io.ecsforge.config.ServiceConfig.Destination;
import io.ecsforge.config.ServiceConfig.EgressRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * A Fargate service that CodeDeploy releases blue/green behind a {@link BlueGreenLoadBalancer}:
 * its security group, its log group, the task definition it starts on and the ECS service. Made
 * in the scope it is given, so its construct ids are the stack's own.
 */
public final class FargateService {
    /** What the tasks may reach: ECR, CloudWatch Logs, SSM and Secrets Manager, all over HTTPS. */
    static final int TASK_EGRESS_PORT = 443;
    static final String ANYWHERE = "0.0.0.0/0";

    private final Construct scope;
    private final ServiceSettings settings;
    private final Shapes shapes;
    private final SecurityGroup securityGroup;
    private final CloudwatchLogGroup logs;
    private final EcsTaskDefinition task;
    private final EcsService service;

    public FargateService(Construct scope, ServiceSettings settings, Shapes shapes, BlueGreenLoadBalancer loadBalancer) {
        this.scope = scope;
        this.settings = settings;
        this.shapes = shapes;
        ServiceNames names = settings.names();
        securityGroup = securityGroup(names);
        logs = CloudwatchLogGroup.Builder.create(scope, "logs")
                .name(names.serviceLogGroup())
                .retentionInDays(settings.logRetentionDays().value())
                // CloudWatch Logs encrypts with the key for the tasks, which need no KMS permission.
                .kmsKeyId(settings.logKey().keyId(scope, "logs_kms_key"))
                .build();
        task = taskDefinition(names);
        service = service(names, loadBalancer);
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public CloudwatchLogGroup logs() {
        return logs;
    }

    public EcsTaskDefinition task() {
        return task;
    }

    public EcsService service() {
        return service;
    }

    /** With autoscaling, the configured count kept within its bounds; Auto Scaling takes over from there. */
    static Setting<Number> initialCount(ServiceSettings settings) {
        Setting<Number> desired = settings.desiredCount();
        Setting<Number> min = settings.autoscalingMin();
        Setting<Number> max = settings.autoscalingMax();
        Setting<Number> bounded = desired.isLiteral() && min.isLiteral() && max.isLiteral()
                ? Setting.of(Math.max(min.literal().intValue(), Math.min(max.literal().intValue(), desired.literal().intValue())),
                        desired.label())
                : Setting.expression("max(" + min.expression() + ", min(" + max.expression() + ", " + desired.expression() + "))",
                        (Number) 0, desired.label());
        return Setting.either(settings.autoscaling(), bounded, desired);
    }

    private SecurityGroup securityGroup(ServiceNames names) {
        SecurityGroup group = SecurityGroup.Builder.create(scope, "service_security_group")
                .name(names.serviceSecurityGroup())
                .description("Tasks of " + names.prefix() + ": the load balancer in, HTTPS out")
                .vpcId(settings.vpcId())
                .build();
        // Anywhere rather than only the VPC endpoints: with network.vpcEndpoints the AWS names
        // resolve to the endpoints and that traffic stays in the VPC anyway, while the
        // application may call HTTPS APIs on the internet through the NAT gateways.
        VpcSecurityGroupEgressRule.Builder.create(scope, "service_egress_https")
                .securityGroupId(group.getId())
                .description("ECR, CloudWatch Logs, SSM, Secrets Manager and HTTPS APIs")
                .ipProtocol("tcp")
                .fromPort(TASK_EGRESS_PORT)
                .toPort(TASK_EGRESS_PORT)
                .cidrIpv4(ANYWHERE)
                .build();
        allowOut(group, names);
        return group;
    }

    /**
     * One rule per entry of {@code service.egress}, named after its protocol, ports and
     * destination, so that adding or removing an entry leaves the other rules alone. Each sets the
     * one destination its entry names; in a module all three, the two not given null.
     */
    private void allowOut(SecurityGroup group, ServiceNames names) {
        shapes.eachOf("service_egress", settings.egress(), EgressRule::key, EgressRule.KEY_EXPRESSION, rule -> {
            String description = rule.text(names.prefix() + " tasks out${each.value.description == \"\" ? \"\""
                    + " : format(\": %s\", each.value.description)}",
                    entry -> names.prefix() + " tasks out" + (entry.description().isEmpty() ? "" : ": " + entry.description()));
            VpcSecurityGroupEgressRule.Builder egress = VpcSecurityGroupEgressRule.Builder.create(scope, rule.id())
                    .securityGroupId(group.getId())
                    .description(description)
                    .ipProtocol(rule.field("each.value.protocol", entry -> entry.protocol().yamlName(), "").value())
                    .fromPort(rule.field("each.value.port", entry -> (Number) entry.port(), (Number) 0).value())
                    .toPort(rule.field("coalesce(each.value.to_port, each.value.port)", entry -> (Number) entry.toPort(),
                            (Number) 0).value());
            rule.optional("each.value.cidr", entry -> target(entry, Destination.CIDR))
                    .ifPresent(cidr -> egress.cidrIpv4(cidr.value()));
            rule.optional("each.value.prefix_list_id", entry -> target(entry, Destination.PREFIX_LIST_ID))
                    .ifPresent(list -> egress.prefixListId(list.value()));
            rule.optional("each.value.security_group_id", entry -> target(entry, Destination.SECURITY_GROUP_ID))
                    .ifPresent(other -> egress.referencedSecurityGroupId(other.value()));
            return egress.build();
        });
    }

    private static String target(EgressRule rule, Destination destination) {
        return rule.destination() == destination ? rule.target() : null;
    }

    private EcsTaskDefinition taskDefinition(ServiceNames names) {
        TaskDefinitionModel.Container container = new TaskDefinitionModel.Container(settings.containerName(),
                TaskDefinitionModel.image(settings.repositoryUrl(), settings.imageTag().text()), settings.containerPort(),
                settings.environment(), settings.secrets(), names.serviceLogGroup(), settings.region(),
                settings.readonlyRootFilesystem(), settings.executeCommand());
        EcsTaskDefinition definition = EcsTaskDefinition.Builder.create(scope, "task")
                .family(names.taskDefinitionFamily())
                .networkMode("awsvpc")
                .requiresCompatibilities(List.of("FARGATE"))
                .cpu(settings.cpu().text())
                .memory(settings.memory().text())
                .runtimePlatform(EcsTaskDefinitionRuntimePlatform.builder()
                        .operatingSystemFamily("LINUX")
                        .cpuArchitecture(settings.cpuArchitecture().value())
                        .build())
                .executionRoleArn(settings.executionRoleArn())
                .taskRoleArn(settings.taskRoleArn())
                .containerDefinitions(TaskDefinitionModel.json(TaskDefinitionModel.containerDefinition(container)))
                // Releases register their own revisions and the service may still run this one;
                // a changed definition adds a revision instead of deregistering the running one.
                .skipDestroy(true)
                .dependsOn(List.of(logs))
                .build();
        Setting<List<String>> volumes = Setting.either(container.execVolumes(),
                Setting.of(TaskDefinitionModel.EXEC_AGENT_VOLUMES.stream().map(TaskDefinitionModel.WritableVolume::name).toList(),
                        "cluster.executeCommand"),
                Setting.of(List.of(), "cluster.executeCommand"));
        shapes.blocks(definition, "volume", volumes, name -> Map.of("name", name.text()));
        return definition;
    }

    private EcsService service(ServiceNames names, BlueGreenLoadBalancer loadBalancer) {
        List<ITerraformDependable> listeners = List.of(loadBalancer.productionListener(), loadBalancer.testListener());
        EcsService[] made = new EcsService[1];
        CapacityShare.apply(settings.fargateSpotWeight(), shares -> made[0] = service(names, loadBalancer, listeners, shares),
                shapes, "capacity_provider_strategy");
        return made[0];
    }

    private EcsService service(ServiceNames names, BlueGreenLoadBalancer loadBalancer, List<ITerraformDependable> listeners,
            List<CapacityShare> shares) {
        EcsService.Builder service = EcsService.Builder.create(scope, "service")
                .name(names.service())
                .cluster(settings.clusterArn())
                .taskDefinition(task.getArn())
                .desiredCount(initialCount(settings).value())
                .capacityProviderStrategy(shares.stream()
                        .map(share -> EcsServiceCapacityProviderStrategy.builder()
                                .capacityProvider(share.capacityProvider())
                                .base(share.base())
                                .weight(share.weight())
                                .build())
                        .toList())
                .deploymentController(EcsServiceDeploymentController.builder().type("CODE_DEPLOY").build())
                .loadBalancer(List.of(EcsServiceLoadBalancer.builder()
                        .targetGroupArn(loadBalancer.blue().getArn())
                        .containerName(settings.containerName().value())
                        .containerPort(settings.containerPort().value())
                        .build()))
                .networkConfiguration(EcsServiceNetworkConfiguration.builder()
                        .subnets(settings.privateSubnetIds())
                        .securityGroups(List.of(securityGroup.getId()))
                        .assignPublicIp(false)
                        .build())
                .healthCheckGracePeriodSeconds(settings.healthCheckGracePeriodSeconds().value())
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                .waitForSteadyState(false)
                .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(ownedElsewhere(settings)).build())
                // ECS rejects a target group that no listener uses yet.
                .dependsOn(listeners);
        Setting.flag(settings.executeCommand(), service::enableExecuteCommand, service::enableExecuteCommand);
        return service.build();
    }

    /**
     * The service's attributes that others set after Terraform made it. Terraform takes only a
     * fixed list, so a module, where autoscaling is a variable, always leaves the count alone.
     */
    private static List<String> ownedElsewhere(ServiceSettings settings) {
        List<String> owned = new ArrayList<>(List.of(
                // CodeDeploy sets these at every release, from the release's AppSpec.
                "task_definition", "load_balancer", "capacity_provider_strategy"));
        if (settings.autoscaling().mayBeTrue()) {
            // Application Auto Scaling owns the running count.
            owned.add("desired_count");
        }
        return List.copyOf(owned);
    }
}
