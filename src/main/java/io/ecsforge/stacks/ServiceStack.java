package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import software.constructs.Construct;

/**
 * The service and what reaches it ({@link BlueGreenService}), with the configuration's values: a
 * {@link BlueGreenLoadBalancer} (the internet-facing Application Load Balancer with a blue and a
 * green target group and a production and a test listener for CodeDeploy), the
 * {@link FargateService} behind it and, when configured, {@link CpuScaling}.
 *
 * <p>The load balancer lives here rather than in a stack of its own because its security group
 * and the service's name each other (the ALB may only send to the service, the service only
 * accepts the ALB), and because CodeDeploy treats listeners, target groups and service as one
 * unit: it swaps the listeners' target group and the service's tasks in the same release.
 */
public final class ServiceStack extends PlatformStack {
    private final BlueGreenService service;
    private final TaskDefinitionModel taskDefinitionModel;

    public ServiceStack(Construct scope, EnvironmentConfig config, NetworkRefs network, ServiceInputs inputs) {
        super(scope, config, EnvironmentNames.SERVICE);
        service = new BlueGreenService(this, ServiceSettings.of(config, network, inputs), Shapes.configured());
        service.outputs(false);
        taskDefinitionModel = TaskDefinitionModel.of(config,
                TaskDefinitionModel.image(inputs.repositoryUrl(), config.service().imageTag()),
                inputs.executionRoleArn(), inputs.taskRoleArn());
    }

    /** What CodeDeploy, its alarms and a release's AppSpec need of this stack. */
    public ReleaseTargets releaseTargets() {
        return service.releaseTargets();
    }

    /** The task definition this stack registers, with references to the image and roles. */
    public TaskDefinitionModel taskDefinitionModel() {
        return taskDefinitionModel;
    }
}
