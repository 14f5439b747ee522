package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.lb.Lb;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.ServiceConfig;
import software.constructs.Construct;

/**
 * The service and what reaches it: a {@link BlueGreenLoadBalancer} (the internet-facing
 * Application Load Balancer with a blue and a green target group and a production and a test
 * listener for CodeDeploy), the {@link FargateService} behind it and, when configured,
 * {@link CpuScaling}.
 *
 * <p>The load balancer lives here rather than in a stack of its own because its security group
 * and the service's name each other (the ALB may only send to the service, the service only
 * accepts the ALB), and because CodeDeploy treats listeners, target groups and service as one
 * unit: it swaps the listeners' target group and the service's tasks in the same release.
 */
public final class ServiceStack extends PlatformStack {
    private final FargateService service;
    private final ReleaseTargets releaseTargets;

    public ServiceStack(Construct scope, EnvironmentConfig config, NetworkRefs network, ServiceInputs inputs) {
        super(scope, config, EnvironmentNames.SERVICE);
        ServiceConfig settings = config.service();
        BlueGreenLoadBalancer balancer = new BlueGreenLoadBalancer(this, new BlueGreenLoadBalancer.Props(
                names(), config.loadBalancer(), network.vpcId(), network.publicSubnetIds(),
                settings.containerPort(), settings.healthCheckPath()));
        service = new FargateService(this, new FargateService.Props(config, network.vpcId(), network.privateSubnetIds(), inputs), balancer);
        balancer.connectTo(service.securityGroup());
        settings.autoscaling().ifPresent(scaling -> CpuScaling.of(this,
                "service/" + names().cluster() + "/" + service.service().getName(), names().cpuScalingPolicy(), scaling));

        Lb alb = balancer.loadBalancer();
        releaseTargets = new ReleaseTargets(
                names().cluster(),
                names().service(),
                balancer.productionListener().getArn(),
                balancer.testListener().getArn(),
                balancer.blue().getName(),
                balancer.green().getName(),
                balancer.blue().getArnSuffix(),
                balancer.green().getArnSuffix(),
                alb.getArnSuffix());

        output("alb_dns_name", alb.getDnsName());
        output("alb_zone_id", alb.getZoneId());
        output("alb_arn_suffix", alb.getArnSuffix());
        output("service_name", service.service().getName());
        output("production_listener_arn", balancer.productionListener().getArn());
        output("test_listener_arn", balancer.testListener().getArn());
        output("blue_target_group_name", balancer.blue().getName());
        output("green_target_group_name", balancer.green().getName());
        output("task_definition_family", service.task().getFamily());
        output("log_group_name", service.logs().getName());
        output("service_security_group_id", service.securityGroup().getId());
    }

    /** What CodeDeploy, its alarms and a release's AppSpec need of this stack. */
    public ReleaseTargets releaseTargets() {
        return releaseTargets;
    }

    /** The task definition this stack registers, with references to the image and roles. */
    public TaskDefinitionModel taskDefinitionModel() {
        return service.taskDefinitionModel();
    }

    private void output(String name, String value) {
        TerraformOutput.Builder.create(this, name).value(value).build();
    }
}
