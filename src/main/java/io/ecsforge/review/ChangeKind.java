package io.ecsforge.review;

import java.util.EnumSet;
import java.util.Set;

/**
 * The columns of a plan's totals. One change can count in several: an import that also
 * updates counts as an import and an update, a moved resource that is replaced as a move and a
 * replacement.
 */
public enum ChangeKind {
    CREATE("to create"),
    UPDATE("to update"),
    REPLACE("to replace"),
    DELETE("to delete"),
    IMPORT("to import"),
    MOVE("to move"),
    READ("to read"),
    /** Not one of the headline columns: shown only when a plan has some. */
    FORGET("to forget");

    private final String phrase;

    ChangeKind(String phrase) {
        this.phrase = phrase;
    }

    /** "to create", as in "3 to create". */
    public String phrase() {
        return phrase;
    }

    /**
     * The totals a change counts in.
     *
     * @param action what Terraform will do to the object
     * @param importing whether the change carries {@code importing} (Terraform 1.5+ import blocks)
     * @param moved whether {@code previous_address} differs from the address ({@code moved} blocks)
     */
    public static Set<ChangeKind> of(Action action, boolean importing, boolean moved) {
        EnumSet<ChangeKind> kinds = EnumSet.noneOf(ChangeKind.class);
        switch (action) {
            case CREATE -> kinds.add(CREATE);
            case UPDATE -> kinds.add(UPDATE);
            case READ -> kinds.add(READ);
            case DELETE -> kinds.add(DELETE);
            case FORGET -> kinds.add(FORGET);
            case DELETE_THEN_CREATE, CREATE_THEN_DELETE, CREATE_THEN_FORGET -> kinds.add(REPLACE);
            case NO_OP -> { }
        }
        if (importing) {
            kinds.add(IMPORT);
        }
        if (moved) {
            kinds.add(MOVE);
        }
        return kinds;
    }
}
