package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ElbNamesTest {
    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
        "webapp-dev, blue, webapp-dev-blue",
        "webapp-prod, green, webapp-prod-green",
        "webapp-prod, '', webapp-prod",
        "abcdefghijklmnopqrstu-abcdefghijklmnop, '', abcdefghijklmnopqrstu-abc-ebae06",
        "abcdefghijklmnopqrstu-abcdefghijklmnop, blue, abcdefghijklmnopqrst-516f74-blue",
        "abcdefghijklmnopqrstu-abcdefghijklmnop, green, abcdefghijklmnopqrs-53a69a-green",
        // The cut falls on hyphens, which are dropped rather than doubled before the hash.
        "abcdefghijklmnopqrs-----zzzzzzzzzzzzz, blue, abcdefghijklmnopqrs-bf5890-blue",
    })
    void namesFitInThirtyTwoCharacters(String prefix, String suffix, String expected) {
        String name = ElbNames.of(prefix, suffix);
        assertEquals(expected, name, () -> "name of " + prefix + " + " + suffix);
        assertTrue(name.length() <= ElbNames.MAX_LENGTH, () -> name + " is " + name.length() + " characters");
    }

    @Test
    void nameOfExactlyThirtyTwoCharactersIsKept() {
        String prefix = "abcdefghijklmnopqrstu-abcdefghij";
        assertEquals(prefix, ElbNames.of(prefix, ""));
    }

    @Test
    void longPrefixesThatShareTheirStartStayApart() {
        String one = ElbNames.of("abcdefghijklmnopqrstu-staging-one", "blue");
        String two = ElbNames.of("abcdefghijklmnopqrstu-staging-two", "blue");
        assertNotEquals(one, two, "two environments must not share a target group name");
    }
}
