package io.ecsforge.emit.hcl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The emitter's golden cases, {@code src/test/resources/hcl/<case>/}: {@code input.json} (a
 * Terraform JSON document), the HCL files it must become ({@code main.tf}, ...; a file that is
 * absent must come out empty), and, where the case needs block kinds hashicorp/aws does not
 * have, its own {@code schema.json}. {@code HclModuleTest} renders each and compares;
 * {@code HclModuleIT} runs the real formatters and HCL parser over the expected files.
 */
final class HclCases {
    static final List<String> FILES = List.of(HclModule.MAIN, HclModule.VARIABLES, HclModule.OUTPUTS,
            HclModule.VERSIONS);
    private static final ObjectMapper JSON = new ObjectMapper();

    private HclCases() {}

    static Path root() {
        return Repo.root().resolve("src/test/resources/hcl");
    }

    static List<Path> all() {
        try (Stream<Path> cases = Files.list(root())) {
            return cases.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode input(Path folder) {
        return read(folder.resolve("input.json"));
    }

    static ProviderSchema schema(Path folder) {
        Path own = folder.resolve("schema.json");
        return Files.exists(own) ? ProviderSchema.read(read(own)) : ProviderSchema.bundled();
    }

    static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
