package io.ecsforge.testing;

import io.ecsforge.review.Action;
import io.ecsforge.review.AttributeDiff;
import io.ecsforge.review.Plan;
import io.ecsforge.review.PlanReader;
import io.ecsforge.review.ResourceChange;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a saved plan would change, read with the review code a pull request's summary uses: each
 * changed resource with its action and the attribute paths that differ, after the emulator's
 * known gaps are taken out. {@link #toString()} lists them, one line each, for assertion messages.
 *
 * @param changes address to {@code "<action> <path>, <path>"} (the paths only for updates)
 * @param gapsSeen the known gaps that the plan did show
 */
public record PlannedChanges(Map<String, String> changes, Set<EmulatorGap> gapsSeen) {
    /**
     * An attribute that moto does not store or return, so the plan after an apply shows it as
     * an in-place update that AWS would not.
     */
    public record EmulatorGap(String stack, String address, String attribute, String reason) {
        @Override
        public String toString() {
            return stack + " " + address + " " + attribute;
        }
    }

    /** The changes of {@code planJson}, the stack's gaps left out where they are the only difference. */
    public static PlannedChanges of(String stack, Path planJson, List<EmulatorGap> gaps) {
        Plan plan = PlanReader.read(planJson);
        Map<String, String> changes = new TreeMap<>();
        Set<EmulatorGap> seen = new TreeSet<>((a, b) -> a.toString().compareTo(b.toString()));
        for (ResourceChange change : plan.changes()) {
            if (!change.changes()) {
                continue;
            }
            if (change.action() != Action.UPDATE) {
                changes.put(change.address(), change.action().verb());
                continue;
            }
            List<String> paths = new ArrayList<>();
            for (AttributeDiff.Row row : AttributeDiff.rows(change.values(), change.replacePaths(), plan.secrets())) {
                String path = row.path().toString();
                EmulatorGap gap = gaps.stream()
                        .filter(g -> g.stack().equals(stack) && g.address().equals(change.address())
                                && g.attribute().equals(path))
                        .findFirst().orElse(null);
                if (gap != null) {
                    seen.add(gap);
                } else if (!paths.contains(path)) {
                    paths.add(path);
                }
            }
            if (!paths.isEmpty()) {
                changes.put(change.address(), "update " + String.join(", ", paths));
            }
        }
        return new PlannedChanges(Map.copyOf(changes), Set.copyOf(seen));
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(changes).forEach((address, change) -> text.append("  ").append(address).append(": ")
                .append(change).append('\n'));
        return text.length() == 0 ? "  (no changes beyond the emulator's gaps)\n" : text.toString();
    }
}
