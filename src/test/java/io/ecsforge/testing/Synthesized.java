package io.ecsforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.emit.Synthesizer;
import io.ecsforge.runner.LockFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The example environments (config/dev.yaml and config/prod.yaml) synthesized once per test run,
 * in one app, as the CLI does. Synthesis takes seconds, so every test class shares it.
 */
public final class Synthesized {
    private static Synthesized examples;

    private final Path outDir;
    private final Map<String, List<String>> stacks;
    private final ObjectMapper mapper = new ObjectMapper();

    private Synthesized(Path outDir, Map<String, List<String>> stacks) {
        this.outDir = outDir;
        this.stacks = stacks;
    }

    public static synchronized Synthesized examples() {
        if (examples == null) {
            ConfigLoader loader = new ConfigLoader(Repo.config());
            examples = of(List.of(loader.load("dev"), loader.load("prod")));
        }
        return examples;
    }

    /** Synthesizes {@code configs} into a fresh temporary folder. */
    public static Synthesized of(List<EnvironmentConfig> configs) {
        try {
            Path dir = Files.createTempDirectory("ecsforge-synth");
            Path out = dir.resolve("cdktf.out");
            Synthesizer.Result result = Synthesizer.synthesize(configs, out, new LockFiles(Repo.root().resolve("locks")),
                    PrepareJsiiNode.settings());
            return new Synthesized(out, result.stacks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path outDir() {
        return outDir;
    }

    /** Each environment's stack names in dependency order. */
    public Map<String, List<String>> stacks() {
        return stacks;
    }

    public Path stackFile(String stackName) {
        return outDir.resolve("stacks").resolve(stackName).resolve("cdk.tf.json");
    }

    /** A stack's cdk.tf.json; fails naming the stacks there are when it is absent. */
    public JsonNode stack(String stackName) {
        Path file = stackFile(stackName);
        if (!Files.exists(file)) {
            throw new AssertionError("no stack " + stackName + "; synthesized stacks: " + stacks);
        }
        try {
            return mapper.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Resources resources(String stackName) {
        return new Resources(stackName, stack(stackName));
    }
}
