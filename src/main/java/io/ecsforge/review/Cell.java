package io.ecsforge.review;

/**
 * One side of an attribute diff, ready to print. Sensitive values never reach a cell: the
 * masking happens when the cell is made ({@link AttributeDiff}), so the renderers cannot leak.
 */
public record Cell(Kind kind, String text) {
    public enum Kind {
        /** A value, as compact JSON; nested sensitive or unknown parts are already replaced. */
        VALUE,
        /** The attribute does not exist on this side (before a create, after a delete). */
        ABSENT,
        SENSITIVE,
        UNKNOWN,
        /** The plan does not say which values are sensitive, so none is shown. */
        WITHHELD
    }

    public static final Cell ABSENT = new Cell(Kind.ABSENT, "");
    public static final Cell SENSITIVE = new Cell(Kind.SENSITIVE, "");
    public static final Cell UNKNOWN = new Cell(Kind.UNKNOWN, "");
    public static final Cell WITHHELD = new Cell(Kind.WITHHELD, "");

    public static Cell value(String json) {
        return new Cell(Kind.VALUE, json);
    }
}
