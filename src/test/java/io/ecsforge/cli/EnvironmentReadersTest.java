package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Settings come from one place (house rule 2): Main reads the process environment and hands it
 * on, so a test can give a command any environment, and no class finds a variable on its own.
 */
class EnvironmentReadersTest {
    private static final Path MAIN = Path.of("io/ecsforge/cli/Main.java");

    @Test
    void onlyMainCallsSystemGetenv() throws IOException {
        Path sources = Repo.root().resolve("src/main/java");
        List<String> readers;
        try (Stream<Path> files = Files.walk(sources)) {
            readers = files.filter(file -> file.toString().endsWith(".java"))
                    .filter(file -> !sources.relativize(file).equals(MAIN))
                    .filter(EnvironmentReadersTest::callsGetenv)
                    .map(file -> sources.relativize(file).toString())
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), readers, "files in src/main/java besides " + MAIN + " that call System.getenv(;"
                + " take the value from Main's environment map instead");
    }

    private static boolean callsGetenv(Path file) {
        try {
            return Files.readString(file).contains("System.getenv(");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
