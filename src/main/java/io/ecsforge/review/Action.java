package io.ecsforge.review;

import java.util.List;
import java.util.Optional;

/**
 * What Terraform will do to one object: the {@code actions} list of a plan's change, as a name.
 *
 * <p>Terraform writes a replacement as two actions in execution order, so the order is kept:
 * {@code ["delete","create"]} destroys first, {@code ["create","delete"]} is create_before_destroy.
 */
public enum Action {
    NO_OP("", "no change", List.of("no-op")),
    CREATE("+", "create", List.of("create")),
    READ("<=", "read", List.of("read")),
    UPDATE("~", "update", List.of("update")),
    DELETE_THEN_CREATE("-/+", "replace", List.of("delete", "create")),
    CREATE_THEN_DELETE("+/-", "replace", List.of("create", "delete")),
    /** A replacement whose old object is left running, only removed from the state. */
    CREATE_THEN_FORGET("+/.", "replace, old object kept", List.of("create", "forget")),
    DELETE("-", "delete", List.of("delete")),
    /** Removed from the state ({@code removed} block with {@code destroy = false}); the object keeps running. */
    FORGET(".", "forget", List.of("forget"));

    private final String symbol;
    private final String verb;
    private final List<String> terraformActions;

    Action(String symbol, String verb, List<String> terraformActions) {
        this.symbol = symbol;
        this.verb = verb;
        this.terraformActions = terraformActions;
    }

    /** The action for a plan's {@code actions} list, or empty when Terraform wrote a combination this tool does not know. */
    public static Optional<Action> of(List<String> terraformActions) {
        for (Action action : values()) {
            if (action.terraformActions.equals(terraformActions)) {
                return Optional.of(action);
            }
        }
        return Optional.empty();
    }

    /** The mark Terraform prints in front of a change ({@code -/+} for delete-then-create). */
    public String symbol() {
        return symbol;
    }

    /** The {@code actions} list Terraform writes for this action. */
    public List<String> terraformActions() {
        return terraformActions;
    }

    /** One or two words for a reader: "create", "replace". */
    public String verb() {
        return verb;
    }

    public boolean isReplace() {
        return this == DELETE_THEN_CREATE || this == CREATE_THEN_DELETE || this == CREATE_THEN_FORGET;
    }

    /** Whether a reviewer must be warned: an existing object is deleted or replaced. */
    public boolean isDeleteOrReplace() {
        return this == DELETE || isReplace();
    }
}
