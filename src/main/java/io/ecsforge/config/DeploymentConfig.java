package io.ecsforge.config;

import java.util.Optional;

/**
 * How CodeDeploy shifts traffic to a new version.
 *
 * @param strategy @default canary
 * @param percent traffic shifted first (canary) or at each step (linear), 1 to 99. @default 25
 * @param intervalMinutes minutes between shifts, 1 to 2880. @default 10
 * @param terminateBlueAfterMinutes minutes the old tasks are kept after success, 0 to 2880. @default 5
 * @param alarms the alarms that stop and roll back a deployment
 */
public record DeploymentConfig(
        Strategy strategy, int percent, int intervalMinutes, int terminateBlueAfterMinutes, Alarms alarms) {

    /**
     * @param http5xxPercent target 5xx responses as a percentage of requests. @default 5
     * @param unhealthyHosts unhealthy targets at or above which the alarm fires. @default 1
     * @param p99LatencySeconds p99 target response time; empty turns that alarm off. @default none
     * @param periodSeconds alarm period, a multiple of 60 (load balancer metrics come once a minute). @default 60
     * @param evaluationPeriods periods that must breach before the alarm fires. @default 2
     */
    public record Alarms(
            double http5xxPercent,
            int unhealthyHosts,
            Optional<Double> p99LatencySeconds,
            int periodSeconds,
            int evaluationPeriods) {}

    public enum Strategy implements Named {
        /** {@code percent} first, the rest after {@code intervalMinutes} (TimeBasedCanary). */
        CANARY,
        /** {@code percent} more every {@code intervalMinutes} (TimeBasedLinear). */
        LINEAR,
        /** Everything at once: no canary window, alarms can only roll back afterwards. */
        ALL_AT_ONCE;
    }
}
