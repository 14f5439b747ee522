package io.ecsforge.emit.hcl;

import java.util.ArrayList;
import java.util.List;

/**
 * A string of Terraform JSON read as the template Terraform reads it: literal text,
 * interpolations ({@code ${expr}}) and directives ({@code %{ if ... }}), with {@code $${} and
 * {@code %%{} standing for literal {@code ${} and {@code %{}. It is written back out as a bare
 * expression, a quoted string or a heredoc, its expressions spaced as fmt spaces them.
 */
final class Template {
    /** One piece: literal text (escapes resolved), or the source of an interpolation or directive. */
    record Part(Kind kind, String text) {}

    enum Kind {
        LITERAL,
        /** {@code text} is everything between {@code ${} and its closing brace. */
        INTERPOLATION,
        /** {@code text} is everything between {@code %{} and its closing brace. */
        DIRECTIVE
    }

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = parts;
    }

    List<Part> parts() {
        return parts;
    }

    static Template parse(String source) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("$${", i) || source.startsWith("%%{", i)) {
                literal.append(source.charAt(i)).append('{');
                i += 3;
            } else if (source.startsWith("${", i) || source.startsWith("%{", i)) {
                int end = closingBrace(source, i + 2);
                if (literal.length() > 0) {
                    parts.add(new Part(Kind.LITERAL, literal.toString()));
                    literal.setLength(0);
                }
                Kind kind = source.charAt(i) == '$' ? Kind.INTERPOLATION : Kind.DIRECTIVE;
                parts.add(new Part(kind, source.substring(i + 2, end)));
                i = end + 1;
            } else {
                literal.append(source.charAt(i));
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Part(Kind.LITERAL, literal.toString()));
        }
        return new Template(List.copyOf(parts));
    }

    /** A string Terraform reads without evaluating it (a description, a default): all literal. */
    static Template literal(String text) {
        return new Template(text.isEmpty() ? List.of() : List.of(new Part(Kind.LITERAL, text)));
    }

    /**
     * The index of the brace that closes the interpolation or directive whose expression starts
     * at {@code from}: braces, brackets and parentheses nest, and quoted strings inside the
     * expression (which may hold braces and templates of their own) are skipped.
     */
    private static int closingBrace(String source, int from) {
        int depth = 0;
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '"') {
                i = closingQuote(source, i + 1);
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == ')' || c == ']') {
                depth--;
            } else if (c == '}') {
                if (depth == 0) {
                    return i;
                }
                depth--;
            }
            i++;
        }
        throw new IllegalArgumentException("unclosed ${ or %{ in \"" + source + "\"");
    }

    /** The index of the quote that closes a quoted string starting at {@code from}. */
    private static int closingQuote(String source, int from) {
        int i = from;
        while (i < source.length()) {
            char c = source.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '"') {
                return i;
            }
            if ((source.startsWith("${", i) || source.startsWith("%{", i)) && !source.startsWith("$${", i - 1)
                    && !source.startsWith("%%{", i - 1)) {
                i = closingBrace(source, i + 2);
            }
            i++;
        }
        throw new IllegalArgumentException("unclosed string in the expression of \"" + source + "\"");
    }

    /**
     * The expression, when the template is exactly one interpolation: HCL gives such a template
     * the expression's own value, not a string, so writing the bare expression means the same.
     * Strip markers ({@code ${~ x ~}}) only matter beside literal text, so they keep the template.
     */
    String soleExpression() {
        if (parts.size() != 1 || parts.get(0).kind() != Kind.INTERPOLATION) {
            return null;
        }
        String expression = parts.get(0).text().strip();
        if (expression.startsWith("~") || expression.endsWith("~") || expression.contains("\n")) {
            return null;
        }
        return Expressions.format(expression);
    }

    boolean hasInterpolationOrDirective() {
        return parts.stream().anyMatch(part -> part.kind() != Kind.LITERAL);
    }

    /** The template as an HCL quoted string: literal text escaped, interpolations and directives kept. */
    String quoted() {
        StringBuilder out = new StringBuilder("\"");
        for (Part part : parts) {
            switch (part.kind()) {
                case LITERAL -> out.append(escapeTemplateMarkers(escapeQuoted(part.text())));
                case INTERPOLATION -> out.append("${").append(spaced(part.text())).append('}');
                case DIRECTIVE -> out.append("%{").append(spaced(part.text())).append('}');
            }
        }
        return out.append('"').toString();
    }

    /**
     * The template as a heredoc delimited by {@code delimiter}, or null where a heredoc cannot
     * say the same: it always ends its value with a newline, cannot hold a carriage return or
     * other control characters, and ends at the first line that is just its delimiter.
     */
    String heredoc(String delimiter) {
        StringBuilder body = new StringBuilder();
        for (Part part : parts) {
            switch (part.kind()) {
                case LITERAL -> {
                    for (char c : part.text().toCharArray()) {
                        if (c < 0x20 && c != '\n' && c != '\t') {
                            return null;
                        }
                    }
                    body.append(escapeTemplateMarkers(part.text()));
                }
                case INTERPOLATION -> body.append("${").append(spaced(part.text())).append('}');
                case DIRECTIVE -> body.append("%{").append(spaced(part.text())).append('}');
            }
        }
        String text = body.toString();
        if (!text.endsWith("\n") || text.indexOf('\n') < 0) {
            return null;
        }
        for (String line : text.split("\n", -1)) {
            if (line.strip().equals(delimiter)) {
                return null;
            }
        }
        return "<<" + delimiter + "\n" + text + delimiter;
    }

    /**
     * An interpolation's or directive's expression spaced as fmt spaces it; strip markers
     * ({@code ~}) stay against the braces, where fmt puts them.
     */
    private static String spaced(String text) {
        String expression = text.strip();
        String left = expression.startsWith("~") ? "~" : "";
        expression = expression.substring(left.length());
        String right = expression.endsWith("~") ? "~" : "";
        expression = expression.substring(0, expression.length() - right.length());
        return left + Expressions.format(expression) + right;
    }

    /** Whether any literal text holds a line break: such strings read better as heredocs. */
    boolean isMultiLine() {
        return parts.stream().anyMatch(part -> part.kind() == Kind.LITERAL && part.text().contains("\n"));
    }

    private static String escapeTemplateMarkers(String text) {
        return text.replace("${", "$${").replace("%{", "%%{");
    }

    /** HCL's quoted-string escapes, for literal text. */
    static String escapeQuoted(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
