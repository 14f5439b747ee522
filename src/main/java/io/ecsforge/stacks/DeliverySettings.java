package io.ecsforge.stacks;

import io.ecsforge.config.DeploymentConfig;
import io.ecsforge.config.DeploymentConfig.Alarms;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.stacks.EnvironmentNames.DeliveryNames;
import java.util.function.Supplier;

/**
 * What {@link BlueGreenDelivery} is built from: the {@code deployment} section and the names.
 *
 * @param strategy {@code canary}, {@code linear} or {@code all-at-once}
 * @param percent traffic shifted first (canary) or at each step (linear)
 * @param intervalMinutes minutes between shifts
 * @param terminateBlueAfterMinutes minutes the old tasks are kept after success
 * @param http5xxPercent target 5xx responses, as a percentage of requests, above which a release rolls back
 * @param unhealthyHosts unhealthy targets at or above which a release rolls back
 * @param latencyAlarm whether there is a p99 latency alarm
 * @param p99LatencySeconds the latency alarm's threshold, asked for only when there is one
 * @param periodSeconds the alarms' period
 * @param evaluationPeriods breaching periods before an alarm fires
 * @param names the physical names
 */
public record DeliverySettings(Setting<String> strategy, Setting<Number> percent, Setting<Number> intervalMinutes,
        Setting<Number> terminateBlueAfterMinutes, Setting<Number> http5xxPercent, Setting<Number> unhealthyHosts,
        Setting<Boolean> latencyAlarm, Supplier<Setting<Number>> p99LatencySeconds, Setting<Number> periodSeconds,
        Setting<Number> evaluationPeriods, DeliveryNames names) {

    /** A stack's settings: the configuration's values, named by their keys. */
    static DeliverySettings of(EnvironmentConfig config) {
        DeploymentConfig deployment = config.deployment();
        Alarms alarms = deployment.alarms();
        String p99 = "deployment.alarms.p99LatencySeconds";
        return new DeliverySettings(
                Setting.of(deployment.strategy().yamlName(), "deployment.strategy"),
                Setting.<Number>of(deployment.percent(), "deployment.percent"),
                Setting.<Number>of(deployment.intervalMinutes(), "deployment.intervalMinutes"),
                Setting.<Number>of(deployment.terminateBlueAfterMinutes(), "deployment.terminateBlueAfterMinutes"),
                Setting.<Number>of(alarms.http5xxPercent(), "deployment.alarms.http5xxPercent"),
                Setting.<Number>of(alarms.unhealthyHosts(), "deployment.alarms.unhealthyHosts"),
                Setting.of(alarms.p99LatencySeconds().isPresent(), p99),
                () -> Setting.<Number>of(alarms.p99LatencySeconds().orElseThrow(), p99),
                Setting.<Number>of(alarms.periodSeconds(), "deployment.alarms.periodSeconds"),
                Setting.<Number>of(alarms.evaluationPeriods(), "deployment.alarms.evaluationPeriods"),
                EnvironmentNames.of(config).delivery());
    }
}
