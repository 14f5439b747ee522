package io.ecsforge.emit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsforge.runner.LockFiles;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Synthesis puts each stack's committed lock file where Terraform, or npx cdktf deploy, runs it. */
class SynthesizedLockFilesTest {
    static Stream<String> stacks() {
        return Synthesized.examples().stacks().values().stream().flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void everyExampleStackHasItsCommittedLockFileInItsWorkingDirectory(String stack) throws IOException {
        Path committed = Repo.root().resolve("locks").resolve(stack + ".terraform.lock.hcl");
        Path working = Synthesized.examples().outDir().resolve("stacks").resolve(stack).resolve(LockFiles.WORKING_FILE);

        assertEquals(Files.readString(committed), Files.readString(working), () -> working + " is not " + committed);
    }
}
