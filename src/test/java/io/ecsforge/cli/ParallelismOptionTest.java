package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.ecsforge.testing.CliResult;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ParallelismOptionTest {
    @ParameterizedTest
    @ValueSource(strings = {"plan --no-synth", "apply --auto-approve"})
    void parallelismBelowOneIsBadInputNamingTheValueAndWhatIsAllowedBeforeAnythingRuns(String command) {
        String[] args = (command + " --env dev --parallelism 0").split(" ");
        CliResult result = CliResult.run(Map.of(), args);

        assertEquals(2, result.exitCode(), result::toString);
        assertEquals("error: --parallelism 0: must be at least 1; give 1 to run the stacks one after the other, or"
                + " more to run that many at once (default 4)\n", result.err(), result::toString);
        assertFalse(result.err().contains("Exception"), result::toString);
    }
}
