package io.ecsforge.stacks;

import com.hashicorp.cdktf.providers.aws.cloudwatch_metric_alarm.CloudwatchMetricAlarm;
import com.hashicorp.cdktf.providers.aws.codedeploy_app.CodedeployApp;
import com.hashicorp.cdktf.providers.aws.codedeploy_deployment_group.CodedeployDeploymentGroup;
import io.ecsforge.config.EnvironmentConfig;
import java.util.List;
import software.constructs.Construct;

/**
 * Blue/green releases of the service with CodeDeploy ({@link BlueGreenDelivery}), with the
 * configuration's values: the deployment configuration of {@code deployment.strategy}, and one
 * alarm resource for each alarm configured.
 */
public final class DeliveryStack extends PlatformStack {
    /** The built-in configuration for {@code all-at-once}. */
    public static final String ALL_AT_ONCE = BlueGreenDelivery.ALL_AT_ONCE;

    private final BlueGreenDelivery delivery;

    /**
     * @param targets the service stack's release targets (usually {@code serviceStack.releaseTargets()})
     * @param codeDeployRoleArn the role CodeDeploy assumes to swap task sets and listeners
     */
    public DeliveryStack(Construct scope, EnvironmentConfig config, ReleaseTargets targets, String codeDeployRoleArn) {
        super(scope, config, EnvironmentNames.DELIVERY);
        delivery = new BlueGreenDelivery(this, DeliverySettings.of(config), targets, codeDeployRoleArn, Shapes.configured());
        delivery.outputs(false);
    }

    public CodedeployApp application() {
        return delivery.application();
    }

    public CodedeployDeploymentGroup deploymentGroup() {
        return delivery.deploymentGroup();
    }

    /** The deployment configuration's name: the built-in {@link #ALL_AT_ONCE} or this stack's own. */
    public String deploymentConfigName() {
        return delivery.deploymentConfigName();
    }

    /** The alarms that stop and roll back a release, blue's first. */
    public List<CloudwatchMetricAlarm> alarms() {
        return delivery.alarms();
    }
}
