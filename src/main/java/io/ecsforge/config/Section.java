package io.ecsforge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A typed, path-aware view of one YAML mapping: every read goes through the {@link Key} that
 * declares the key, and marks it as known (see {@link Mapping#rejectUnknownKeys()}).
 *
 * <p>A wrong value is reported to {@link Problems} and the default is returned instead, so that
 * reading goes on and every problem of a file is reported at once. A check across fields asks
 * {@link #ok} first, so that it never reports a default the user did not write.
 */
final class Section extends Mapping {
    Section(Problems problems, String path, ObjectNode node) {
        this(problems, path, node, false);
    }

    Section(Problems problems, String path, ObjectNode node, boolean silent) {
        super(problems, path, node, silent);
    }

    /** A required string; reports it as missing, with the key's hint, when absent or blank. */
    String requiredString(Key<String> key) {
        return requiredString(key, key.hint());
    }

    /** A required string whose hint depends on the file, such as the environment's name. */
    String requiredString(Key<String> key, String hint) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            report(at(key.name()), "is required; " + hint);
            return "";
        }
        if (value.isTextual() && value.textValue().isBlank()) {
            report(at(key.name()), "is empty; " + hint);
            return "";
        }
        return checked(key, text(key.name(), value, ""));
    }

    /** A string, or the key's default when absent. */
    String string(Key<String> key) {
        return string(key, key.defaultValue());
    }

    /** A string, or {@code derived} when absent: a default that depends on another key. */
    String string(Key<String> key, String derived) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            return derived;
        }
        return checked(key, text(key.name(), value, derived));
    }

    /**
     * A string, or {@code derived} when absent, not checked against the key's format: for a key
     * whose check depends on another key, which its reader makes itself.
     */
    String unchecked(Key<String> key, String derived) {
        JsonNode value = take(key);
        return value == null || value.isNull() ? derived : text(key.name(), value, derived);
    }

    Optional<String> optionalString(Key<String> key) {
        return Optional.ofNullable(string(key, null));
    }

    /** Checks a string the user wrote against its key's format; one not a string was reported already. */
    private String checked(Key<String> key, String value) {
        return key.format() == null || value == null ? value : key.format().check(this, key.name(), value);
    }

    private String text(String key, JsonNode value, String fallback) {
        if (!value.isTextual()) {
            report(at(key), show(value) + " is not a string; " + (value.isContainerNode() ? "expected a single value" : "quote it"));
            return fallback;
        }
        return value.textValue();
    }

    /** A whole number in the key's range, or one of its values for {@link Key.Kind#ONE_OF}. */
    int integer(Key<Integer> key) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            return key.defaultValue();
        }
        if (!value.isIntegralNumber()) {
            report(at(key.name()), show(value) + " is not a whole number; allowed: " + key.allowed());
            return key.defaultValue();
        }
        boolean allowed = key.kind() == Key.Kind.ONE_OF
                ? key.values().contains(value.intValue())
                : value.intValue() >= key.min() && value.intValue() <= key.max();
        if (!value.canConvertToInt() || !allowed) {
            String wrong = key.kind() == Key.Kind.ONE_OF ? " is not allowed" : " is out of range";
            report(at(key.name()), show(value) + wrong + "; allowed: " + key.allowed());
            return key.defaultValue();
        }
        return value.intValue();
    }

    /** A number in the key's range; empty when the file says {@code null}. */
    Optional<Double> number(Key<Double> key) {
        JsonNode value = takeWithNull(key);
        if (value == null) {
            return Optional.ofNullable(key.defaultValue());
        }
        if (value.isNull()) {
            return Optional.empty();
        }
        if (!value.isNumber()) {
            report(at(key.name()), show(value) + " is not a number; allowed: " + key.allowed() + ", or null");
            return Optional.ofNullable(key.defaultValue());
        }
        double number = value.doubleValue();
        if (number < key.min() || number > key.max()) {
            report(at(key.name()), Key.plain(number) + " is out of range; allowed: " + key.allowed());
            return Optional.ofNullable(key.defaultValue());
        }
        return Optional.of(number);
    }

    boolean bool(Key<Boolean> key) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            return key.defaultValue();
        }
        if (!value.isBoolean()) {
            report(at(key.name()), show(value) + " is not a boolean; allowed: " + key.allowed());
            return key.defaultValue();
        }
        return value.booleanValue();
    }

    /** One of a fixed set of named values, spelled as in the YAML (lower case, dashes). */
    <E extends Enum<E> & Named> E choice(Key<E> key) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            return key.defaultValue();
        }
        for (E candidate : key.defaultValue().getDeclaringClass().getEnumConstants()) {
            if (value.isTextual() && candidate.yamlName().equals(value.textValue())) {
                return candidate;
            }
        }
        String suggestion = value.isTextual()
                ? Spelling.nearest(value.textValue(), Key.names(key.defaultValue())).map(near -> "did you mean '" + near + "'? ").orElse("")
                : "";
        report(at(key.name()), show(value) + " is not allowed; " + suggestion + "allowed: " + key.allowed());
        return key.defaultValue();
    }

    List<String> strings(Key<List<String>> key) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            return key.defaultValue();
        }
        if (!value.isArray()) {
            report(at(key.name()), show(value) + " is not a list; write [a, b] or one '- item' per line");
            return key.defaultValue();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                report(at(key.name()) + "[" + i + "]", show(item) + " is not a string; "
                        + (item.isContainerNode() ? "expected a single value" : "quote it"));
            } else {
                result.add(item.textValue());
            }
        }
        return List.copyOf(result);
    }

    /** A mapping of names to string values (environment variables, tags, secrets). */
    Map<String, String> stringMap(Key<Void> key) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            return Map.of();
        }
        if (!value.isObject()) {
            report(at(key.name()), show(value) + " is not a mapping; expected NAME: value pairs, one per line");
            return Map.of();
        }
        Map<String, String> result = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode item = entry.getValue();
            String itemPath = at(key.name()) + "." + entry.getKey();
            if (item.isTextual()) {
                result.put(entry.getKey(), item.textValue());
            } else if (item.isFloatingPointNumber()) {
                // YAML reads 1.10 as the number 1.1: passed on as text, it would not be what was written.
                report(itemPath, show(item) + " is a number, not a string; quote it to keep it as written");
            } else if (item.isNumber() || item.isBoolean()) {
                result.put(entry.getKey(), item.asText());
            } else {
                report(itemPath, show(item) + " is not a plain value; expected a string");
            }
        }
        return Collections.unmodifiableMap(result);
    }

    /** A list of mappings, each read by {@code reader} as its own section. */
    <T> List<T> sections(Key<Void> key, Function<Section, T> reader) {
        JsonNode value = take(key);
        if (value == null || value.isNull()) {
            return List.of();
        }
        if (!value.isArray()) {
            report(at(key.name()), show(value) + " is not a list; write one '- key: value' item per line");
            return List.of();
        }
        List<T> result = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = at(key.name()) + "[" + i + "]";
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
}
