package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.RealProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every module, as {@link JsonModuleWriter} writes it, validated with the real hashicorp/aws
 * provider by Terraform and by OpenTofu, with no diagnostic at all: the provider's schema
 * checks every argument, and both binaries every expression, count and validation block.
 */
class ModulesValidateIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;

    @TestFactory
    Stream<DynamicTest> everyModuleIsValidWithTheRealProviderAndHasNoWarnings() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String binary : RealProvider.binaryNames()) {
            for (String module : BuiltModules.documents().keySet()) {
                tests.add(dynamicTest(binary + " validate " + module, () -> validate(binary, module)));
            }
        }
        return tests.stream();
    }

    private void validate(String binaryName, String module) throws IOException {
        RealProvider.Binary binary = RealProvider.binary(binaryName);
        Path dir = Files.createDirectories(work.resolve(binaryName).resolve(module));
        new JsonModuleWriter().write(BuiltModules.documents().get(module).deepCopy(), dir);

        binary.run(dir, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        RealProvider.Run validate = binary.run(dir, "validate", "-json", "-no-color");

        JsonNode result = JSON.readTree(validate.stdout());
        assertEquals(List.of(), List.copyOf(toList(result.path("diagnostics"))), validate::toString);
        assertEquals(true, result.path("valid").asBoolean(false), validate::toString);
        assertEquals(0, validate.exitCode(), validate::toString);
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }
}
