package io.ecsforge.config;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The tables of docs/configuration.md, rendered from the {@link Schema}: one per section, a row
 * per key with its type, default, allowed values and what it does.
 */
final class ConfigReference {
    static final String BEGIN = "<!-- BEGIN generated from the schema (src/main/java/io/ecsforge/config/*Schema.java)."
            + " Do not edit; regenerate with: mvn test -Dtest=ConfigurationDocsTest -Ddocs.update=true -->";
    static final String END = "<!-- END generated from the schema -->";

    private ConfigReference() {}

    /** Every table, each under its section's heading, between {@link #BEGIN} and {@link #END}. */
    static String render() {
        StringBuilder out = new StringBuilder(BEGIN).append("\n");
        for (Schema.Part part : Schema.PARTS) {
            out.append("\n## ").append(part.path().isEmpty() ? "Top level" : part.path()).append("\n\n");
            out.append("| Key | Type | Default | Allowed | What it does |\n");
            out.append("|-----|------|---------|---------|--------------|\n");
            for (Key<?> key : part.keys()) {
                // A nested mapping's keys have rows of their own, named with its path.
                if (key.kind() == Key.Kind.MAPPING && !part.path().isEmpty()) {
                    continue;
                }
                out.append(row(part.path(), key)).append("\n");
            }
        }
        return out.append("\n").append(END).append("\n").toString();
    }

    private static String row(String section, Key<?> key) {
        String name = section.isEmpty() ? key.path() : key.path().substring(section.length() + 1);
        return "| `" + name + "` | " + key.type() + " | " + key.defaultText() + " | " + allowed(key) + " | "
                + key.description() + " |";
    }

    /** The values as messages say them (escaped for Markdown), then what the reference adds. */
    private static String allowed(Key<?> key) {
        String values = switch (key.kind()) {
            case BOOLEAN, CHOICE -> codes(key.allowed());
            case MAPPING -> key.allowed();
            default -> escape(key.allowed());
        };
        if (values.isEmpty()) {
            return key.note();
        }
        return key.note().isEmpty() ? values : values + "; " + key.note();
    }

    private static String codes(String list) {
        return Arrays.stream(list.split(", ")).map(value -> "`" + value + "`").collect(Collectors.joining(", "));
    }

    /** Message text is plain: keep GitHub from reading {@code <name>} as HTML or {@code *} as emphasis. */
    static String escape(String text) {
        return text.replace("<", "&lt;").replace(">", "&gt;").replace("*", "\\*").replace("_", "\\_");
    }

    /** {@code document} with its generated part replaced by {@code generated}; fails when it has none. */
    static String replaceGenerated(String document, String generated) {
        int begin = document.indexOf(BEGIN);
        int end = document.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalStateException("no generated part: the document must hold the lines\n" + BEGIN + "\n" + END);
        }
        return document.substring(0, begin) + generated + document.substring(end + END.length() + 1);
    }

    static List<String> headings() {
        return Schema.PARTS.stream().map(part -> part.path().isEmpty() ? "Top level" : part.path()).toList();
    }
}
