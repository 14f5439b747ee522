package io.ecsforge.emit.hcl;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes one HCL file laid out exactly as {@code terraform fmt} leaves it, so that
 * {@code terraform fmt -check} passes with no change: two spaces per level, and the {@code =} of
 * consecutive one-line attributes aligned one space after the longest name. Like fmt, it counts
 * a line as a one-line attribute when its value opens no bracket it does not close, so a heredoc
 * attribute aligns with its neighbours and {@code name = {} (a value that goes on) ends the run.
 */
final class HclWriter {
    /** One line as fmt sees it: what comes before the {@code =}, and from the {@code =} on (or null). */
    private record Line(int indent, String head, String assign) {
        int headColumns() {
            return 2 * indent + head.getBytes(StandardCharsets.UTF_8).length;
        }
    }

    private final List<Line> lines = new ArrayList<>();
    private int indent;
    private boolean blankPending;

    /** A line that is neither an attribute nor a closing brace: a block header, an opening bracket. */
    private void plain(String text) {
        add(new Line(indent, text, null));
    }

    /** A closing bracket: a blank line asked for just before it is dropped, as it would end a body. */
    private void closing(String text) {
        blankPending = false;
        add(new Line(indent, text, null));
    }

    private void add(Line line) {
        if (blankPending) {
            lines.add(new Line(0, "", null));
            blankPending = false;
        }
        lines.add(line);
    }

    /**
     * A blank line before whatever comes next, unless that is the start of the file or of a body
     * or the end of a body; never two.
     */
    void blank() {
        if (lines.isEmpty()) {
            return;
        }
        Line last = lines.get(lines.size() - 1);
        blankPending = last.assign() != null || !last.head().endsWith("{");
    }

    /** {@code header {}, then what {@code body} writes one level in, then {@code }}. */
    void block(String header, Runnable body) {
        plain(header + " {");
        indent++;
        body.run();
        indent--;
        closing("}");
    }

    void attribute(String name, Expr value) {
        value(name, value, "");
    }

    /**
     * Writes {@code value} as the attribute or object item {@code name}, or as a list item
     * when {@code name} is null, followed by {@code suffix} (a list item's comma).
     */
    private void value(String name, Expr value, String suffix) {
        String inline = value instanceof Expr.Heredoc heredoc ? heredoc.text() : Expr.inline(value);
        if (inline != null) {
            if (name != null) {
                add(new Line(indent, name, "= " + inline + suffix));
            } else if (value instanceof Expr.Heredoc) {
                throw new IllegalStateException("a heredoc can only be the whole value of an attribute: " + value);
            } else {
                plain(inline + suffix);
            }
            return;
        }
        String prefix = name == null ? "" : name + " = ";
        if (value instanceof Expr.Obj obj) {
            plain(prefix + "{");
            items(obj);
            closing("}" + suffix);
        } else if (value instanceof Expr.Tuple tuple) {
            plain(prefix + "[");
            items(tuple);
            closing("]" + suffix);
        } else if (value instanceof Expr.Call call && call.argument() instanceof Expr.Obj obj) {
            plain(prefix + call.function() + "({");
            items(obj);
            closing("})" + suffix);
        } else if (value instanceof Expr.Call call && call.argument() instanceof Expr.Tuple tuple) {
            plain(prefix + call.function() + "([");
            items(tuple);
            closing("])" + suffix);
        } else {
            throw new IllegalStateException("no layout for " + value);
        }
    }

    private void items(Expr.Obj obj) {
        indent++;
        obj.items().forEach(item -> value(item.getKey(), item.getValue(), ""));
        indent--;
    }

    private void items(Expr.Tuple tuple) {
        indent++;
        tuple.items().forEach(item -> value(null, item, ","));
        indent--;
    }

    /** The file's text: runs of one-line attributes aligned, a newline at the end. */
    String render() {
        int[] pads = new int[lines.size()];
        int start = -1;
        int widest = 0;
        for (int i = 0; i <= lines.size(); i++) {
            Line line = i < lines.size() ? lines.get(i) : null;
            if (line != null && line.assign() != null) {
                if (start < 0) {
                    start = i;
                }
                widest = Math.max(widest, line.headColumns());
            } else if (start >= 0) {
                for (int j = start; j < i; j++) {
                    pads[j] = widest - lines.get(j).headColumns() + 1;
                }
                start = -1;
                widest = 0;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (!line.head().isEmpty()) {
                out.append("  ".repeat(line.indent())).append(line.head());
            }
            if (line.assign() != null) {
                out.append(" ".repeat(pads[i])).append(line.assign());
            }
            out.append('\n');
        }
        return out.toString();
    }
}
