package io.ecsforge.config;

import io.ecsforge.config.ServiceConfig.Autoscaling;
import java.util.List;
import java.util.Optional;

/** The {@code service.autoscaling} section: target tracking on CPU. */
final class AutoscalingSchema {
    static final Key<Void> SECTION = Key.mapping("service.autoscaling", "Target tracking on CPU.");
    static final Key<Boolean> ENABLED = Key.bool("service.autoscaling.enabled", true,
            "Target tracking on CPU; when `false`, `desiredCount` tasks run.");
    static final Key<Integer> MIN = Key.whole("service.autoscaling.min", 2, 1, 1000, "Fewest tasks.")
            .note("at most `autoscaling.max`");
    static final Key<Integer> MAX = Key.whole("service.autoscaling.max", 6, 1, 1000, "Most tasks.");
    static final Key<Integer> CPU_TARGET = Key.whole("service.autoscaling.cpuTarget", 70, 10, 90,
            "Average CPU percentage the service is scaled to keep.");

    static final List<Key<?>> KEYS = List.of(ENABLED, MIN, MAX, CPU_TARGET);

    private AutoscalingSchema() {}

    /** Empty when {@code enabled: false}. */
    static Optional<Autoscaling> read(Section s) {
        boolean enabled = s.bool(ENABLED);
        int min = s.integer(MIN);
        int max = s.integer(MAX);
        int target = s.integer(CPU_TARGET);
        s.rejectUnknownKeys();
        if (s.ok(MIN, MAX) && min > max) {
            s.problem(MIN, min + " is greater than " + MAX.path() + " (" + max + "); allowed: " + (int) MIN.min() + " to " + max);
        }
        return enabled ? Optional.of(new Autoscaling(min, max, target)) : Optional.empty();
    }
}
