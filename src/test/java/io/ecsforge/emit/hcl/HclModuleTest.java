package io.ecsforge.emit.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small Terraform JSON documents and the exact HCL each must become ({@link HclCases}). After
 * reviewing an intended change, {@code mvn test -Dtest=HclModuleTest -Dgolden.update=true}
 * rewrites the expected files.
 */
class HclModuleTest {
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static void assertCase(String name) throws IOException {
        Path folder = HclCases.root().resolve(name);
        Map<String, String> rendered = HclModule.render(HclCases.input(folder), HclCases.schema(folder));
        assertEquals(HclCases.FILES, List.copyOf(rendered.keySet()));
        for (String file : HclCases.FILES) {
            Path expectedFile = folder.resolve(file);
            String actual = rendered.get(file);
            if (UPDATE) {
                if (actual.isEmpty()) {
                    Files.deleteIfExists(expectedFile);
                } else {
                    Files.writeString(expectedFile, actual);
                }
                continue;
            }
            String expected = Files.exists(expectedFile) ? Files.readString(expectedFile) : "";
            assertEquals(expected, actual, () -> name + "/" + file + " differs from " + expectedFile
                    + "; review the change, then run mvn test -Dtest=HclModuleTest -Dgolden.update=true");
        }
    }

    @Test
    void aSetOfObjectsAttributeIsAListOfObjectsAndTagsAnObjectWithOddKeysQuoted() throws IOException {
        assertCase("set-of-objects-attribute");
    }

    @Test
    void nestedBlocksOfTheSchemaAreBlocksOnePerElement() throws IOException {
        assertCase("nested-blocks-from-schema");
    }

    @Test
    void aSoleInterpolationIsABareExpressionAndLiteralTemplateMarkersAreEscaped() throws IOException {
        assertCase("templates-and-escapes");
    }

    @Test
    void multiLineStringsAreHeredocsOnlyWhereTheDelimiterCannotCollide() throws IOException {
        assertCase("heredocs");
    }

    @Test
    void literalJsonPoliciesBecomeJsonencodeWithTheirReferencesBare() throws IOException {
        assertCase("json-documents");
    }

    @Test
    void metaArgumentsComeFirstAndDependsOnAndLifecycleLastWithBareReferences() throws IOException {
        assertCase("meta-arguments");
    }

    @Test
    void variableTypesAreBareTypeExpressionsAndDescriptionsAndDefaultsAreNotTemplates() throws IOException {
        assertCase("variables-and-outputs");
    }

    @Test
    void moduleCallsAndMovedBlocksAreWrittenWithBareReferences() throws IOException {
        assertCase("module-and-moved");
    }

    @Test
    void providerBlocksAndTheBackendAreLeftOutAndTheSourceIsWrittenInFull() throws IOException {
        assertCase("terraform-settings");
    }

    @Test
    void dynamicBlocksAndMapNestedBlocksFollowTheSchema() throws IOException {
        assertCase("dynamic-and-map-blocks");
    }

    /** Blocks of one type that settings may leave out are a list of dynamic blocks, which Terraform expands in order. */
    @Test
    void aListOfDynamicBlocksOfOneTypeIsWrittenInItsOrder() throws IOException {
        assertCase("dynamic-blocks-in-order");
    }

    @Test
    void expressionsAreSpacedAsTerraformFmtSpacesThem() throws IOException {
        assertCase("expression-spacing");
    }

    /** The cases the tests above name; a case folder no test names would never be compared. */
    private static final List<String> CASES = List.of("dynamic-and-map-blocks", "dynamic-blocks-in-order", "expression-spacing", "heredocs",
            "json-documents", "meta-arguments", "module-and-moved", "nested-blocks-from-schema",
            "set-of-objects-attribute", "templates-and-escapes", "terraform-settings", "variables-and-outputs");

    @Test
    void everyCaseFolderIsOneOfTheNamedCases() {
        assertEquals(CASES, HclCases.all().stream().map(folder -> folder.getFileName().toString()).toList());
    }

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    @Test
    void anArgumentTheSchemaDoesNotKnowIsAnErrorNamingItsPathAndTheChoices() throws IOException {
        JsonNode document = json("{\"resource\": {\"aws_ecr_repository\": {\"this\": {\"name\": \"x\", \"colour\": \"red\"}}}}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HclModule.render(document, ProviderSchema.bundled()));

        assertEquals("resource.aws_ecr_repository.this: \"colour\" is neither an attribute nor a block of this type in"
                + " the provider schema (attributes: [arn, force_delete, id, image_tag_mutability, name,"
                + " registry_id, repository_url, tags, tags_all], blocks: [encryption_configuration,"
                + " image_scanning_configuration, timeouts])", error.getMessage());
    }

    @Test
    void aTypeTheSchemaLacksIsAnErrorSayingHowToAddIt() throws IOException {
        JsonNode document = json("{\"resource\": {\"aws_sqs_queue\": {\"this\": {\"name\": \"x\"}}}}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HclModule.render(document, ProviderSchema.bundled()));

        assertEquals("the provider schema has no resource type aws_sqs_queue; run scripts/provider-schema.sh after"
                + " adding it to a stack, so that the bundled schema has it", error.getMessage());
    }

    @Test
    void anUnknownTopLevelKeyIsAnError() throws IOException {
        JsonNode document = json("{\"import\": [{\"to\": \"aws_vpc.this\", \"id\": \"vpc-1\"}]}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HclModule.render(document, ProviderSchema.bundled()));

        assertEquals("top-level key \"import\" is not supported; the emitter writes terraform, variable, locals, data,"
                + " resource, module, moved and output, and leaves out provider", error.getMessage());
    }

    @Test
    void twoBlocksWhereTheSchemaAllowsOneIsAnError() throws IOException {
        JsonNode document = json("{\"resource\": {\"aws_security_group\": {\"this\": {\"timeouts\": ["
                + "{\"create\": \"5m\"}, {\"create\": \"6m\"}]}}}}");

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> HclModule.render(document, ProviderSchema.bundled()));

        assertEquals("resource.aws_security_group.this.timeouts: 2 blocks where the schema allows one", error.getMessage());
    }

    @Test
    void writeCreatesTheFolderAndTheFourFiles(@TempDir Path directory) throws IOException {
        Path folder = directory.resolve("modules/registry");
        JsonNode document = json("{\"resource\": {\"aws_ecr_repository\": {\"this\": {\"name\": \"web\"}}}}");

        List<Path> written = HclModule.write(document, ProviderSchema.bundled(), folder);

        assertEquals(List.of(folder.resolve("main.tf"), folder.resolve("variables.tf"), folder.resolve("outputs.tf"),
                folder.resolve("versions.tf")), written);
        assertEquals("resource \"aws_ecr_repository\" \"this\" {\n  name = \"web\"\n}\n",
                Files.readString(folder.resolve("main.tf")));
        try (var files = Files.list(folder)) {
            assertEquals(List.of("main.tf", "outputs.tf", "variables.tf", "versions.tf"),
                    files.map(path -> path.getFileName().toString()).sorted().toList());
        }
    }
}
