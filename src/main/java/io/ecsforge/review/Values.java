package io.ecsforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The values of one change and the marks Terraform puts beside them.
 *
 * <p>A plan holds sensitive values in clear; the {@code *Sensitive} marks say where they are
 * ({@code true} at a leaf or at a whole object). Terraform older than 0.15 wrote no marks at all:
 * then {@link #sensitivityMarked()} is false and no value may be shown.
 *
 * @param before the value before the change; JSON null when there is none (create)
 * @param after the planned value; unknown parts are null or missing
 * @param afterUnknown {@code true} where the after value is known only after apply
 * @param beforeSensitive {@code true} where the before value is sensitive
 * @param afterSensitive {@code true} where the after value is sensitive
 * @param sensitivityMarked whether the plan said which values are sensitive
 */
public record Values(
        JsonNode before,
        JsonNode after,
        JsonNode afterUnknown,
        JsonNode beforeSensitive,
        JsonNode afterSensitive,
        boolean sensitivityMarked) {

    public Values {
        before = orNull(before);
        after = orNull(after);
        afterUnknown = orFalse(afterUnknown);
        beforeSensitive = orFalse(beforeSensitive);
        afterSensitive = orFalse(afterSensitive);
    }

    /** The same values with everything marked sensitive: for outputs declared {@code sensitive = true}. */
    public Values allSensitive() {
        return new Values(before, after, afterUnknown, BooleanNode.TRUE, BooleanNode.TRUE, true);
    }

    /** Never the values: a plan holds sensitive ones in clear, and a log line must not show them. */
    @Override
    public String toString() {
        return "Values[not shown; sensitivityMarked=" + sensitivityMarked + "]";
    }

    private static JsonNode orNull(JsonNode node) {
        return node == null || node.isMissingNode() ? NullNode.getInstance() : node;
    }

    private static JsonNode orFalse(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? BooleanNode.FALSE : node;
    }
}
