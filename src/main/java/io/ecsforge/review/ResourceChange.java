package io.ecsforge.review;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One entry of a plan's {@code resource_changes} (or {@code resource_drift}).
 *
 * @param address the resource instance address, {@code module.app.aws_ecs_service.this["web"]}
 * @param previousAddress where a {@code moved} block moves it from; empty when it does not move
 * @param deposed the deposed object key when the change is about a deposed object, else empty
 * @param action what Terraform will do
 * @param actionReason Terraform's {@code action_reason} (1.2+), e.g. {@code replace_because_tainted}; empty when absent
 * @param replacePaths the attributes that force a replacement; empty when none or not recorded
 * @param importing whether the object is imported (Terraform 1.5+ {@code import} blocks)
 * @param importId the ID it is imported by, when the plan gives one
 * @param values before and after values with their unknown and sensitive marks
 */
public record ResourceChange(
        String address,
        Optional<String> previousAddress,
        Optional<String> deposed,
        Action action,
        Optional<String> actionReason,
        List<AttributePath> replacePaths,
        boolean importing,
        Optional<String> importId,
        Values values) {

    public ResourceChange {
        replacePaths = List.copyOf(replacePaths);
    }

    public boolean moved() {
        return previousAddress.isPresent() && !previousAddress.get().equals(address);
    }

    /** The totals this change counts in. */
    public Set<ChangeKind> kinds() {
        return ChangeKind.of(action, importing, moved());
    }

    /** Whether the change is anything but a no-op that stays where it is. */
    public boolean changes() {
        return !kinds().isEmpty();
    }
}
