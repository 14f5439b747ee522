package io.ecsforge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A clone of the repository must pass its own tests with nothing beside it. Test data that once
 * lived in a directory beside the repository is copied into src/test/resources; this keeps a
 * path to such a directory from coming back into the tests, or into the README and docs a user follows.
 */
class SelfContainedTestsTest {
    private static final List<String> OUTSIDE_PATHS = List.of("../shared", "shared/fixtures", "resolveSibling(\"shared\")");

    /** This file names the paths it looks for, so it is the one file not searched. */
    private static final Path THIS_FILE = Path.of("src/test/java/io/ecsforge/testing/SelfContainedTestsTest.java");

    @Test
    void noTestSourceResourceOrDocNamesADirectoryBesideTheRepository() throws IOException {
        Path root = Repo.root();
        List<String> found;
        try (Stream<Path> files = Stream.of(
                        Stream.of(root.resolve("README.md")),
                        Files.walk(root.resolve("docs")),
                        Files.walk(root.resolve("src/test/java")),
                        Files.walk(root.resolve("src/test/resources")))
                .flatMap(stream -> stream)) {
            found = files.filter(Files::isRegularFile)
                    .filter(file -> !root.relativize(file).equals(THIS_FILE))
                    .flatMap(file -> outsidePathsIn(root, file))
                    .sorted()
                    .toList();
        }
        assertEquals(List.of(), found, "files that read outside the repository; put the data under src/test/resources"
                + " and read it from there");
    }

    private static Stream<String> outsidePathsIn(Path root, Path file) {
        String text;
        try {
            // Latin-1 reads any bytes (a resource may be binary) and keeps ASCII as it is.
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] lines = text.split("\n", -1);
        return IntStream.range(0, lines.length).boxed().flatMap(i -> OUTSIDE_PATHS.stream()
                .filter(lines[i]::contains)
                .map(path -> root.relativize(file) + ":" + (i + 1) + ": " + path));
    }
}
