package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example application's release files are what {@code ecsforge workflows} writes for
 * config/dev.yaml and config/prod.yaml today: a configuration change that is not carried into the
 * committed example fails here. To update it: {@code ./ecsforge workflows --env dev --env prod --out examples/webapp}.
 */
class ReleaseExamplesTest {
    private static final Path EXAMPLE = Repo.root().resolve("examples/webapp");

    @Test
    void committedReleaseFilesAreWhatTheConfigurationGenerates(@TempDir Path out) throws IOException {
        CliResult result = CliResult.run(Map.of(), "workflows", "--env", "dev", "--env", "prod",
                "--config-dir", Repo.config().toString(), "--out", out.toString());
        assertEquals(0, result.exitCode(), result.toString());
        Map<String, String> generated = files(out.resolve(".github"));
        assertEquals(List.of("ecsforge/dev/appspec.yaml", "ecsforge/dev/taskdef.json", "ecsforge/prod/appspec.yaml",
                "ecsforge/prod/taskdef.json", "workflows/release.yml"), List.copyOf(generated.keySet()));
        Map<String, String> committed = files(EXAMPLE.resolve(".github"));
        assertEquals(generated.keySet(), committed.keySet(), "files under examples/webapp/.github");
        generated.forEach((name, content) -> assertEquals(content, committed.get(name),
                "examples/webapp/.github/" + name + " differs from what the configuration generates; run"
                        + " ./ecsforge workflows --env dev --env prod --out examples/webapp"));
    }

    @Test
    void badInputWritesNothing(@TempDir Path out) {
        CliResult result = CliResult.run(Map.of(), "workflows", "--env", "dev", "--env", "nope",
                "--config-dir", Repo.config().toString(), "--out", out.toString());
        assertEquals(2, result.exitCode(), result.toString());
        assertEquals("", result.out(), result.toString());
        assertEquals(0, out.toFile().list().length, result.toString());
    }

    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.filter(Files::isRegularFile).toList()) {
                files.put(root.relativize(path).toString().replace('\\', '/'), Files.readString(path));
            }
        }
        return files;
    }
}
