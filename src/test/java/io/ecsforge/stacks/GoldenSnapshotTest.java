package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every stack of the example environments against its reviewed snapshot in
 * src/test/resources/golden. A changed resource name or setting shows up here first; after
 * reviewing the change, {@code mvn test -Dgolden.update=true} rewrites the snapshots.
 */
class GoldenSnapshotTest {
    private static final Path GOLDEN = Repo.root().resolve("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> stacks() {
        return Synthesized.examples().stacks().values().stream().flatMap(List::stream);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("stacks")
    void synthesizedStackMatchesItsGoldenSnapshot(String stack) throws IOException {
        String actual = Files.readString(Synthesized.examples().stackFile(stack), StandardCharsets.UTF_8);
        Path golden = GOLDEN.resolve(stack + ".json");
        if (UPDATE) {
            Files.createDirectories(GOLDEN);
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
            return;
        }
        if (!Files.exists(golden)) {
            fail("no golden snapshot " + golden + " for stack " + stack + "; review the stack, then run mvn test -Dgolden.update=true");
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                () -> stack + " differs from " + golden + "; review the change, then run mvn test -Dgolden.update=true");
    }

    @Test
    void everyGoldenSnapshotBelongsToASynthesizedStack() throws IOException {
        List<String> stacks = stacks().toList();
        try (Stream<Path> files = Files.list(GOLDEN)) {
            List<String> stale = files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(name -> !stacks.contains(name))
                    .sorted()
                    .toList();
            assertTrue(UPDATE || stale.isEmpty(), () -> "golden snapshots without a stack (delete them): " + stale);
        }
    }
}
