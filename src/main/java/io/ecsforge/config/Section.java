package io.ecsforge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A typed, path-aware view of one YAML mapping. Every read records the key as known, so that
 * {@link #rejectUnknownKeys()} can name the keys nobody asked for, with a "did you mean".
 *
 * <p>A wrong value is reported to {@link Problems} and the default is returned instead, so that
 * reading goes on and every problem of a file is reported at once. A check across fields asks
 * {@link #ok} first, so that it never reports a default the user did not write.
 *
 * <p>A section whose value was not a mapping is silent: its parent reported that, and "is
 * required" for each of its keys would only bury the one message that matters.
 */
final class Section {
    private final Problems problems;
    private final String path;
    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();
    private final boolean silent;

    Section(Problems problems, String path, ObjectNode node) {
        this(problems, path, node, false);
    }

    private Section(Problems problems, String path, ObjectNode node, boolean silent) {
        this.problems = problems;
        this.path = path;
        this.node = node;
        this.silent = silent;
    }

    /** The nested mapping at {@code key}; an empty one when absent or null. */
    Section section(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return new Section(problems, at(key), node.objectNode(), silent);
        }
        if (!value.isObject()) {
            report(at(key), show(value) + " is not a mapping; write " + key + ": on its own line and its keys indented below it");
            return new Section(problems, at(key), node.objectNode(), true);
        }
        return new Section(problems, at(key), (ObjectNode) value, silent);
    }

    /** True when {@code key} is given, not absent or null. */
    boolean has(String key) {
        JsonNode value = node.get(key);
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

    /** True when {@code key} holds a number; marks the key as known. */
    boolean isNumber(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        return value != null && value.isNumber();
    }

    /** The value at {@code key} as the user wrote it, for messages. */
    String raw(String key) {
        JsonNode value = node.get(key);
        return value == null ? "null" : show(value);
    }

    String at(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** A required string; reports it as missing when absent. */
    String requiredString(String key, String hint) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            report(at(key), "is required; " + hint);
            return "";
        }
        if (value.isTextual() && value.textValue().isBlank()) {
            report(at(key), "is empty; " + hint);
            return "";
        }
        return text(key, value, "");
    }

    String string(String key, String defaultValue) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        return text(key, value, defaultValue);
    }

    Optional<String> optionalString(String key) {
        return Optional.ofNullable(string(key, null));
    }

    private String text(String key, JsonNode value, String fallback) {
        if (!value.isTextual()) {
            report(at(key), show(value) + " is not a string; " + (value.isContainerNode() ? "expected a single value" : "quote it"));
            return fallback;
        }
        return value.textValue();
    }

    int integer(String key, int defaultValue, int min, int max) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isIntegralNumber()) {
            report(at(key), show(value) + " is not a whole number; allowed: " + min + " to " + max);
            return defaultValue;
        }
        if (!value.canConvertToInt() || value.intValue() < min || value.intValue() > max) {
            report(at(key), show(value) + " is out of range; allowed: " + min + " to " + max);
            return defaultValue;
        }
        return value.intValue();
    }

    /** A whole number from a fixed set, such as the retentions CloudWatch Logs accepts. */
    int oneOf(String key, int defaultValue, List<Integer> allowed) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        String list = allowed.stream().map(String::valueOf).collect(Collectors.joining(", "));
        if (!value.isIntegralNumber()) {
            report(at(key), show(value) + " is not a whole number; allowed: " + list);
            return defaultValue;
        }
        if (!value.canConvertToInt() || !allowed.contains(value.intValue())) {
            report(at(key), show(value) + " is not allowed; allowed: " + list);
            return defaultValue;
        }
        return value.intValue();
    }

    Optional<Double> optionalNumber(String key, Double defaultValue, double min, double max) {
        known.add(key);
        JsonNode value = node.has(key) ? node.get(key) : null;
        if (value == null) {
            return Optional.ofNullable(defaultValue);
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            report(at(key), show(value) + " is not a number; allowed: " + plain(min) + " to " + plain(max) + ", or null");
            return Optional.ofNullable(defaultValue);
        }
        double number = value.doubleValue();
        if (number < min || number > max) {
            report(at(key), plain(number) + " is out of range; allowed: " + plain(min) + " to " + plain(max));
            return Optional.ofNullable(defaultValue);
        }
        return Optional.of(number);
    }

    boolean bool(String key, boolean defaultValue) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isBoolean()) {
            report(at(key), show(value) + " is not a boolean; allowed: true, false");
            return defaultValue;
        }
        return value.booleanValue();
    }

    /** One of a fixed set of named values, spelled as in the YAML (lower case, dashes). */
    <E extends Enum<E> & Named> E choice(String key, E defaultValue, Class<E> type) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        List<String> allowed = new ArrayList<>();
        for (E candidate : type.getEnumConstants()) {
            allowed.add(candidate.yamlName());
            if (value.isTextual() && candidate.yamlName().equals(value.textValue())) {
                return candidate;
            }
        }
        String suggestion = value.isTextual()
                ? Spelling.nearest(value.textValue(), allowed).map(near -> "did you mean '" + near + "'? ").orElse("")
                : "";
        report(at(key), show(value) + " is not allowed; " + suggestion + "allowed: " + String.join(", ", allowed));
        return defaultValue;
    }

    List<String> strings(String key, List<String> defaultValue) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isArray()) {
            report(at(key), show(value) + " is not a list; write [a, b] or one '- item' per line");
            return defaultValue;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                report(at(key) + "[" + i + "]", show(item) + " is not a string; "
                        + (item.isContainerNode() ? "expected a single value" : "quote it"));
            } else {
                result.add(item.textValue());
            }
        }
        return List.copyOf(result);
    }

    /** A mapping of names to string values (environment variables, tags, secrets). */
    Map<String, String> stringMap(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            report(at(key), show(value) + " is not a mapping; expected NAME: value pairs, one per line");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode item = entry.getValue();
            if (item.isTextual()) {
                result.put(entry.getKey(), item.textValue());
            } else if (item.isFloatingPointNumber()) {
                // YAML reads 1.10 as the number 1.1: passed on as text, it would not be what was written.
                report(at(key) + "." + entry.getKey(), show(item) + " is a number, not a string; quote it to keep it as written");
            } else if (item.isNumber() || item.isBoolean()) {
                result.put(entry.getKey(), item.asText());
            } else {
                report(at(key) + "." + entry.getKey(), show(item) + " is not a plain value; expected a string");
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** A list of mappings, each read by {@code reader} as its own section. */
    <T> List<T> sections(String key, Function<Section, T> reader) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            report(at(key), show(value) + " is not a list; write one '- key: value' item per line");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = at(key) + "[" + i + "]";
            if (!item.isObject()) {
                report(itemPath, show(item) + " is not a mapping; write each item as key: value pairs");
                continue;
            }
            Section section = new Section(problems, itemPath, (ObjectNode) item, silent);
            result.add(reader.apply(section));
            section.rejectUnknownKeys();
        }
        return List.copyOf(result);
    }

    void problem(String key, String message) {
        report(at(key), message);
    }

    private void report(String fieldPath, String message) {
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

    private static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
