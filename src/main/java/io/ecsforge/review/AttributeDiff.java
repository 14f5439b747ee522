package io.ecsforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The attribute-level diff of one change: the leaves whose value differs between before and
 * after, each side masked. Pure: values in, rows out.
 *
 * <p>A subtree marked sensitive or unknown as a whole is one row, never descended into, so not
 * even the keys of a sensitive map are shown.
 */
public final class AttributeDiff {
    /** One changed attribute. {@code forcesReplacement} when it is in the change's {@code replace_paths}. */
    public record Row(AttributePath path, Cell before, Cell after, boolean forcesReplacement) {}

    static final String SENSITIVE_TEXT = "(sensitive)";
    static final String UNKNOWN_TEXT = "(known after apply)";

    private AttributeDiff() {}

    /**
     * The changed attributes, masked.
     *
     * @param secrets strings masked wherever they appear, marked or not
     */
    public static List<Row> rows(Values values, List<AttributePath> replacePaths, Secrets secrets) {
        List<Row> rows = new ArrayList<>();
        new Walk(values.sensitivityMarked(), replacePaths, secrets, rows).walk(AttributePath.root(), values.before(),
                values.after(), values.afterUnknown(), values.beforeSensitive(), values.afterSensitive());
        return rows;
    }

    /** The whole value as one row, at the root path: for outputs. */
    public static Row whole(Values values, Secrets secrets) {
        return new Row(AttributePath.root(),
                cell(AttributePath.root(), values.before(), values.beforeSensitive(), null, values.sensitivityMarked(),
                        secrets),
                cell(AttributePath.root(), values.after(), values.afterSensitive(), values.afterUnknown(),
                        values.sensitivityMarked(), secrets),
                false);
    }

    /**
     * A replace path as it may be shown: cut where it enters a sensitive value, because below
     * that point its steps are map keys of the sensitive value.
     */
    public static AttributePath visible(AttributePath path, Values values) {
        JsonNode before = values.beforeSensitive();
        JsonNode after = values.afterSensitive();
        AttributePath shown = AttributePath.root();
        for (Object step : path.steps()) {
            if (isTrue(before) || isTrue(after)) {
                return shown;
            }
            shown = shown.child(step);
            before = child(before, step);
            after = child(after, step);
        }
        return shown;
    }

    /** One diff being built: what stays the same across the recursion. */
    private record Walk(boolean marked, List<AttributePath> replacePaths, Secrets secrets, List<Row> rows) {
        void walk(AttributePath path, JsonNode before, JsonNode after, JsonNode unknown, JsonNode beforeSensitive,
                JsonNode afterSensitive) {
            boolean wholeMarked = isTrue(unknown) || isTrue(beforeSensitive) || isTrue(afterSensitive);
            if (!wholeMarked && descendable(before, after, unknown)) {
                if (before.isObject() || after.isObject() || unknown.isObject()) {
                    TreeSet<String> keys = new TreeSet<>();
                    addKeys(keys, before);
                    addKeys(keys, after);
                    addKeys(keys, unknown);
                    for (String key : keys) {
                        walk(path.child(key), before.path(key), after.path(key), unknown.path(key),
                                beforeSensitive.path(key), afterSensitive.path(key));
                    }
                } else {
                    int size = Math.max(before.size(), Math.max(after.size(), unknown.isArray() ? unknown.size() : 0));
                    for (int i = 0; i < size; i++) {
                        walk(path.child((long) i), before.path(i), after.path(i), unknown.path(i),
                                beforeSensitive.path(i), afterSensitive.path(i));
                    }
                }
                return;
            }
            boolean afterUnknown = isTrue(unknown);
            if (!afterUnknown && sameValue(before, after)) {
                return;
            }
            if (!wholeMarked && marked && decodedChange(path, before, after)) {
                return;
            }
            Cell beforeCell = cell(path, before, beforeSensitive, null, marked, secrets);
            Cell afterCell = cell(path, after, afterSensitive, unknown, marked, secrets);
            if (noise(beforeCell, before) && noise(afterCell, after)) {
                return;
            }
            rows.add(new Row(path, beforeCell, afterCell, forcesReplacement(path, replacePaths)));
        }

        /**
         * A change of JSON text, diffed key by key; false when neither side is JSON text, so the
         * caller shows the strings. Terraform marks a JSON attribute sensitive as a whole or not at
         * all, so inside it only the known secrets need masking.
         */
        private boolean decodedChange(AttributePath path, JsonNode before, JsonNode after) {
            Optional<JsonNode> decodedBefore = EncodedJson.decode(before);
            Optional<JsonNode> decodedAfter = EncodedJson.decode(after);
            boolean beforeFits = decodedBefore.isPresent() || absent(before);
            boolean afterFits = decodedAfter.isPresent() || absent(after);
            if (!beforeFits || !afterFits || (decodedBefore.isEmpty() && decodedAfter.isEmpty())) {
                return false;
            }
            walkDecoded(path, decodedBefore.orElse(MissingNode.getInstance()),
                    decodedAfter.orElse(MissingNode.getInstance()), "");
            return true;
        }

