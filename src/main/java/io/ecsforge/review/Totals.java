package io.ecsforge.review;

import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/** How many changes of each kind a stack or an environment has. Immutable. */
public final class Totals {
    private static final Totals NONE = new Totals(new EnumMap<>(ChangeKind.class));

    private final Map<ChangeKind, Integer> counts;

    private Totals(EnumMap<ChangeKind, Integer> counts) {
        this.counts = counts;
    }

    public static Totals none() {
        return NONE;
    }

    /** The totals of the given resource changes (not drift: drift already happened). */
    public static Totals of(Collection<ResourceChange> changes) {
        EnumMap<ChangeKind, Integer> counts = new EnumMap<>(ChangeKind.class);
        for (ResourceChange change : changes) {
            for (ChangeKind kind : change.kinds()) {
                counts.merge(kind, 1, Integer::sum);
            }
        }
        return new Totals(counts);
    }

    public Totals plus(Totals other) {
        EnumMap<ChangeKind, Integer> sum = new EnumMap<>(ChangeKind.class);
        sum.putAll(counts);
        other.counts.forEach((kind, n) -> sum.merge(kind, n, Integer::sum));
        return new Totals(sum);
    }

    public int get(ChangeKind kind) {
        return counts.getOrDefault(kind, 0);
    }

    public boolean isEmpty() {
        return counts.values().stream().allMatch(n -> n == 0);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Totals other && toString().equals(other.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }

    /** Every column, zeros included, in a fixed order: "create=7 update=0 ...". */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (ChangeKind kind : ChangeKind.values()) {
            if (text.length() > 0) {
                text.append(' ');
            }
            text.append(kind.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(get(kind));
        }
        return text.toString();
    }
}
