package io.ecsforge.review;

import java.util.List;

/**
 * What a summary needs from one plan file, read by {@link PlanReader}.
 *
 * @param terraformVersion the version that wrote the plan, e.g. {@code 1.11.4}; "unknown" when absent
 * @param changes resource changes, sorted by address, no-ops included
 * @param drift changes found outside Terraform during refresh ({@code resource_drift})
 * @param deferred changes put off to a later plan
 * @param outputs output changes, sorted by name, no-ops included; empty when not recorded
 * @param outputChangesUnrecorded whether the plan lists output changes that its Terraform
 *     version did not really compute (before 0.14), so they are left out
 * @param errored whether Terraform reported errors while planning ({@code errored}, 1.6+)
 * @param secrets every sensitive string in the plan, masked wherever it appears
 */
public record Plan(
        String terraformVersion,
        List<ResourceChange> changes,
        List<ResourceChange> drift,
        List<DeferredChange> deferred,
        List<OutputChange> outputs,
        boolean outputChangesUnrecorded,
        boolean errored,
        Secrets secrets) {

    public Plan {
        changes = List.copyOf(changes);
        drift = List.copyOf(drift);
        deferred = List.copyOf(deferred);
        outputs = List.copyOf(outputs);
    }

    public Totals totals() {
        return Totals.of(changes);
    }

    /** Whether applying the plan would change anything: a resource or an output. */
    public boolean hasChanges() {
        return !totals().isEmpty() || outputs.stream().anyMatch(o -> o.action() != Action.NO_OP);
    }

    /** Whether any change came without sensitive marks, so its values are withheld. */
    public boolean sensitivityUnmarked() {
        return changes.stream().anyMatch(c -> !c.values().sensitivityMarked())
                || drift.stream().anyMatch(c -> !c.values().sensitivityMarked());
    }
}
