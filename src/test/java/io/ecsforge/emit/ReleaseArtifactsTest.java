package io.ecsforge.emit;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.stacks.AwsArns;
import io.ecsforge.stacks.ExecSpotVariant;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReleaseArtifactsTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final YAMLMapper YAML = new YAMLMapper();

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

    private static Resources service(String env) {
        return Synthesized.examples().resources("webapp-" + env + "-service");
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
        assertEquals(partition, AwsArns.partitionOf(region));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void taskDefinitionIsTheServiceStacksWithTheImageLeftToTheRelease(String env) throws IOException {
        JsonNode task = taskDefinition(env);
        JsonNode registered = service(env).resource("aws_ecs_task_definition", "task");
        assertAt(task, "family", registered.path("family"));
        assertAt(task, "networkMode", registered.path("network_mode"));
        assertAt(task, "requiresCompatibilities", registered.path("requires_compatibilities"));
        assertAt(task, "cpu", registered.path("cpu"));
        assertAt(task, "memory", registered.path("memory"));
        assertAt(task, "runtimePlatform", Map.of(
                "cpuArchitecture", registered.path("runtime_platform").path("cpu_architecture").asText(),
                "operatingSystemFamily", registered.path("runtime_platform").path("operating_system_family").asText()));
        ArrayNode containers = (ArrayNode) MAPPER.readTree(registered.path("container_definitions").asText());
        ((ObjectNode) containers.get(0)).put("image", "<IMAGE>");
        assertAt(task, "containerDefinitions", containers);
        // Neither example has volumes (they come with ECS Exec): the exec variant below checks them.
        assertEquals(0, registered.path("volume").size(), () -> Resources.show(registered));
        assertEquals(0, task.path("volumes").size(), () -> Resources.show(task));
    }

    /** ECS Exec on a read-only root gives the task writable volumes; Fargate Spot a second capacity provider. */
    @Test
    void execAndSpotVariantReleasesTheServiceStacksVolumesMountsAndCapacityProviders() throws IOException {
        EnvironmentConfig exec = ExecSpotVariant.config();
        JsonNode task = MAPPER.readTree(ReleaseArtifacts.taskDefinitionJson(exec));
        JsonNode registered = ExecSpotVariant.resources("service").resource("aws_ecs_task_definition", "task");
        List<String> volumes = new ArrayList<>();
        registered.path("volume").forEach(volume -> volumes.add(volume.path("name").asText()));
        List<String> released = new ArrayList<>();
        task.path("volumes").forEach(volume -> released.add(volume.path("name").asText()));
        assertTrue(volumes.size() >= 1, () -> "the exec variant registers writable volumes: " + Resources.show(registered));
        assertEquals(volumes, released, () -> Resources.show(task));
        ArrayNode containers = (ArrayNode) MAPPER.readTree(registered.path("container_definitions").asText());
        ((ObjectNode) containers.get(0)).put("image", "<IMAGE>");
        assertAt(task, "containerDefinitions", containers);
        assertAt(task, "containerDefinitions[0].linuxParameters.initProcessEnabled", true);
        JsonNode strategy = Resources.at(YAML.readTree(ReleaseArtifacts.appSpecYaml(exec)),
                "Resources[0].TargetService.Properties.CapacityProviderStrategy");
        assertEquals(2, strategy.size(), () -> Resources.show(strategy));
        assertAt(strategy, "[1]", Map.of("CapacityProvider", "FARGATE_SPOT", "Base", 0, "Weight", ExecSpotVariant.SPOT_WEIGHT));
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
                        CapacityProviderStrategy:
                          - CapacityProvider: "FARGATE"
                            Base: 1
                            Weight: 1
                """, appSpec("dev"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void appSpecSendsTrafficToTheContainerAndPortTheServicesTargetGroupsUse(String env) throws IOException {
        JsonNode info = Resources.at(YAML.readTree(appSpec(env)), "Resources[0].TargetService.Properties.LoadBalancerInfo");
        Resources service = service(env);
        JsonNode balancer = service.resource("aws_ecs_service", "service").path("load_balancer");
        assertAt(balancer, "", List.of(Map.of(
                "container_name", info.path("ContainerName").asText(),
                "container_port", info.path("ContainerPort").asInt(),
                "target_group_arn", "${aws_lb_target_group.blue.arn}")));
        for (String group : List.of("blue", "green")) {
            assertAt(service.resource("aws_lb_target_group", group), "port", info.path("ContainerPort"));
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void appSpecRepeatsTheServicesCapacityProviderStrategy(String env) throws IOException {
        JsonNode strategy = Resources.at(YAML.readTree(appSpec(env)), "Resources[0].TargetService.Properties.CapacityProviderStrategy");
        List<Map<String, Object>> expected = new ArrayList<>();
        service(env).resource("aws_ecs_service", "service").path("capacity_provider_strategy").forEach(share -> expected.add(Map.of(
                "CapacityProvider", share.path("capacity_provider").asText(),
                "Base", share.path("base").asInt(),
                "Weight", share.path("weight").asInt())));
        assertAt(strategy, "", expected);
    }
}
