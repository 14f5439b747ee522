package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChangeKindTest {
    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = ';', value = {
        "no-op;         NO_OP",
        "create;        CREATE",
        "read;          READ",
        "update;        UPDATE",
        "delete,create; DELETE_THEN_CREATE",
        "create,delete; CREATE_THEN_DELETE",
        "create,forget; CREATE_THEN_FORGET",
        "delete;        DELETE",
        "forget;        FORGET",
    })
    void terraformActionListsNameOneAction(String actions, Action expected) {
        assertEquals(Optional.of(expected), Action.of(List.of(actions.split(","))), "actions " + actions);
    }

    @ParameterizedTest(name = "actions [{0}]")
    @CsvSource(delimiter = ';', value = {
        "delete,update",
        "create,create",
        "destroy",
        "''",
    })
    void unknownActionListsAreNotGuessed(String actions) {
        List<String> list = actions.isEmpty() ? List.of() : List.of(actions.split(","));
        assertEquals(Optional.empty(), Action.of(list), "actions " + list);
    }

    @ParameterizedTest(name = "{0} importing={1} moved={2} counts as {3}")
    @CsvSource(delimiter = ';', value = {
        "CREATE;             false; false; CREATE",
        "UPDATE;             false; false; UPDATE",
        "READ;               false; false; READ",
        "DELETE;             false; false; DELETE",
        "FORGET;             false; false; FORGET",
        "DELETE_THEN_CREATE; false; false; REPLACE",
        "CREATE_THEN_DELETE; false; false; REPLACE",
        "CREATE_THEN_FORGET; false; false; REPLACE",
        "NO_OP;              false; false; ''",
        "NO_OP;              true;  false; IMPORT",
        "UPDATE;             true;  false; UPDATE IMPORT",
        "NO_OP;              false; true;  MOVE",
        "UPDATE;             false; true;  UPDATE MOVE",
        "DELETE_THEN_CREATE; true;  true;  REPLACE IMPORT MOVE",
    })
    void changeCountsInEveryKindThatAppliesToIt(Action action, boolean importing, boolean moved, String expected) {
        Set<ChangeKind> kinds = expected.isEmpty() ? EnumSet.noneOf(ChangeKind.class)
                : Arrays.stream(expected.split(" ")).map(ChangeKind::valueOf)
                        .collect(Collectors.toCollection(() -> EnumSet.noneOf(ChangeKind.class)));
        assertEquals(kinds, ChangeKind.of(action, importing, moved));
    }

    @ParameterizedTest(name = "{0} warns={1}")
    @CsvSource({
        "NO_OP, false", "CREATE, false", "READ, false", "UPDATE, false", "FORGET, false",
        "DELETE, true", "DELETE_THEN_CREATE, true", "CREATE_THEN_DELETE, true", "CREATE_THEN_FORGET, true",
    })
    void onlyDeletionsAndReplacementsAreWarnedAbout(Action action, boolean warns) {
        assertEquals(warns, action.isDeleteOrReplace(), action.name());
    }
}
