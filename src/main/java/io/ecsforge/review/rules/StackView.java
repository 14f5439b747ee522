package io.ecsforge.review.rules;

import io.ecsforge.review.Plan;
import java.util.List;

/**
 * The stack a change belongs to, for rules that need more than the change: whether a bucket is
 * the state bucket, which alarms a deployment group rolls back on.
 */
public record StackView(String environment, String stack, Plan plan) {
    /** Every change of the stack, no-ops included, as rules see them. */
    public List<ResourceView> changes() {
        return plan.changes().stream().map(change -> new ResourceView(change, plan.secrets())).toList();
    }
}