        /** @param identity the key whose value names this element in its path ({@code Sid}), not shown again as a row */
        private void walkDecoded(AttributePath path, JsonNode before, JsonNode after, String identity) {
            if (before.equals(after)) {
                return;
            }
            if (objects(before, after)) {
                TreeSet<String> keys = new TreeSet<>();
                addKeys(keys, before);
                addKeys(keys, after);
                keys.remove(identity);
                for (String key : keys) {
                    if (secrets.foundIn(key)) {
                        rows.add(new Row(path.child(new AttributePath.Decoded("(sensitive key)")), Cell.SENSITIVE,
                                Cell.SENSITIVE, forcesReplacement(path, replacePaths)));
                    } else {
                        walkDecoded(path.child(new AttributePath.Decoded(key)), before.path(key), after.path(key), "");
                    }
                }
                return;
            }
            if (EncodedJson.objectLists(before, after)) {
                for (EncodedJson.Pair pair : EncodedJson.align(before.isArray() ? before : EMPTY,
                        after.isArray() ? after : EMPTY)) {
                    walkDecoded(path.child(new AttributePath.Decoded(pair.label())), pair.before(), pair.after(),
                            pair.identity());
                }
                return;
            }
            rows.add(new Row(path, decodedCell(before), decodedCell(after), forcesReplacement(path, replacePaths)));
        }

        private Cell decodedCell(JsonNode value) {
            if (value.isMissingNode()) {
                return Cell.ABSENT;
            }
            return secrets.foundIn(value) ? Cell.SENSITIVE
                    : Cell.value(compact(value, MissingNode.getInstance(), MissingNode.getInstance()));
        }
    }

    private static final JsonNode EMPTY = JsonNodeFactory.instance.arrayNode();

    private static boolean objects(JsonNode before, JsonNode after) {
        return (before.isObject() || before.isMissingNode()) && (after.isObject() || after.isMissingNode())
                && (before.isObject() || after.isObject());
    }

    /** Descend while both sides are the same kind of container (or absent) and one is non-empty. */
    private static boolean descendable(JsonNode before, JsonNode after, JsonNode unknown) {
        boolean objects = containerOrAbsent(before, true) && containerOrAbsent(after, true)
                && (unknown.isObject() || !unknown.isContainerNode());
        boolean arrays = containerOrAbsent(before, false) && containerOrAbsent(after, false)
                && (unknown.isArray() || !unknown.isContainerNode());
        boolean nonEmpty = before.size() > 0 || after.size() > 0 || unknown.size() > 0;
        return (objects || arrays) && nonEmpty;
    }

    private static boolean containerOrAbsent(JsonNode node, boolean object) {
        return absent(node) || (object ? node.isObject() : node.isArray());
    }

    private static boolean absent(JsonNode node) {
        return node.isMissingNode() || node.isNull();
    }

    private static boolean sameValue(JsonNode before, JsonNode after) {
        return (absent(before) && absent(after)) || before.equals(after);
    }

    /** A null or empty value appearing or disappearing with its object: Terraform's diff hides these too. */
    private static boolean noise(Cell cell, JsonNode value) {
        return cell.kind() == Cell.Kind.ABSENT
                || (cell.kind() != Cell.Kind.UNKNOWN && cell.kind() != Cell.Kind.SENSITIVE
                        && (value.isNull() || (value.isContainerNode() && value.size() == 0)));
    }

    private static Cell cell(AttributePath path, JsonNode value, JsonNode sensitive, JsonNode unknown, boolean marked,
            Secrets secrets) {
        if (unknown != null && isTrue(unknown)) {
            return Cell.UNKNOWN;
        }
        if (value.isMissingNode() || (value.isNull() && path.isRoot())) {
            return Cell.ABSENT;
        }
        if (isTrue(sensitive) || secrets.foundIn(value)) {
            return Cell.SENSITIVE;
        }
        if (!marked && !value.isNull()) {
            return Cell.WITHHELD;
        }
        return Cell.value(compact(value, sensitive, unknown == null ? MissingNode.getInstance() : unknown));
    }

    /** Compact JSON of a value with its sensitive and unknown parts replaced by their placeholders. */
    static String compact(JsonNode value, JsonNode sensitive, JsonNode unknown) {
        StringBuilder text = new StringBuilder();
        appendCompact(text, value, sensitive, unknown);
        return text.toString();
    }

    private static void appendCompact(StringBuilder text, JsonNode value, JsonNode sensitive, JsonNode unknown) {
        if (isTrue(sensitive)) {
            text.append(SENSITIVE_TEXT);
        } else if (isTrue(unknown)) {
            text.append(UNKNOWN_TEXT);
        } else if (value.isObject()) {
            text.append('{');
            Iterator<Map.Entry<String, JsonNode>> fields = value.fields();
            boolean first = true;
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!first) {
                    text.append(',');
                }
                first = false;
                text.append(Json.quote(field.getKey())).append(':');
                appendCompact(text, field.getValue(), sensitive.path(field.getKey()), unknown.path(field.getKey()));
            }
            text.append('}');
        } else if (value.isArray()) {
            text.append('[');
            for (int i = 0; i < value.size(); i++) {
                if (i > 0) {
                    text.append(',');
                }
                appendCompact(text, value.get(i), sensitive.path(i), unknown.path(i));
            }
            text.append(']');
        } else if (value.isTextual()) {
            text.append(Json.quote(value.asText()));
        } else if (value.isMissingNode()) {
            text.append("null");
        } else {
            text.append(value.toString());
        }
    }

    private static boolean forcesReplacement(AttributePath path, List<AttributePath> replacePaths) {
        for (AttributePath replacePath : replacePaths) {
            if (path.startsWith(replacePath) || replacePath.startsWith(path)) {
                return true;
            }
        }
        return false;
    }

    private static void addKeys(TreeSet<String> keys, JsonNode node) {
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(keys::add);
        }
    }

    private static JsonNode child(JsonNode node, Object step) {
        return step instanceof Number n ? node.path(n.intValue()) : node.path(step.toString());
    }

    static boolean isTrue(JsonNode node) {
        return node != null && node.isBoolean() && node.booleanValue();
    }
}
