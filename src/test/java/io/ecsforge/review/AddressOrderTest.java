package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AddressOrderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "count indices compare as numbers | svc[2] svc[10] svc[100]",
        "module before its longer name | module.a.x module.a.x[0] module.ab.x",
        "for_each keys compare as text | svc[\"api\"] svc[\"web\"] svc[\"worker\"]",
        "leading zeros keep a stable order | n[01] n[1] n[2]",
    })
    void addressesSortTheWayAReaderCounts(String behaviour, String sorted) {
        List<String> expected = List.of(sorted.split(" "));
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new Random(3));
        shuffled.sort(AddressOrder.INSTANCE);
        assertEquals(expected, shuffled, behaviour);
    }
}
