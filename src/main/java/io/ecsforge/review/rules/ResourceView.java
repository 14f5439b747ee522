package io.ecsforge.review.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsforge.review.Action;
import io.ecsforge.review.EncodedJson;
import io.ecsforge.review.Md;
import io.ecsforge.review.ResourceChange;
import io.ecsforge.review.Secrets;
import java.util.Optional;

/**
 * One resource change as a rule sees it: its type and action, and its values with every part
 * Terraform marks sensitive replaced by {@link #SENSITIVE}, so that no rule can put one in a
 * sentence. A plan without sensitive marks (Terraform before 0.15) shows rules no value at all.
 */
public final class ResourceView {
    /** What a rule finds where a value is sensitive; never equal to a real CIDR, port or policy. */
    public static final String SENSITIVE = "(sensitive)";

    private final ResourceChange change;
    private final Secrets secrets;
    private final String type;

    public ResourceView(ResourceChange change, Secrets secrets) {
        this.change = change;
        this.secrets = secrets;
        this.type = typeOf(change.address());
    }

    public String address() {
        return change.address();
    }

    /** The resource type, {@code aws_s3_bucket}; data sources keep theirs too. */
    public String type() {
        return type;
    }

    public Action action() {
        return change.action();
    }

    /** Whether there is an object before the change: not for a create. */
    public boolean existedBefore() {
        return change.action() != Action.CREATE;
    }

    /** Whether the object exists after the change: not after a delete or forget. */
    public boolean existsAfter() {
        return change.action() != Action.DELETE && change.action() != Action.FORGET;
    }

    /** The value before, at {@code path} (attribute names and list indices), masked; missing when absent. */
    public JsonNode before(Object... path) {
        if (change.action() == Action.CREATE) {
            return MissingNode.getInstance();
        }
        return masked(change.values().before(), change.values().beforeSensitive(), path);
    }

    /** The value after, masked; missing when absent or deleted. */
    public JsonNode after(Object... path) {
        if (!existsAfter()) {
            return MissingNode.getInstance();
        }
        return masked(change.values().after(), change.values().afterSensitive(), path);
    }

    /** Whether the attribute differs between before and after, sensitive or not; says nothing of the values. */
    public boolean changed(String attribute) {
        JsonNode before = change.action() == Action.CREATE ? MissingNode.getInstance()
                : change.values().before().path(attribute);
        JsonNode after = existsAfter() ? change.values().after().path(attribute) : MissingNode.getInstance();
        return !before.equals(after) || afterUnknown(attribute);
    }

    /** Terraform's {@code after_unknown}: an object whose keys are the attributes with a part known only after apply. */
    public JsonNode unknownAttributes() {
        JsonNode unknown = change.values().afterUnknown();
        return unknown.isObject() ? unknown : MissingNode.getInstance();
    }

    /** Whether the value after, at {@code path} or above it, is known only after apply. */
    public boolean afterUnknown(Object... path) {
        JsonNode unknown = change.values().afterUnknown();
        for (Object step : path) {
            if (unknown.isBoolean() && unknown.booleanValue()) {
                return true;
            }
            unknown = child(unknown, step);
        }
        return unknown.isBoolean() && unknown.booleanValue();
    }

    /** The JSON the attribute holds as text, decoded and in normal form; empty when it holds none or is masked. */
    public Optional<JsonNode> decodedBefore(String attribute) {
        return EncodedJson.decode(before(attribute));
    }

    public Optional<JsonNode> decodedAfter(String attribute) {
        return EncodedJson.decode(after(attribute));
    }

    /** A value for a sentence, as a code span, or "(sensitive)" when it holds a known secret. */
    public String code(String text) {
        return secrets.foundIn(text) || text.equals(SENSITIVE) ? "_(sensitive)_" : Md.code(text);
    }

    private JsonNode masked(JsonNode value, JsonNode marks, Object... path) {
        if (!change.values().sensitivityMarked()) {
            return MissingNode.getInstance();
        }
        for (Object step : path) {
            if (marks.isBoolean() && marks.booleanValue()) {
                return TextNode.valueOf(SENSITIVE);
            }
            value = child(value, step);
            marks = child(marks, step);
        }
        return withoutMarked(value, marks);
    }

    private static JsonNode withoutMarked(JsonNode value, JsonNode marks) {
        if (marks.isBoolean() && marks.booleanValue()) {
            return TextNode.valueOf(SENSITIVE);
        }
        if (!marks.isContainerNode() || !value.isContainerNode()) {
            return value;
        }
        if (value.isObject()) {
            ObjectNode copy = ((ObjectNode) value).deepCopy();
            value.fieldNames().forEachRemaining(key -> copy.set(key, withoutMarked(value.get(key), marks.path(key))));
            return copy;
        }
        ArrayNode copy = ((ArrayNode) value).deepCopy();
        for (int i = 0; i < value.size(); i++) {
            copy.set(i, withoutMarked(value.get(i), marks.path(i)));
        }
        return copy;
    }

    private static JsonNode child(JsonNode node, Object step) {
        return step instanceof Number n ? node.path(n.intValue()) : node.path(step.toString());
    }

    /** {@code module.app.aws_ecs_service.this["web"]} → {@code aws_ecs_service}. */
    static String typeOf(String address) {
        String plain = address.replaceAll("\\[[^\\]]*\\]", "");
        String[] parts = plain.split("\\.");
        int i = 0;
        while (i + 1 < parts.length && parts[i].equals("module")) {
            i += 2;
        }
        if (i < parts.length && parts[i].equals("data")) {
            i++;
        }
        return i < parts.length ? parts[i] : plain;
    }
}
