package io.ecsforge.review;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A path into a resource's attributes, as Terraform writes it in {@code replace_paths}: steps
 * that are attribute names or map keys (strings) and list indices (integers), then, inside an
 * attribute that holds JSON text (a policy, container definitions), {@link Decoded} steps.
 */
public record AttributePath(List<Object> steps) implements Comparable<AttributePath> {
    /**
     * A step inside JSON that an attribute holds as text: a key, or an element named by what
     * identifies it ({@code [Sid=Pull]}, {@code [name=web]}) or by its position ({@code [0]}).
     */
    public record Decoded(String label) {
        boolean isElement() {
            return label.startsWith("[");
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");

    public AttributePath {
        steps = List.copyOf(steps);
    }

    public static AttributePath root() {
        return new AttributePath(List.of());
    }

    public AttributePath child(Object step) {
        List<Object> longer = new ArrayList<>(steps);
        longer.add(step);
        return new AttributePath(longer);
    }

    public boolean isRoot() {
        return steps.isEmpty();
    }

    /** Whether this path is {@code prefix} or lies inside it. */
    public boolean startsWith(AttributePath prefix) {
        return steps.size() >= prefix.steps.size() && steps.subList(0, prefix.steps.size()).equals(prefix.steps);
    }

    /**
     * {@code ingress[0].cidr_blocks}, {@code tags["team name"]}: the way Terraform's own diff names
     * attributes; inside JSON text, {@code policy › Statement[Sid=Pull] › Action}.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Object step : steps) {
            if (step instanceof Decoded decoded) {
                text.append(decoded.isElement() ? "" : " › ").append(decoded.label());
            } else if (step instanceof Number) {
                text.append('[').append(step).append(']');
            } else if (IDENTIFIER.matcher(step.toString()).matches()) {
                if (text.length() > 0) {
                    text.append('.');
                }
                text.append(step);
            } else {
                text.append('[').append(Json.quote(step.toString())).append(']');
            }
        }
        return text.toString();
    }

    @Override
    public int compareTo(AttributePath other) {
        int shared = Math.min(steps.size(), other.steps.size());
        for (int i = 0; i < shared; i++) {
            int order = compareStep(steps.get(i), other.steps.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(steps.size(), other.steps.size());
    }

    private static int compareStep(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return Long.compare(x.longValue(), y.longValue());
        }
        if (a instanceof Number) {
            return -1;
        }
        if (b instanceof Number) {
            return 1;
        }
        return a.toString().compareTo(b.toString());
    }
}
