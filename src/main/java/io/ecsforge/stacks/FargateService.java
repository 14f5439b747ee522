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
import com.hashicorp.cdktf.providers.aws.ecs_task_definition.EcsTaskDefinitionVolume;
import com.hashicorp.cdktf.providers.aws.security_group.SecurityGroup;
import com.hashicorp.cdktf.providers.aws.vpc_security_group_egress_rule.VpcSecurityGroupEgressRule;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.ServiceConfig;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * What the service is made of.
     *
     * @param config the environment: its service, cluster and names
     * @param vpcId the VPC of the security group
     * @param subnetIds the private subnets the tasks run in, one a zone
     * @param inputs the cluster, image repository and roles, from other stacks
     */
    public record Props(EnvironmentConfig config, String vpcId, List<String> subnetIds, ServiceInputs inputs) {}

    private final Construct scope;
    private final Props props;
    private final SecurityGroup securityGroup;
    private final CloudwatchLogGroup logs;
    private final TaskDefinitionModel taskDefinitionModel;
    private final EcsTaskDefinition task;
    private final EcsService service;

    public FargateService(Construct scope, Props props, BlueGreenLoadBalancer loadBalancer) {
        this.scope = scope;
        this.props = props;
        EnvironmentNames names = EnvironmentNames.of(props.config());
        ServiceInputs inputs = props.inputs();
        securityGroup = securityGroup(names);
        logs = CloudwatchLogGroup.Builder.create(scope, "logs")
                .name(names.serviceLogGroup())
                .retentionInDays(props.config().service().logRetentionDays())
                .build();
        taskDefinitionModel = TaskDefinitionModel.of(props.config(),
                TaskDefinitionModel.image(inputs.repositoryUrl(), props.config().service().imageTag()),
                inputs.executionRoleArn(), inputs.taskRoleArn());
        task = taskDefinition();
        service = service(names, loadBalancer);
    }

    public SecurityGroup securityGroup() {
        return securityGroup;
    }

    public CloudwatchLogGroup logs() {
        return logs;
    }

    /** The task definition the service starts on, with references to the image and roles. */
    public TaskDefinitionModel taskDefinitionModel() {
        return taskDefinitionModel;
    }

    public EcsTaskDefinition task() {
        return task;
    }

    public EcsService service() {
        return service;
    }

    /** With autoscaling, the configured count kept within its bounds; Auto Scaling takes over from there. */
    static int initialCount(ServiceConfig service) {
        return service.autoscaling()
                .map(scaling -> Math.max(scaling.min(), Math.min(scaling.max(), service.desiredCount())))
                .orElse(service.desiredCount());
    }

    private SecurityGroup securityGroup(EnvironmentNames names) {
        SecurityGroup group = SecurityGroup.Builder.create(scope, "service_security_group")
                .name(names.serviceSecurityGroup())
                .description("Tasks of " + names.prefix() + ": the load balancer in, HTTPS out")
                .vpcId(props.vpcId())
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
        return group;
    }

    private EcsTaskDefinition taskDefinition() {
        ServiceConfig service = props.config().service();
        EcsTaskDefinition.Builder builder = EcsTaskDefinition.Builder.create(scope, "task")
                .family(taskDefinitionModel.family())
                .networkMode("awsvpc")
                .requiresCompatibilities(List.of("FARGATE"))
                .cpu(String.valueOf(service.cpu()))
                .memory(String.valueOf(service.memory()))
                .runtimePlatform(EcsTaskDefinitionRuntimePlatform.builder()
                        .operatingSystemFamily("LINUX")
                        .cpuArchitecture(service.cpuArchitecture().yamlName())
                        .build())
                .executionRoleArn(props.inputs().executionRoleArn())
                .taskRoleArn(props.inputs().taskRoleArn())
                .containerDefinitions(taskDefinitionModel.containerDefinitionsJson())
                // Releases register their own revisions and the service may still run this one;
                // a changed definition adds a revision instead of deregistering the running one.
                .skipDestroy(true)
                .dependsOn(List.of(logs));
        if (!taskDefinitionModel.volumes().isEmpty()) {
            builder.volume(taskDefinitionModel.volumes().stream()
                    .map(volume -> EcsTaskDefinitionVolume.builder().name(volume.name()).build())
                    .toList());
        }
        return builder.build();
    }

    private EcsService service(EnvironmentNames names, BlueGreenLoadBalancer loadBalancer) {
        ServiceConfig service = props.config().service();
        List<ITerraformDependable> listeners = List.of(loadBalancer.productionListener(), loadBalancer.testListener());
        return EcsService.Builder.create(scope, "service")
                .name(names.service())
                .cluster(props.inputs().clusterArn())
                .taskDefinition(task.getArn())
                .desiredCount(initialCount(service))
                .capacityProviderStrategy(CapacityShare.strategy(props.config().cluster()).stream()
                        .map(share -> EcsServiceCapacityProviderStrategy.builder()
                                .capacityProvider(share.capacityProvider())
                                .base(share.base())
                                .weight(share.weight())
                                .build())
                        .toList())
                .deploymentController(EcsServiceDeploymentController.builder().type("CODE_DEPLOY").build())
                .loadBalancer(List.of(EcsServiceLoadBalancer.builder()
                        .targetGroupArn(loadBalancer.blue().getArn())
                        .containerName(service.containerName())
                        .containerPort(service.containerPort())
                        .build()))
                .networkConfiguration(EcsServiceNetworkConfiguration.builder()
                        .subnets(props.subnetIds())
                        .securityGroups(List.of(securityGroup.getId()))
                        .assignPublicIp(false)
                        .build())
                .healthCheckGracePeriodSeconds(service.healthCheckGracePeriodSeconds())
                .propagateTags("SERVICE")
                .enableEcsManagedTags(true)
                .enableExecuteCommand(props.config().cluster().executeCommand())
                .waitForSteadyState(false)
                .lifecycle(TerraformResourceLifecycle.builder().ignoreChanges(ownedElsewhere(service)).build())
                // ECS rejects a target group that no listener uses yet.
                .dependsOn(listeners)
                .build();
    }

    /** The service's attributes that others set after Terraform made it. */
    private static List<String> ownedElsewhere(ServiceConfig service) {
        List<String> owned = new ArrayList<>(List.of(
                // CodeDeploy sets these at every release, from the release's AppSpec.
                "task_definition", "load_balancer", "capacity_provider_strategy"));
        if (service.autoscaling().isPresent()) {
            // Application Auto Scaling owns the running count.
            owned.add("desired_count");
        }
        return List.copyOf(owned);
    }
}
