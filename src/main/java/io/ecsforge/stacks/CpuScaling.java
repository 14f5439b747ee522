package io.ecsforge.stacks;

import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicy;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration;
import com.hashicorp.cdktf.providers.aws.appautoscaling_policy.AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification;
import com.hashicorp.cdktf.providers.aws.appautoscaling_target.AppautoscalingTarget;
import software.constructs.Construct;

/** Target tracking on an ECS service's average CPU, between a minimum and a maximum task count. */
public final class CpuScaling {
    /** Seconds between scaling in: slower than scaling out so that a short dip does not drop tasks. */
    static final int SCALE_IN_COOLDOWN_SECONDS = 300;
    static final int SCALE_OUT_COOLDOWN_SECONDS = 60;

    private CpuScaling() {}

    /**
     * Scales the service {@code serviceResourceId} ({@code service/<cluster>/<service>}) in
     * {@code scope} between {@code min} and {@code max} tasks, keeping {@code cpuTarget} percent,
     * with the policy named {@code policyName}.
     */
    public static AppautoscalingPolicy of(Construct scope, String serviceResourceId, String policyName, Setting<Number> min,
            Setting<Number> max, Setting<Number> cpuTarget) {
        AppautoscalingTarget target = AppautoscalingTarget.Builder.create(scope, "autoscaling_target")
                .serviceNamespace("ecs")
                .scalableDimension("ecs:service:DesiredCount")
                .resourceId(serviceResourceId)
                .minCapacity(min.value())
                .maxCapacity(max.value())
                .build();
        return AppautoscalingPolicy.Builder.create(scope, "cpu_target_tracking")
                .name(policyName)
                .policyType("TargetTrackingScaling")
                .serviceNamespace(target.getServiceNamespace())
                .scalableDimension(target.getScalableDimension())
                .resourceId(target.getResourceId())
                .targetTrackingScalingPolicyConfiguration(AppautoscalingPolicyTargetTrackingScalingPolicyConfiguration.builder()
                        .predefinedMetricSpecification(
                                AppautoscalingPolicyTargetTrackingScalingPolicyConfigurationPredefinedMetricSpecification.builder()
                                        .predefinedMetricType("ECSServiceAverageCPUUtilization")
                                        .build())
                        .targetValue(cpuTarget.value())
                        .scaleInCooldown(SCALE_IN_COOLDOWN_SECONDS)
                        .scaleOutCooldown(SCALE_OUT_COOLDOWN_SECONDS)
                        .build())
                .build();
    }
}
