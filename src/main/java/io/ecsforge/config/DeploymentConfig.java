package io.ecsforge.config;

import java.util.Optional;

/**
 * How CodeDeploy shifts traffic to a new version.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link DeploymentSchema}.
 *
 * @param strategy how traffic moves: canary, linear or all at once
 * @param percent traffic shifted first (canary) or at each step (linear)
 * @param intervalMinutes minutes between shifts
 * @param terminateBlueAfterMinutes minutes the old tasks are kept after success
 * @param alarms the alarms that stop and roll back a deployment
 */
public record DeploymentConfig(
        Strategy strategy, int percent, int intervalMinutes, int terminateBlueAfterMinutes, Alarms alarms) {

    /**
     * @param http5xxPercent target 5xx responses as a percentage of requests
     * @param unhealthyHosts unhealthy targets at or above which the alarm fires
     * @param p99LatencySeconds p99 target response time; empty turns that alarm off
     * @param periodSeconds alarm period, a multiple of 60 (load balancer metrics come once a minute)
     * @param evaluationPeriods periods that must breach before the alarm fires
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
