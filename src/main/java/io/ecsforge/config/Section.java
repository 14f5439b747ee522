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

/**
 * A typed, path-aware view of one YAML mapping. Every read records the key as known, so that
 * {@link #rejectUnknownKeys()} can name the keys nobody asked for, with a "did you mean".
 *
 * <p>A wrong value is reported to {@link Problems} and the default is returned instead, so that
 * reading goes on and every problem of a file is reported at once.
 */
final class Section {
    private final Problems problems;
    private final String path;
    private final ObjectNode node;
    private final Set<String> known = new LinkedHashSet<>();

    Section(Problems problems, String path, ObjectNode node) {
        this.problems = problems;
        this.path = path;
        this.node = node;
    }

    /** The nested mapping at {@code key}; an empty one when absent or null. */
    Section section(String key) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return new Section(problems, at(key), node.objectNode());
        }
        if (!value.isObject()) {
            problems.add(at(key), show(value) + " is not a mapping; expected keys such as " + key + ": {...}");
            return new Section(problems, at(key), node.objectNode());
        }
        return new Section(problems, at(key), (ObjectNode) value);
    }

    boolean has(String key) {
        JsonNode value = node.get(key);
        return value != null && !value.isNull();
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
            problems.add(at(key), "is required; " + hint);
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
            problems.add(at(key), show(value) + " is not a string; quote it");
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
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            problems.add(at(key), show(value) + " is not a whole number; allowed: " + min + " to " + max);
            return defaultValue;
        }
        int number = value.intValue();
        if (number < min || number > max) {
            problems.add(at(key), number + " is out of range; allowed: " + min + " to " + max);
            return defaultValue;
        }
        return number;
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
            problems.add(at(key), show(value) + " is not a number; allowed: " + plain(min) + " to " + plain(max) + ", or null");
            return Optional.ofNullable(defaultValue);
        }
        double number = value.doubleValue();
        if (number < min || number > max) {
            problems.add(at(key), plain(number) + " is out of range; allowed: " + plain(min) + " to " + plain(max));
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
            problems.add(at(key), show(value) + " is not a boolean; allowed: true, false");
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
        problems.add(at(key), show(value) + " is not allowed; allowed: " + String.join(", ", allowed));
        return defaultValue;
    }

    List<String> strings(String key, List<String> defaultValue) {
        known.add(key);
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            return defaultValue;
        }
        if (!value.isArray()) {
            problems.add(at(key), show(value) + " is not a list; write [a, b] or one '- item' per line");
            return defaultValue;
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                problems.add(at(key) + "[" + i + "]", show(item) + " is not a string; quote it");
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
            problems.add(at(key), show(value) + " is not a mapping; expected NAME: value pairs");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode item = entry.getValue();
            if (item.isTextual()) {
                result.put(entry.getKey(), item.textValue());
            } else if (item.isNumber() || item.isBoolean()) {
                result.put(entry.getKey(), item.asText());
            } else {
                problems.add(at(key) + "." + entry.getKey(), show(item) + " is not a plain value; expected a string");
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
            problems.add(at(key), show(value) + " is not a list");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = at(key) + "[" + i + "]";
            if (!item.isObject()) {
                problems.add(itemPath, show(item) + " is not a mapping");
                continue;
            }
            Section section = new Section(problems, itemPath, (ObjectNode) item);
            result.add(reader.apply(section));
            section.rejectUnknownKeys();
        }
        return List.copyOf(result);
    }

    void problem(String key, String message) {
        problems.add(at(key), message);
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
            problems.add(at(key), "unknown key; " + suggestion + "allowed keys: " + String.join(", ", known));
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
