package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.config.ServiceConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TaskDefinitionModelTest {
    private static TaskDefinitionModel model(Map<String, String> environment, Map<String, String> secrets) {
        return new TaskDefinitionModel("webapp-dev", "webapp", "123456789012.dkr.ecr.us-east-1.amazonaws.com/webapp:1.2.3", 3000,
                256, 512, ServiceConfig.CpuArchitecture.X86_64, environment, secrets, "/ecs/webapp-dev", "us-east-1",
                true, false, "arn:aws:iam::123456789012:role/webapp-dev-execution", "arn:aws:iam::123456789012:role/webapp-dev-task");
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @Test
    void environmentAndSecretsAreSortedByNameWhateverTheInputOrder() {
        JsonNode container = model(ordered("ZONE", "a", "API_URL", "b", "LOG_LEVEL", "c"),
                ordered("TOKEN", "arn:aws:ssm:us-east-1:1:parameter/t", "DB", "arn:aws:ssm:us-east-1:1:parameter/d"))
                .containerDefinition();
        assertAt(container, "environment", List.of(
                Map.of("name", "API_URL", "value", "b"), Map.of("name", "LOG_LEVEL", "value", "c"), Map.of("name", "ZONE", "value", "a")));
        assertAt(container, "secrets", List.of(
                Map.of("name", "DB", "valueFrom", "arn:aws:ssm:us-east-1:1:parameter/d"),
                Map.of("name", "TOKEN", "valueFrom", "arn:aws:ssm:us-east-1:1:parameter/t")));
    }

    @Test
    void sameModelGivesByteIdenticalJson() {
        String one = model(ordered("B", "2", "A", "1"), Map.of()).containerDefinitionsJson();
        String two = model(ordered("A", "1", "B", "2"), Map.of()).containerDefinitionsJson();
        assertEquals(one, two);
    }

    @Test
    void taskDefinitionHasTheRegisterTaskDefinitionShape() {
        JsonNode task = model(Map.of(), Map.of()).taskDefinition();
        assertAt(task, "family", "webapp-dev");
        assertAt(task, "networkMode", "awsvpc");
        assertAt(task, "requiresCompatibilities", List.of("FARGATE"));
        assertAt(task, "cpu", "256");
        assertAt(task, "memory", "512");
        assertAt(task, "runtimePlatform", Map.of("cpuArchitecture", "X86_64", "operatingSystemFamily", "LINUX"));
        assertAt(task, "executionRoleArn", "arn:aws:iam::123456789012:role/webapp-dev-execution");
        assertAt(task, "taskRoleArn", "arn:aws:iam::123456789012:role/webapp-dev-task");
        assertAt(task, "containerDefinitions[0].image", "123456789012.dkr.ecr.us-east-1.amazonaws.com/webapp:1.2.3");
        assertAt(task, "volumes", List.of());
    }

    @Test
    void imageIsRepositoryUrlColonTag() {
        assertEquals("123456789012.dkr.ecr.us-east-1.amazonaws.com/webapp:latest",
                TaskDefinitionModel.image("123456789012.dkr.ecr.us-east-1.amazonaws.com/webapp", "latest"));
    }
}
