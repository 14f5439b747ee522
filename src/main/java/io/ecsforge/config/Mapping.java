package io.ecsforge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A path-aware view of one YAML mapping that remembers which keys were read, so that
 * {@link #rejectUnknownKeys()} can name the keys nobody asked for, with a "did you mean".
 * {@link Section} adds the typed reads.
 *
 * <p>A mapping whose value was not a mapping is silent: its parent reported that, and "is
 * required" for each of its keys would only bury the one message that matters.
 */
abstract sealed class Mapping permits Section {
    final Problems problems;
    final String path;
    final ObjectNode node;
    final boolean silent;
    private final Set<String> known = new LinkedHashSet<>();

    Mapping(Problems problems, String path, ObjectNode node, boolean silent) {
        this.problems = problems;
        this.path = path;
        this.node = node;
        this.silent = silent;
    }

    /** The nested mapping {@code key} declares; an empty one when absent or null. */
    final Section section(Key<Void> key) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            return new Section(problems, at(key.name()), node.objectNode(), silent);
        }
        if (!value.isObject()) {
            report(at(key.name()), show(value) + " is not a mapping; write " + key.name()
                    + ": on its own line and its keys indented below it");
            return new Section(problems, at(key.name()), node.objectNode(), true);
        }
        return new Section(problems, at(key.name()), (ObjectNode) value, silent);
    }

    /** True when {@code key} is given, not absent or null. */
    boolean has(Key<?> key) {
        JsonNode value = node.get(key.name());
        return value != null && !value.isNull();
    }

    /** True when no problem was reported at any of {@code keys}: their values are the user's own. */
    boolean ok(String... keys) {
        for (String key : keys) {
            if (problems.reported(at(key))) {
                return false;
            }
        }
        return true;
    }

    /** True when no problem was reported at any of {@code keys}: their values are the user's own. */
    boolean ok(Key<?>... keys) {
        return ok(Arrays.stream(keys).map(Key::name).toArray(String[]::new));
    }

    /** True when {@code key} holds a number; marks the key as known. */
    boolean isNumber(Key<?> key) {
        JsonNode value = take(key);
        return value != null && value.isNumber();
    }

    /** The value at {@code key} as the user wrote it, for messages. */
    String raw(Key<?> key) {
        JsonNode value = node.get(key.name());
        return value == null ? "null" : show(value);
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** Marks {@code key} as known and returns its node: null when absent. */
    final JsonNode take(Key<?> key) {
        known.add(key.name());
        return node.get(key.name());
    }

    /** Marks {@code key} as known and returns its node: null when absent, a null node when null. */
    final JsonNode takeWithNull(Key<?> key) {
        known.add(key.name());
        return node.has(key.name()) ? node.get(key.name()) : null;
    }

    void problem(Key<?> key, String message) {
        problem(key.name(), message);
    }

    void problem(String key, String message) {
        report(at(key), message);
    }

    /** Reports a problem of this mapping as a whole, such as a rule across its keys. */
    void problemHere(String message) {
        report(path, message);
    }

    final void report(String fieldPath, String message) {
        if (!silent) {
            problems.add(fieldPath, message);
        }
    }

    /** Reports every key of this mapping that no read asked for, suggesting the nearest known key. */
    void rejectUnknownKeys() {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (known.contains(key)) {
                continue;
            }
            String suggestion = Spelling.nearest(key, known)
                    .map(near -> "did you mean '" + near + "'? ")
                    .orElse("");
            report(at(key), "unknown key; " + suggestion + "allowed keys: " + String.join(", ", known));
        }
    }

    /** How a value is shown in a message: strings quoted, everything else as YAML would print it. */
    static String show(JsonNode value) {
        if (value.isTextual()) {
            return "\"" + value.textValue() + "\"";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.asText();
    }
}
