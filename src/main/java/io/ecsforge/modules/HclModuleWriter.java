package io.ecsforge.modules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.emit.hcl.HclModule;
import io.ecsforge.emit.hcl.ModuleReadme;
import io.ecsforge.emit.hcl.ProviderSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a module as its users get it: the HCL files ({@code main.tf}, {@code variables.tf},
 * {@code outputs.tf}, {@code versions.tf}), a {@code README.md} whose inputs and outputs tables
 * terraform-docs generates from them, and the module's examples and {@code terraform test} files.
 * The README's prose, the examples and the tests are written by hand, in this package's
 * resources under {@code <module>/}, since they say how the module is meant to be used; everything
 * the HCL declares comes from the document.
 */
public final class HclModuleWriter implements ModuleWriter {
    /**
     * Each module's hand-written files besides the README, by their path in the module. They are
     * named here because a jar's resources cannot be listed.
     */
    static final Map<String, List<String>> EXTRAS = Map.of(
            NetworkModule.NAME, List.of("examples/complete/main.tf", "examples/minimal/main.tf",
                    "tests/network.tftest.hcl"),
            RegistryModule.NAME, List.of("examples/basic/main.tf", "tests/registry.tftest.hcl"),
            AccessModule.NAME, List.of("examples/basic/main.tf", "tests/access.tftest.hcl"),
            EcsServiceModule.NAME, List.of("examples/complete/main.tf", "tests/ecs-service.tftest.hcl"),
            BlueGreenModule.NAME, List.of("examples/canary/main.tf", "tests/blue-green.tftest.hcl"),
            PlatformModule.NAME, List.of("examples/complete/main.tf", "tests/ecs-platform.tftest.hcl"));

    private final Path terraformDocs;

    /** @param terraformDocs the terraform-docs binary ({@link TerraformDocs#resolve}) */
    public HclModuleWriter(Path terraformDocs) {
        this.terraformDocs = terraformDocs;
    }

    @Override
    public List<Path> write(String name, ObjectNode document, Path dir) throws IOException {
        List<String> extras = EXTRAS.get(name);
        if (extras == null) {
            throw new IllegalStateException("module " + name + " has no README, examples or tests listed in "
                    + HclModuleWriter.class.getSimpleName() + ".EXTRAS");
        }
        List<Path> written = new ArrayList<>(HclModule.write(document, ProviderSchema.bundled(), dir));
        written.add(ModuleReadme.write(terraformDocs, dir, resource(name, ModuleReadme.FILE)));
        for (String extra : extras) {
            Path file = dir.resolve(extra);
            Files.createDirectories(file.getParent());
            Files.writeString(file, resource(name, extra), StandardCharsets.UTF_8);
            written.add(file);
        }
        return written;
    }

    private static String resource(String module, String path) {
        String name = module + "/" + path;
        try (InputStream in = HclModuleWriter.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no resource " + name + " next to " + HclModuleWriter.class.getName());
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
