package io.ecsforge.review;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One stack's plan file to summarize.
 *
 * @param environment the environment (config/&lt;env&gt;.yaml) the stack belongs to; empty when unnamed
 * @param stack the stack name shown in the summary, e.g. {@code network}
 * @param planFile the JSON that {@code terraform show -json PLANFILE} wrote
 */
public record StackPlan(String environment, String stack, Path planFile) {
    public StackPlan {
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(stack, "stack");
        Objects.requireNonNull(planFile, "planFile");
    }
}
