package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecsforge modules}: what it writes, and the one message for an output folder that cannot be one. */
class ModulesCommandTest {
    private static final Path GOLDEN = Repo.root().resolve("src/test/resources/modules");

    @Test
    void writesEveryModuleAsItsReviewedDocument(@TempDir Path work) throws IOException {
        Path out = work.resolve("modules");
        CliResult result = CliResult.run(Map.of(), "modules", "--out", out.toString());

        assertEquals(0, result.exitCode(), result.toString());
        assertEquals("wrote " + out.resolve("network/main.tf.json") + System.lineSeparator() + "wrote "
                + out.resolve("registry/main.tf.json") + System.lineSeparator(), result.out(), result.toString());
        assertEquals("", result.err(), result.toString());
        for (String module : List.of("network", "registry")) {
            assertEquals(Files.readString(GOLDEN.resolve(module).resolve("main.tf.json")),
                    Files.readString(out.resolve(module).resolve("main.tf.json")), module);
        }
        try (Stream<Path> modules = Files.list(out)) {
            assertEquals(List.of("network", "registry"), modules.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void filesAnotherWriterWroteAreRemovedAndOthersKept(@TempDir Path work) throws IOException {
        Path network = Files.createDirectories(work.resolve("network"));
        Files.writeString(network.resolve("variables.tf"), "variable \"cidr\" {}\n");
        Files.writeString(network.resolve("README.md"), "# network\n");
        CliResult result = CliResult.run(Map.of(), "modules", "--out", work.toString());

        assertEquals(0, result.exitCode(), result.toString());
        try (Stream<Path> files = Files.list(network)) {
            assertEquals(List.of("README.md", "main.tf.json"), files.map(path -> path.getFileName().toString()).sorted()
                    .toList());
        }
    }

    @Test
    void anOutputThatIsAFileIsBadInputAndNothingIsWritten(@TempDir Path work) throws IOException {
        Path file = Files.writeString(work.resolve("modules"), "not a folder");
        CliResult result = CliResult.run(Map.of(), "modules", "--out", file.toString());

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out(), result.toString());
        assertEquals("error: --out " + file + ": is a file, not a folder; allowed: a folder, which is made when missing"
                + System.lineSeparator(), result.err(), result.toString());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void anOutputUnderAFileNamesTheFile(@TempDir Path work) throws IOException {
        Path file = Files.writeString(work.resolve("notes"), "");
        Path out = file.resolve("modules");
        CliResult result = CliResult.run(Map.of(), "modules", "--out", out.toString());

        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("error: --out " + out + ": " + file + " is a file, not a folder; allowed: a folder, which is made"
                + " when missing" + System.lineSeparator(), result.err(), result.toString());
    }
}
