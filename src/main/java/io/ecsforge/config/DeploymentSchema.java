package io.ecsforge.config;

import io.ecsforge.config.DeploymentConfig.Alarms;
import io.ecsforge.config.DeploymentConfig.Strategy;
import java.util.List;
import java.util.Optional;

/**
 * The {@code deployment} section: how CodeDeploy shifts traffic, and the alarms that stop it. The
 * rule between the two (the window must let the alarms fire) is {@link ConfigLoader}'s.
 */
final class DeploymentSchema {
    static final Key<Strategy> STRATEGY = Key.choice("deployment.strategy", Strategy.CANARY, "`canary`: `percent`% of"
            + " traffic first, the rest after `intervalMinutes`. `linear`: `percent`% more every `intervalMinutes`."
            + " `all-at-once`: everything at once with the built-in `CodeDeployDefault.ECSAllAtOnce`. There is no canary"
            + " window, so alarms can only roll back during `terminateBlueAfterMinutes`.");
    static final Key<Integer> PERCENT = Key.whole("deployment.percent", 25, 1, 99,
            "Traffic shifted first (canary) or at each step (linear).");
    static final Key<Integer> INTERVAL_MINUTES = Key.whole("deployment.intervalMinutes", 10, 1, 2880,
            "Minutes between shifts.").note("for `canary` and `linear`, at least as long as the alarms need to fire:"
                    + " `max(2, alarms.evaluationPeriods) × alarms.periodSeconds`, so an alarm can fire before the next shift");
    static final Key<Integer> TERMINATE_BLUE_AFTER_MINUTES = Key.whole("deployment.terminateBlueAfterMinutes", 5, 0, 2880,
            "Minutes the old tasks are kept after the traffic has moved.");
    static final Key<Void> ALARMS = Key.mapping("deployment.alarms", "The alarms that stop and roll back a deployment.");
    static final Key<Double> HTTP_5XX_PERCENT = Key.number("deployment.alarms.http5xxPercent", 5.0, 0.1, 100,
            "Target 5xx responses, as a percentage of requests, above which a release stops and rolls back.").typed("number");
    static final Key<Integer> UNHEALTHY_HOSTS = Key.whole("deployment.alarms.unhealthyHosts", 1, 1, 1000,
            "Unhealthy targets in a target group at or above which a release rolls back.");
    static final Key<Double> P99_LATENCY_SECONDS = Key.number("deployment.alarms.p99LatencySeconds", null, 0.001, 60,
            "p99 target response time above which a release rolls back.").defaultText("none: no latency alarm");
    static final Key<Integer> PERIOD_SECONDS = Key.whole("deployment.alarms.periodSeconds", 60, 10, 86400,
            "The alarms' period. Load balancer metrics arrive once a minute, so a shorter period would mostly see no"
                    + " data, which counts as not breaching.").note("a multiple of 60");
    static final Key<Integer> EVALUATION_PERIODS = Key.whole("deployment.alarms.evaluationPeriods", 2, 1, 10,
            "Consecutive breaching periods before an alarm fires.")
            .note("times `periodSeconds` at most 86400 (one day), CloudWatch's limit");

    static final List<Key<?>> KEYS = List.of(STRATEGY, PERCENT, INTERVAL_MINUTES, TERMINATE_BLUE_AFTER_MINUTES, ALARMS);
    /** CloudWatch's limit on an alarm's evaluation periods times its period: one day. */
    static final int MAX_EVALUATED_SECONDS = 86_400;

    static final List<Key<?>> ALARM_KEYS = List.of(HTTP_5XX_PERCENT, UNHEALTHY_HOSTS, P99_LATENCY_SECONDS, PERIOD_SECONDS,
            EVALUATION_PERIODS);

    private DeploymentSchema() {}

    static DeploymentConfig read(Section s) {
        Strategy strategy = s.choice(STRATEGY);
        int percent = s.integer(PERCENT);
        int interval = s.integer(INTERVAL_MINUTES);
        int terminate = s.integer(TERMINATE_BLUE_AFTER_MINUTES);
        Alarms alarms = alarms(s.section(ALARMS));
        s.rejectUnknownKeys();
        return new DeploymentConfig(strategy, percent, interval, terminate, alarms);
    }

    private static Alarms alarms(Section a) {
        // null turns the latency alarm off, but not the 5xx alarm: there it means the default.
        double http5xx = a.number(HTTP_5XX_PERCENT).orElse(HTTP_5XX_PERCENT.defaultValue());
        int unhealthy = a.integer(UNHEALTHY_HOSTS);
        Optional<Double> p99 = a.number(P99_LATENCY_SECONDS);
        int period = a.integer(PERIOD_SECONDS);
        // Load balancer metrics arrive once a minute: a shorter period mostly sees no data,
        // which counts as not breaching, so the alarm would never stop a bad release.
        if (period % 60 != 0) {
            a.problem(PERIOD_SECONDS, period + " is not an alarm period for load balancer metrics, which arrive once a"
                    + " minute; allowed: a multiple of 60");
        }
        int evaluations = a.integer(EVALUATION_PERIODS);
        if (a.ok(PERIOD_SECONDS, EVALUATION_PERIODS) && (long) period * evaluations > MAX_EVALUATED_SECONDS) {
            a.problem(EVALUATION_PERIODS, evaluations + " periods of " + period + " s are " + (long) period * evaluations
                    + " s; CloudWatch evaluates an alarm over at most one day; allowed: evaluationPeriods x periodSeconds"
                    + " up to " + MAX_EVALUATED_SECONDS + " s");
        }
        a.rejectUnknownKeys();
        return new Alarms(http5xx, unhealthy, p99, period, evaluations);
    }
}
