package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * What a plan would do, counted from {@code show -json} the way Terraform counts it: a
 * replacement is one add and one destroy.
 */
public record PlanCounts(int add, int change, int destroy, boolean outputsChange) {
    static PlanCounts of(JsonNode plan) {
        int add = 0;
        int change = 0;
        int destroy = 0;
        for (JsonNode resource : plan.path("resource_changes")) {
            Set<String> actions = new HashSet<>();
            resource.path("change").path("actions").forEach(action -> actions.add(action.asText()));
            if (actions.contains("create")) {
                add++;
            }
            if (actions.contains("update")) {
                change++;
            }
            if (actions.contains("delete")) {
                destroy++;
            }
        }
        boolean outputsChange = false;
        for (JsonNode output : plan.path("output_changes")) {
            JsonNode actions = output.path("actions");
            if (!(actions.size() == 1 && "no-op".equals(actions.get(0).asText()))) {
                outputsChange = true;
            }
        }
        return new PlanCounts(add, change, destroy, outputsChange);
    }

    public boolean hasChanges() {
        return add + change + destroy > 0 || outputsChange;
    }

    /** {@code no changes}, or Terraform's own wording: {@code 1 to add, 0 to change, 0 to destroy}. */
    public String describe() {
        if (!hasChanges()) {
            return "no changes";
        }
        String counts = add + " to add, " + change + " to change, " + destroy + " to destroy";
        return add + change + destroy == 0 ? counts + ", outputs change" : counts;
    }
}
