package io.ecsforge.jsii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProviderLoadTest {
    @Test
    void unsetVariableMeansLazy() {
        assertEquals(ProviderLoad.LAZY, ProviderLoad.parse(null));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''      | LAZY",
        "lazy    | LAZY",
        "LAZY    | LAZY",
        "eager   | EAGER",
        "' Eager'| EAGER",
    })
    void valueNamesTheWayToLoadInAnyCase(String value, ProviderLoad expected) {
        assertEquals(expected, ProviderLoad.parse(value));
    }

    @Test
    void unknownValueIsAUserErrorNamingTheVariableTheValueAndTheChoices() {
        UserError error = assertThrows(UserError.class, () -> ProviderLoad.parse("fast"));
        assertEquals("ECSFORGE_PROVIDER_LOAD: \"fast\" is not a way to load the provider; allowed: lazy (the default),"
                + " eager (every resource module up front, slower); unset it or set one of those", error.getMessage());
    }
}
