package io.ecsforge.jsii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Synthesizes every example environment twice, in two JVMs running the CLI from the test
 * classpath: once with the lazy provider load, once with the eager baseline. A probe preloaded
 * through NODE_OPTIONS counts the provider modules each node process loaded, so the test knows
 * that the two runs did load differently.
 */
class LazyProviderLoadOutputTest {
    private static final String PROBE = """
            const { appendFileSync } = require("fs");
            const { sep } = require("path");
            process.on("exit", () => {
              const modules = Object.keys(require.cache).filter((file) => file.includes(sep + "provider-aws" + sep)
                  && file.endsWith(sep + "index.js") && !file.endsWith(sep + "lib" + sep + "index.js")).length;
              if (modules > 0) appendFileSync(process.env.ECSFORGE_TEST_MODULE_COUNT, modules + "\\n");
            });
            """;

    @TempDir static Path dir;
    private static Run eager;
    private static Run lazy;

    private record Run(Path outDir, int providerModules) {}

    @BeforeAll
    static void synthesizeBothWays() throws IOException {
        Path probe = dir.resolve("probe.cjs");
        Files.writeString(probe, PROBE);
        eager = synthesize(ProviderLoad.EAGER, probe);
        lazy = synthesize(ProviderLoad.LAZY, probe);
    }

    @Test
    void lazyLoadReadsOnlyAFewOfTheProviderModulesTheEagerLoadReads() {
        assertTrue(eager.providerModules() > 1000 && lazy.providerModules() < 200,
                () -> "provider resource modules loaded: eager " + eager.providerModules() + " (expected > 1000), lazy "
                        + lazy.providerModules() + " (expected < 200)");
    }

    @Test
    void lazyLoadWritesEveryFileOfBothExampleEnvironmentsByteForByteAsTheEagerLoad() throws IOException {
        List<Path> eagerFiles = files(eager.outDir());
        List<Path> lazyFiles = files(lazy.outDir());
        assertEquals(eagerFiles, lazyFiles, "files in cdktf.out, eager then lazy");
        assertTrue(eagerFiles.stream().anyMatch(file -> file.endsWith("cdk.tf.json")), () -> "no stack synthesized: " + eagerFiles);
        for (Path file : eagerFiles) {
            byte[] expected = Files.readAllBytes(eager.outDir().resolve(file));
            byte[] actual = Files.readAllBytes(lazy.outDir().resolve(file));
            if (!Arrays.equals(expected, actual)) {
                assertEquals(new String(expected, StandardCharsets.UTF_8), new String(actual, StandardCharsets.UTF_8),
                        file + " differs between the eager (expected) and the lazy load");
            }
        }
    }

    private static Run synthesize(ProviderLoad load, Path probe) throws IOException {
        String mode = load.name().toLowerCase();
        Path out = Files.createDirectories(dir.resolve(mode)).resolve("cdktf.out");
        Path counts = dir.resolve(mode + "-modules.txt");
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                "io.ecsforge.cli.Main", "synth", "--config-dir", Repo.config().toString(), "--out", out.toString()));
        for (String env : environments()) {
            command.addAll(List.of("--env", env));
        }
        ChildProcess.run(command, Repo.root(), Map.of(
                ProviderLoad.VARIABLE, mode,
                "NODE_OPTIONS", "--require " + probe,
                "ECSFORGE_TEST_MODULE_COUNT", counts.toString())).succeeded();
        int modules = Files.exists(counts)
                ? Files.readAllLines(counts).stream().mapToInt(Integer::parseInt).max().orElse(0)
                : 0;
        return new Run(out, modules);
    }

    private static List<String> environments() throws IOException {
        try (Stream<Path> files = Files.list(Repo.config())) {
            return files.map(file -> file.getFileName().toString())
                    .filter(name -> name.endsWith(".yaml"))
                    .map(name -> name.substring(0, name.length() - ".yaml".length()))
                    .sorted()
                    .toList();
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
