package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.ModuleVariables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code modules/ecs-platform}'s document: the modules' calls, wired by name, and their variables and outputs. */
class PlatformModuleTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anInputIsWiredToTheOutputOfTheSameNameOfAnEarlierModule() throws Exception {
        ObjectNode platform = PlatformModule.document(modules(
                "network", "{\"variable\": {\"app\": {\"type\": \"string\"}}, \"output\": {\"vpc_id\": {\"value\": \"x\"}}}",
                "ecs-service", "{\"variable\": {\"app\": {\"type\": \"string\"}, \"vpc_id\": {\"type\": \"string\"}},"
                        + " \"output\": {\"cluster_name\": {\"description\": \"The cluster.\", \"value\": \"y\"}}}"));
        assertEquals("${module.network.vpc_id}", platform.at("/module/ecs_service/vpc_id").asText());
        assertEquals("${var.app}", platform.at("/module/ecs_service/app").asText());
        assertEquals("../ecs-service", platform.at("/module/ecs_service/source").asText());
        assertEquals(List.of("app"), names(platform.path("variable")), "vpc_id is wired, not a variable; app is declared once");
        assertEquals(List.of("vpc_id", "cluster_name"), names(platform.path("output")));
        assertEquals("${module.ecs_service.cluster_name}", platform.at("/output/cluster_name/value").asText());
        assertEquals("The cluster.", platform.at("/output/cluster_name/description").asText());
    }

    @Test
    void anInputIsNotWiredToALaterModulesOutput() throws Exception {
        ObjectNode platform = PlatformModule.document(modules(
                "network", "{\"variable\": {\"vpc_id\": {\"type\": \"string\"}}}",
                "ecs-service", "{\"output\": {\"vpc_id\": {\"value\": \"x\"}}}"));
        assertEquals("${var.vpc_id}", platform.at("/module/network/vpc_id").asText());
    }

    @Test
    void aVariableTwoModulesTakeDifferentlyIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlatformModule.document(modules(
                "registry", "{\"variable\": {\"image_tag\": {\"type\": \"string\", \"default\": \"initial\"}}}",
                "ecs-service", "{\"variable\": {\"image_tag\": {\"type\": \"string\", \"default\": \"latest\"}}}")));
        assertEquals("variable image_tag of module ecs-service differs from module registry's in type or default:"
                + " {\"type\":\"string\",\"default\":\"latest\"} and {\"type\":\"string\",\"default\":\"initial\"}", e.getMessage());
    }

    @Test
    void anOutputTwoModulesGiveIsRefused() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> PlatformModule.document(modules(
                "network", "{\"output\": {\"name\": {\"value\": \"x\"}}}",
                "registry", "{\"output\": {\"name\": {\"value\": \"y\"}}}")));
        assertEquals("output name of module registry is also another module's; the platform gives each once", e.getMessage());
    }

    @Test
    void theRepositoryNameDefaultsToTheAppAsInAFile() {
        JsonNode platform = BuiltModules.module(PlatformModule.NAME).json();
        assertEquals("${coalesce(var.repository_name, var.app)}", platform.at("/module/registry/repository_name").asText());
        JsonNode variable = platform.at("/variable/repository_name");
        assertTrue(variable.path("default").isNull() && variable.has("default"), variable::toString);
        assertTrue(variable.path("nullable").asBoolean(), variable::toString);
    }

    @Test
    void itsVariablesAreTheKeysOfEveryModuleAndItsValidationsStayInTheModules() {
        JsonNode variables = BuiltModules.module(PlatformModule.NAME).json().path("variable");
        assertEquals(ModuleVariables.platform().stream().map(ModuleVariables.Variable::name).sorted().toList(),
                names(variables).stream().sorted().toList(),
                "the platform's variables and the keys ModuleInputs fills them from");
        variables.forEach(variable -> assertFalse(variable.has("validation"), variable::toString));
    }

    @Test
    void itCallsEveryOtherModuleInTheStacksOrderAndGivesAllTheirOutputs() {
        Map<String, ObjectNode> documents = BuiltModules.documents();
        JsonNode platform = documents.get(PlatformModule.NAME);
        List<String> calls = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        documents.forEach((name, document) -> {
            if (!name.equals(PlatformModule.NAME)) {
                calls.add(name.replace('-', '_'));
                outputs.addAll(names(document.path("output")));
            }
        });
        assertEquals(calls, names(platform.path("module")));
        assertEquals(outputs, names(platform.path("output")));
        assertFalse(platform.has("resource") || platform.has("data") || platform.has("provider"), platform::toString);
    }

    private static Map<String, ObjectNode> modules(String... nameAndJson) throws Exception {
        Map<String, ObjectNode> modules = new LinkedHashMap<>();
        for (int i = 0; i < nameAndJson.length; i += 2) {
            modules.put(nameAndJson[i], (ObjectNode) JSON.readTree(nameAndJson[i + 1]));
        }
        return modules;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
