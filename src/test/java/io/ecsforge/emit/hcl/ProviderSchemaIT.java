package io.ecsforge.emit.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.RealProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled schema is what the real hashicorp/aws 5.100.0 says, type by type. */
class ProviderSchemaIT {
    @TempDir Path work;

    @Test
    void everyBundledTypeHasTheAttributesAndBlocksOfTheRealProvider() throws IOException {
        RealProvider.Binary terraform = RealProvider.terraform();
        String version = ProviderSchema.bundled().providerVersion("registry.terraform.io/hashicorp/aws").orElseThrow();
        assumeTrue(terraform.provider().getParent().getFileName().toString().equals(version), "the mirror's"
                + " hashicorp/aws is " + terraform.provider() + ", not " + version + ", the version of the bundled schema");
        Files.writeString(work.resolve("main.tf.json"), """
                {"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": "%s"}}},
                 "data": {"terraform_remote_state": {"any": {"backend": "local"}}}}
                """.formatted(version));
        terraform.run(work, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        ProviderSchema real = ProviderSchema.read(new ObjectMapper().readTree(
                terraform.run(work, "providers", "schema", "-json").succeeded().stdout()));
        ProviderSchema bundled = ProviderSchema.bundled();

        List<String> different = new ArrayList<>();
        for (String type : bundled.resourceTypes()) {
            compare("resource " + type, bundled.resource(type), real.resource(type), different);
        }
        for (String type : bundled.dataSourceTypes()) {
            compare("data " + type, bundled.dataSource(type), real.dataSource(type), different);
        }

        assertEquals(List.of(), different, "types the bundled schema has differently from the provider in the mirror"
                + " (" + terraform.provider() + "); run scripts/provider-schema.sh");
    }

    private static void compare(String what, Optional<ProviderSchema.Block> bundled,
            Optional<ProviderSchema.Block> real, List<String> different) {
        if (real.isEmpty()) {
            different.add(what + ": not in the real provider");
        } else if (!real.equals(bundled)) {
            different.add(what);
        }
    }
}
