package io.ecsforge.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every workflow of the repository and the generated release workflow, linted by the real actionlint. */
class ActionlintIT {
    private static Path workflows() {
        return Fixtures.repoRoot().resolve(".github/workflows");
    }

    @Test
    void actionlintFindsNothingInTheWorkflows() throws Exception {
        String cache = System.getProperty("ecsforge.cache");
        assumeTrue(cache != null, "needs actionlint: system property ecsforge.cache is not set (scripts/test sets it)");
        Path actionlint = Path.of(cache, "bin", "actionlint");
        assumeTrue(Files.isExecutable(actionlint),
                "needs actionlint: " + actionlint + " is missing; scripts/setup-tools.sh builds it");
        List<String> command = new ArrayList<>(List.of(actionlint.toString(), "-no-color"));
        command.add(workflows().resolve("infra-plan.yml").toString());
        command.add(workflows().resolve("infra-apply.yml").toString());
        // The release workflow ecsforge generates, as committed in the example application.
        command.add(Fixtures.repoRoot().resolve("examples/webapp/.github/workflows/release.yml").toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "actionlint did not finish in 60 s");
        assertEquals(0, process.exitValue(), "actionlint found problems:\n" + output);
    }

}
