package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpellingTest {
    private static final List<String> NETWORK_KEYS = List.of("cidr", "azCount", "natGateways", "flowLogs", "flowLogRetentionDays",
            "vpcEndpoints", "publicSubnets", "privateSubnets");

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
        "'', '', 0",
        "abc, abc, 0",
        "abc, '', 3",
        "kitten, sitting, 3",
        "azcount, azCount, 1",
        "netwrok, network, 1",
        "cdir, cidr, 1",
        "ca, abc, 3",
        "flaw, lawn, 2"
    })
    void distanceCountsEditsWithASwapOfNeighboursAsOne(String a, String b, int expected) {
        assertEquals(expected, Spelling.distance(a, b), a + " -> " + b);
        assertEquals(expected, Spelling.distance(b, a), b + " -> " + a);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "azcount, azCount",
        "AZCOUNT, azCount",
        "azCuont, azCount",
        "natGateway, natGateways",
        "flowlog, flowLogs",
        "cdir, cidr",
        "privateSubnet, privateSubnets",
        "vpcEndpoint, vpcEndpoints"
    })
    void nearMissSuggestsTheKnownKey(String given, String expected) {
        assertEquals(Optional.of(expected), Spelling.nearest(given, NETWORK_KEYS), given);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ipv6", "subnets", "x", "region", "enableNat", "cidrBlock"})
    void farKeyHasNoSuggestion(String given) {
        assertEquals(Optional.empty(), Spelling.nearest(given, NETWORK_KEYS), given);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"singel, single", "one_per_az, one-per-az", "nnoe, none"})
    void nearMissOfAChoiceSuggestsIt(String given, String expected) {
        assertEquals(Optional.of(expected), Spelling.nearest(given, List.of("none", "single", "one-per-az")), given);
    }
}
