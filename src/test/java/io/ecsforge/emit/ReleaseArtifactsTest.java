package io.ecsforge.emit;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReleaseArtifactsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String MINIMAL = """
            app: shop
            environment: qa
            aws: {region: %s}
            state: {backend: local}
            github: {repository: my-org/shop}
            """;

    private static JsonNode taskDefinition(String env) throws IOException {
        return MAPPER.readTree(Synthesized.examples().outDir().resolve(env).resolve("taskdef.json").toFile());
    }

    private static String appSpec(String env) throws IOException {
        return Files.readString(Synthesized.examples().outDir().resolve(env).resolve("appspec.yaml"), StandardCharsets.UTF_8);
    }

    private static EnvironmentConfig minimal(String region) {
        return ConfigLoader.parse("qa.yaml", MINIMAL.formatted(region), "qa");
    }

    @Test
    void synthesisWritesEachEnvironmentsReleaseFilesBesideTheStacks() {
        Path out = Synthesized.examples().outDir();
        for (String file : List.of("dev/taskdef.json", "dev/appspec.yaml", "prod/taskdef.json", "prod/appspec.yaml")) {
            assertEquals(true, Files.isRegularFile(out.resolve(file)), () -> "no " + file + " in " + out);
        }
    }

    @Test
    void taskDefinitionIsAFargateTaskOfTheConfiguredSize() throws IOException {
        JsonNode dev = taskDefinition("dev");
        assertAt(dev, "family", "webapp-dev");
        assertAt(dev, "networkMode", "awsvpc");
        assertAt(dev, "requiresCompatibilities", List.of("FARGATE"));
        assertAt(dev, "cpu", "256");
        assertAt(dev, "memory", "512");
        assertAt(dev, "runtimePlatform", Map.of("cpuArchitecture", "X86_64", "operatingSystemFamily", "LINUX"));
        JsonNode prod = taskDefinition("prod");
        assertAt(prod, "cpu", "1024");
        assertAt(prod, "memory", "2048");
        assertAt(prod, "runtimePlatform.cpuArchitecture", "ARM64");
    }

    @Test
    void imageIsLeftForTheReleaseToFillIn() throws IOException {
        assertAt(taskDefinition("dev"), "containerDefinitions[0].image", "<IMAGE>");
    }

    @Test
    void roleArnsAreBuiltFromTheConfiguredAccountAndTheRolesNames() throws IOException {
        assertAt(taskDefinition("prod"), "executionRoleArn", "arn:aws:iam::210987654321:role/webapp-prod-execution");
        assertAt(taskDefinition("prod"), "taskRoleArn", "arn:aws:iam::210987654321:role/webapp-prod-task");
    }

    @Test
    void roleArnsNameTheRolesTheAccessStackCreates() throws IOException {
        for (String env : List.of("dev", "prod")) {
            Resources access = Synthesized.examples().resources("webapp-" + env + "-access");
            JsonNode task = taskDefinition(env);
            for (String[] role : List.of(new String[] {"execution", "executionRoleArn"}, new String[] {"task", "taskRoleArn"})) {
                JsonNode created = access.resource("aws_iam_role", role[0]);
                // A role's path is part of its ARN; the release files assume the default, "/".
                assertEquals("/", created.path("path").asText("/"), () -> Resources.show(created));
                assertEquals("arn:aws:iam::" + (env.equals("dev") ? "123456789012" : "210987654321") + ":role/"
                        + created.path("name").asText(), task.path(role[1]).asText(), () -> Resources.show(task));
            }
        }
    }

    @Test
    void roleArnsArePlaceholdersWhenTheConfigurationNamesNoAccount() {
        JsonNode task = ReleaseArtifacts.taskDefinition(minimal("us-east-1"));
        assertAt(task, "executionRoleArn", "<EXECUTION_ROLE_ARN>");
        assertAt(task, "taskRoleArn", "<TASK_ROLE_ARN>");
    }

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
        "us-east-1, aws",
        "eu-central-2, aws",
        "cn-north-1, aws-cn",
        "us-gov-west-1, aws-us-gov",
        "us-iso-east-1, aws-iso",
        "us-isob-east-1, aws-iso-b",
    })
    void roleArnsAreInTheRegionsPartition(String region, String partition) {
        assertEquals(partition, ReleaseArtifacts.partition(region));
    }

    @Test
    void containerTakesTrafficOnTheConfiguredPortAndGetsItsSettingsSecretsAndLogs() throws IOException {
        JsonNode container = taskDefinition("dev").path("containerDefinitions").path(0);
        assertAt(container, "name", "webapp");
        assertAt(container, "essential", true);
        assertAt(container, "portMappings", List.of(Map.of("containerPort", 3000, "protocol", "tcp")));
        assertAt(container, "environment", List.of(Map.of("name", "LOG_LEVEL", "value", "info")));
        assertAt(container, "secrets", List.of(Map.of("name", "DB_PASSWORD",
                "valueFrom", "arn:aws:ssm:us-east-1:123456789012:parameter/webapp/db-password")));
        assertAt(container, "readonlyRootFilesystem", true);
        assertAt(container, "logConfiguration", Map.of("logDriver", "awslogs", "options", Map.of(
                "awslogs-group", "/ecs/webapp-dev", "awslogs-region", "us-east-1", "awslogs-stream-prefix", "webapp")));
    }

    @Test
    void appSpecIsTheEcsBlueGreenRevisionWithTheTaskDefinitionLeftForTheRelease() throws IOException {
        assertEquals("""
                version: 0.0
                Resources:
                  - TargetService:
                      Type: "AWS::ECS::Service"
                      Properties:
                        TaskDefinition: "<TASK_DEFINITION>"
                        LoadBalancerInfo:
                          ContainerName: "webapp"
                          ContainerPort: 3000
                        PlatformVersion: "LATEST"
                """, appSpec("dev"));
    }
}
