package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The copy checkov scans changes only the form of the task definitions, never what is there. */
class CheckovInputTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HCL_RESOURCE = Pattern.compile("(?m)^resource \"([a-z0-9_]+)\" \"([^\"]+)\" \\{$");

    @TempDir Path dir;

    static Stream<String> exampleStacks() {
        return Synthesized.examples().stacks().values().stream().flatMap(List::stream);
    }

    @ParameterizedTest
    @MethodSource("exampleStacks")
    void theScannedCopyHoldsEveryResourceOnceAndAllButTheTaskDefinitionsAsSynthesized(String stack) throws IOException {
        Synthesized examples = Synthesized.examples();
        Path copy = dir.resolve(stack);
        CheckovInput.write(examples.stackFile(stack).getParent(), copy);

        ObjectNode expected = (ObjectNode) examples.stack(stack).deepCopy();
        JsonNode taskDefinitions = expected.path("resource").path(CheckovInput.TASK_DEFINITION);
        ((ObjectNode) expected.path("resource")).remove(CheckovInput.TASK_DEFINITION);
        assertEquals(expected, JSON.readTree(copy.resolve(CheckovInput.STACK_FILE).toFile()),
                stack + ": everything but the task definitions stays as synthesized");

        Path hclFile = copy.resolve(CheckovInput.TASK_DEFINITIONS_FILE);
        Set<String> inHcl = new TreeSet<>();
        if (Files.exists(hclFile)) {
            Matcher resource = HCL_RESOURCE.matcher(Files.readString(hclFile, StandardCharsets.UTF_8));
            while (resource.find()) {
                assertTrue(inHcl.add(resource.group(1) + "." + resource.group(2)), () -> "twice in the HCL: " + resource.group());
            }
        }
        Set<String> moved = new TreeSet<>();
        taskDefinitions.fieldNames().forEachRemaining(name -> moved.add(CheckovInput.TASK_DEFINITION + "." + name));
        assertEquals(moved, inHcl, stack + ": the task definitions, and only they, are in " + CheckovInput.TASK_DEFINITIONS_FILE);
    }

    @Test
    void theServiceTaskDefinitionIsWrittenWithEveryAttributeAndItsContainersDecoded() throws IOException {
        Synthesized examples = Synthesized.examples();
        Path copy = dir.resolve("webapp-prod-service");
        CheckovInput.write(examples.stackFile("webapp-prod-service").getParent(), copy);
        String hcl = Files.readString(copy.resolve(CheckovInput.TASK_DEFINITIONS_FILE), StandardCharsets.UTF_8);
        JsonNode task = examples.stack("webapp-prod-service").path("resource").path("aws_ecs_task_definition").path("task");
        String containers = CheckovInput.expression(JSON.readTree(task.path("container_definitions").asText()));

        assertTrue(hcl.contains("  container_definitions = jsonencode(" + containers + ")\n"), hcl);
        assertTrue(containers.contains("\"readonlyRootFilesystem\" = true"), containers);
        assertTrue(hcl.contains("  family = \"webapp-prod\"\n"), hcl);
        assertTrue(hcl.contains("  depends_on = [aws_cloudwatch_log_group.logs]\n"), hcl);
        assertTrue(hcl.contains("  runtime_platform {\n    cpu_architecture = \"ARM64\"\n"), hcl);
        assertTrue(hcl.contains("  execution_role_arn = \"${data.terraform_remote_state."), hcl);
        assertFalse(hcl.contains("\"//\"") || hcl.contains("metadata"), hcl);
    }

    @Test
    void valuesKeepTheirTypesAndTemplates() throws IOException {
        assertEquals("{\"a\" = [1, true, null, \"x\\\"y\"], \"b\" = \"${aws_lb.alb.arn}\"}",
                CheckovInput.expression(JSON.readTree("{\"a\":[1,true,null,\"x\\\"y\"],\"b\":\"${aws_lb.alb.arn}\"}")));
    }

    @Test
    void containerDefinitionsThatAreNotJsonStopTheScan() throws IOException {
        ObjectNode stack = taskDefinitionStack("{\"container_definitions\": \"[{not json\"}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckovInput.takeTaskDefinitions(stack, dir));
        assertEquals(dir + ": aws_ecs_task_definition.task: container_definitions is not JSON: \"[{not json\"", e.getMessage());
    }

    @Test
    void anObjectAttributeOfUnknownKindStopsTheScanInsteadOfBeingGuessed() throws IOException {
        ObjectNode stack = taskDefinitionStack("{\"container_definitions\": \"[]\", \"new_thing\": {\"a\": 1}}");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> CheckovInput.takeTaskDefinitions(stack, dir));
        assertEquals(dir + ": aws_ecs_task_definition.task: new_thing is an object, and whether it is a block or a map is not"
                + " known here; add it to CheckovInput's BLOCKS or MAPS", e.getMessage());
    }

    private static ObjectNode taskDefinitionStack(String task) throws IOException {
        return (ObjectNode) JSON.readTree("{\"resource\": {\"aws_ecs_task_definition\": {\"task\": " + task + "}}}");
    }
}
