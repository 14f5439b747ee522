package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.0.0.0/16", "0.0.0.0/0", "255.255.255.255/32", "192.168.1.128/25", "172.16.0.0/12"})
    void networkAddressWithItsPrefixParsesAndPrintsTheSame(String text) {
        assertEquals(text, Cidr.parse(text).map(Cidr::toString).orElse("rejected"), text);
        assertEquals(Optional.empty(), Cidr.problem(text), text);
    }

    @ParameterizedTest(name = "[{index}] \"{0}\"")
    @ValueSource(strings = {"10.0.0/16", "10.0.0.0", "10.0.0.0/", "10.0.0.0/33", "256.0.0.0/8", "10.0.0.0/16 ", "a.b.c.d/8",
            "10.0.0.0/-1", "", "::/0"})
    void malformedBlockIsRejectedAsNotACidrBlock(String text) {
        assertEquals(Optional.empty(), Cidr.parse(text), text);
        assertEquals(Optional.of("\"" + text + "\" is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255"
                + " and n from 0 to 32"), Cidr.problem(text));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "10.0.0.1/16, 10.0.0.0/16",
        "10.0.255.255/16, 10.0.0.0/16",
        "192.168.1.129/25, 192.168.1.128/25",
        "10.1.2.3/8, 10.0.0.0/8",
        "1.2.3.4/0, 0.0.0.0/0"
    })
    void blockWithHostBitsSetNamesItsNetworkAddress(String text, String network) {
        assertEquals(Optional.empty(), Cidr.parse(text), text);
        assertEquals(Optional.of("\"" + text + "\" has host bits set; allowed: the block's network address, " + network),
                Cidr.problem(text));
    }

    @ParameterizedTest(name = "{0} and {1}: {2}")
    @CsvSource({
        "10.0.0.0/16, 10.0.255.0/24, true",
        "10.0.0.0/16, 10.1.0.0/16, false",
        "10.0.0.0/20, 10.0.16.0/20, false",
        "10.0.0.0/20, 10.0.8.0/24, true",
        "0.0.0.0/0, 203.0.113.0/24, true"
    })
    void overlapIsSymmetric(String a, String b, boolean overlaps) {
        Cidr first = Cidr.parse(a).orElseThrow();
        Cidr second = Cidr.parse(b).orElseThrow();
        assertEquals(overlaps, first.overlaps(second), a + " overlaps " + b);
        assertEquals(overlaps, second.overlaps(first), b + " overlaps " + a);
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "10.0.0.0/16, 10.0.0.0/16, true",
        "10.0.0.0/16, 10.0.240.0/20, true",
        "10.0.0.0/16, 10.0.0.0/15, false",
        "10.0.0.0/16, 10.1.0.0/20, false"
    })
    void containsMeansEveryAddressInside(String outer, String inner, boolean contains) {
        assertEquals(contains, Cidr.parse(outer).orElseThrow().contains(Cidr.parse(inner).orElseThrow()), outer + " contains " + inner);
    }

    @ParameterizedTest(name = "{0} + {1} bits, #{2} = {3}")
    @CsvSource({
        "10.0.0.0/16, 4, 0, 10.0.0.0/20",
        "10.0.0.0/16, 4, 1, 10.0.16.0/20",
        "10.0.0.0/16, 4, 15, 10.0.240.0/20",
        "10.20.0.0/16, 4, 8, 10.20.128.0/20",
        "192.168.1.0/24, 4, 13, 192.168.1.208/28"
    })
    void subnetIsTheIndexedBlockOfTheLongerPrefix(String parent, int newBits, int index, String expected) {
        assertEquals(expected, Cidr.parse(parent).orElseThrow().subnet(newBits, index).toString());
    }

    @Test
    void sizeAndLastAddressCoverTheWholeBlock() {
        Cidr block = Cidr.parse("10.0.0.0/30").orElseThrow();
        assertEquals(4, block.size(), "size of " + block);
        assertEquals(Cidr.parse("10.0.0.3/32").orElseThrow().address(), block.last(), "last address of " + block);
    }
}
