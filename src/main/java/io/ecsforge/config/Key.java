package io.ecsforge.config;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One key of an environment file, declared once: its name, type, default, the values it allows
 * and what it does. {@link Section} reads every key through its declaration, so the default the
 * loader takes and the "allowed: ..." of its messages come from here, and the configuration
 * reference (docs/configuration.md) is generated from the same declarations.
 *
 * @param section the path of the mapping it is in ({@code service.autoscaling}); empty at the top
 * @param name the key as written in YAML
 * @param kind what kind of value it holds, which decides how it is read
 * @param defaultValue what the loader takes when it is left out; null when there is no fixed
 *     default: it is required, optional with none, or derived from another key
 * @param defaultText the default as the reference shows it ("`2`", "required", "the `app` name")
 * @param allowed what it allows, as messages say it after "allowed: "
 * @param hint for a required key, what follows "is required; " when it is missing
 * @param type the type as the reference shows it
 * @param note what the reference adds to {@code allowed}: rules across keys, details of a format
 * @param format the form a string must have; null for any string
 * @param min the smallest number allowed
 * @param max the largest number allowed
 * @param values the only whole numbers allowed, for {@link Kind#ONE_OF}
 * @param description what it does, for the reference
 * @param <T> the Java type the loader reads it as
 */
record Key<T>(String section, String name, Kind kind, T defaultValue, String defaultText, String allowed, String hint,
        String type, String note, Format format, double min, double max, List<Integer> values, String description) {

    /** The kinds of value a key holds, each read by its own method of {@link Section}. */
    enum Kind {
        STRING("string"), WHOLE_NUMBER("whole number"), ONE_OF("whole number"), NUMBER("number or `null`"),
        BOOLEAN("boolean"), CHOICE("choice"), STRINGS("list of strings"), MAP("mapping of string to string"),
        MAPPING("mapping"), MAPPINGS("list of mappings");

        final String type;

        Kind(String type) {
            this.type = type;
        }
    }

    private static <T> Key<T> of(String path, Kind kind, T defaultValue, String defaultText, String allowed, String description) {
        int dot = path.lastIndexOf('.');
        return new Key<>(dot < 0 ? "" : path.substring(0, dot), path.substring(dot + 1), kind, defaultValue, defaultText,
                allowed, "", kind.type, "", null, 0, 0, List.of(), description);
    }

    /** A whole number from {@code min} to {@code max}. */
    static Key<Integer> whole(String path, int defaultValue, int min, int max, String description) {
        return of(path, Kind.WHOLE_NUMBER, defaultValue, code(defaultValue), min + " to " + max, description).range(min, max);
    }

    /** A whole number from a fixed list, such as the retentions CloudWatch Logs accepts. */
    static Key<Integer> oneOf(String path, int defaultValue, List<Integer> values, String description) {
        String list = values.stream().map(String::valueOf).collect(Collectors.joining(", "));
        Key<Integer> key = of(path, Kind.ONE_OF, defaultValue, code(defaultValue), list, description);
        return new Key<>(key.section, key.name, key.kind, defaultValue, key.defaultText, list, "", key.type, "", null,
                0, 0, List.copyOf(values), description);
    }

    /** A number from {@code min} to {@code max}; {@code null} in the file turns it off. */
    static Key<Double> number(String path, Double defaultValue, double min, double max, String description) {
        return of(path, Kind.NUMBER, defaultValue, defaultValue == null ? "none" : code(plain(defaultValue)),
                plain(min) + " to " + plain(max), description).range(min, max);
    }

    static Key<Boolean> bool(String path, boolean defaultValue, String description) {
        return of(path, Kind.BOOLEAN, defaultValue, code(defaultValue), "true, false", description);
    }

    /** One of the constants of {@code defaultValue}'s enum, spelled as {@link Named#yamlName()}. */
    static <E extends Enum<E> & Named> Key<E> choice(String path, E defaultValue, String description) {
        return of(path, Kind.CHOICE, defaultValue, code(defaultValue.yamlName()), String.join(", ", names(defaultValue)),
                description);
    }

    /** A string of {@code format} (null: any string); {@code defaultValue} null when there is no fixed one. */
    static Key<String> string(String path, String defaultValue, Format format, String description) {
        Key<String> key = of(path, Kind.STRING, defaultValue, defaultValue == null ? "none" : code(defaultValue),
                format == null ? "" : format.allowed(), description);
        return new Key<>(key.section, key.name, key.kind, defaultValue, key.defaultText, key.allowed, "", key.type, "",
                format, 0, 0, List.of(), description);
    }

    /** A string with no default; {@code hint} follows "is required; " when it is missing. */
    static Key<String> required(String path, Format format, String hint, String description) {
        Key<String> key = string(path, null, format, description).defaultText("required");
        return new Key<>(key.section, key.name, key.kind, null, key.defaultText, key.allowed, hint, key.type, "", format,
                0, 0, List.of(), description);
    }

    static Key<List<String>> strings(String path, List<String> defaultValue, String allowed, String description) {
        String text = defaultValue.isEmpty() ? "none" : code("[" + String.join(", ", defaultValue) + "]");
        return of(path, Kind.STRINGS, List.copyOf(defaultValue), text, allowed, description);
    }

    /** Names of the user's choosing, each with a string value (tags, environment variables). */
    static Key<Void> map(String path, String allowed, String description) {
        return of(path, Kind.MAP, null, "none", allowed, description);
    }

    /** A nested mapping, whose own keys are declared with its path as their section. */
    static Key<Void> mapping(String path, String description) {
        return of(path, Kind.MAPPING, null, "all defaults", "see [" + path + "](#" + path.toLowerCase(Locale.ROOT) + ")",
                description);
    }

    /** A list of mappings, whose keys are declared with {@code path + "[]"} as their section. */
    static Key<Void> mappings(String path, String defaultText, String allowed, String description) {
        return of(path, Kind.MAPPINGS, null, defaultText, allowed, description);
    }

    Key<T> defaultText(String text) {
        return new Key<>(section, name, kind, defaultValue, text, allowed, hint, type, note, format, min, max, values, description);
    }

    /** The type as the reference shows it, where it says more than the kind's. */
    Key<T> typed(String text) {
        return new Key<>(section, name, kind, defaultValue, defaultText, allowed, hint, text, note, format, min, max, values,
                description);
    }

    /** What the reference adds to {@link #allowed()}: rules across keys, details of a format. */
    Key<T> note(String text) {
        return new Key<>(section, name, kind, defaultValue, defaultText, allowed, hint, type, text, format, min, max, values,
                description);
    }

    private Key<T> range(double low, double high) {
        return new Key<>(section, name, kind, defaultValue, defaultText, allowed, hint, type, note, format, low, high, values,
                description);
    }

    /** {@code network.azCount}: the field path messages name. */
    String path() {
        return section.isEmpty() ? name : section + "." + name;
    }

    @Override
    public String toString() {
        return path();
    }

    /** The YAML spellings of every constant of {@code constant}'s enum, in declaration order. */
    static <E extends Enum<E> & Named> List<String> names(E constant) {
        return Arrays.stream(constant.getDeclaringClass().getEnumConstants()).map(Named::yamlName).toList();
    }

    private static String code(Object value) {
        return "`" + value + "`";
    }

    /** A number as the user would write it: 5, not 5.0. */
    static String plain(double number) {
        return number == Math.rint(number) ? Long.toString((long) number) : Double.toString(number);
    }
}
