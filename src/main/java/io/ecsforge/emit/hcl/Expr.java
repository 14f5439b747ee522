package io.ecsforge.emit.hcl;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** An HCL expression as the emitter lays it out: on one line where it fits, else one item a line. */
sealed interface Expr {
    /** Above this width a list of scalars is written one item a line, as people write long lists. */
    int INLINE_LIST_WIDTH = 80;

    /** Expression text that is one line: a bare expression, a number, a quoted string. */
    record Raw(String text) implements Expr {}

    /** A heredoc, {@code <<EOT ... EOT}; only an attribute's or an object item's whole value. */
    record Heredoc(String text) implements Expr {}

    /** An object constructor; keys already written as HCL (identifier or quoted string). */
    record Obj(List<Map.Entry<String, Expr>> items) implements Expr {}

    record Tuple(List<Expr> items) implements Expr {}

    /** A call of a function with one argument, e.g. {@code jsonencode({...})}. */
    record Call(String function, Expr argument) implements Expr {}

    /** HCL's identifiers; a key that is a keyword could start another construct, so it is quoted too. */
    Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_-]*");
    List<String> RESERVED_KEYS = List.of("for", "if", "in", "true", "false", "null");

    static String key(String name) {
        return IDENTIFIER.matcher(name).matches() && !RESERVED_KEYS.contains(name) ? name
                : Template.literal(name).quoted();
    }

    /** The expression on one line, or null when it takes several. */
    static String inline(Expr expr) {
        if (expr instanceof Raw raw) {
            return raw.text();
        }
        if (expr instanceof Obj obj) {
            return obj.items().isEmpty() ? "{}" : null;
        }
        if (expr instanceof Tuple tuple) {
            StringBuilder out = new StringBuilder("[");
            for (Expr item : tuple.items()) {
                if (!(item instanceof Raw raw)) {
                    return null;
                }
                out.append(out.length() > 1 ? ", " : "").append(raw.text());
            }
            out.append(']');
            return out.length() <= INLINE_LIST_WIDTH ? out.toString() : null;
        }
        if (expr instanceof Call call) {
            String argument = inline(call.argument());
            return argument == null ? null : call.function() + "(" + argument + ")";
        }
        return null;
    }
}
