package io.ecsforge.stacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.ServiceConfig;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The service's task definition in the shape of ECS's RegisterTaskDefinition request (the shape of
 * a CodeDeploy {@code taskdef.json}). The service stack writes {@link #containerDefinitionsJson()}
 * into its {@code aws_ecs_task_definition}; a release writes {@link #taskDefinition()} with the
 * image it deploys. Both come from this one model, so a release runs what the stack describes.
 * The JSON is deterministic: fields in a fixed order, environment and secrets sorted by name.
 *
 * @param family the task definition family
 * @param containerName the one container's name
 * @param image the image reference, e.g. {@code <repository-url>:<tag>}
 * @param containerPort the port the container listens on, mapped as TCP
 * @param cpu Fargate CPU units
 * @param memory MiB
 * @param cpuArchitecture X86_64 or ARM64
 * @param environment plain variables; kept sorted by name
 * @param secrets variable name to SSM parameter or Secrets Manager ARN, kept sorted by name; passed as
 *     {@code valueFrom} so the value never appears in the task definition
 * @param logGroup the awslogs group
 * @param region the awslogs region
 * @param readonlyRootFilesystem whether the container's root filesystem is read-only
 * @param executeCommand whether ECS Exec is on for the service
 * @param executionRoleArn the role ECS uses to pull the image, read secrets and write logs
 * @param taskRoleArn the role the application's code runs as
 */
public record TaskDefinitionModel(
        String family,
        String containerName,
        String image,
        int containerPort,
        int cpu,
        int memory,
        ServiceConfig.CpuArchitecture cpuArchitecture,
        Map<String, String> environment,
        Map<String, String> secrets,
        String logGroup,
        String region,
        boolean readonlyRootFilesystem,
        boolean executeCommand,
        String executionRoleArn,
        String taskRoleArn) {

    /** The awslogs stream prefix: streams are named {@code ecs/<container>/<task-id>}. */
    public static final String LOG_STREAM_PREFIX = "ecs";

    /**
     * The folders the ECS Exec agent writes to. With a read-only root filesystem the agent fails
     * unless they are writable, so they get task-scoped volumes (aws/containers-roadmap#1359).
     */
    static final List<WritableVolume> EXEC_AGENT_VOLUMES = List.of(
            new WritableVolume("exec-managed-agents", "/managed-agents"),
            new WritableVolume("exec-ssm-state", "/var/lib/amazon/ssm"),
            new WritableVolume("exec-ssm-logs", "/var/log/amazon/ssm"));

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A Fargate task volume (ephemeral storage) mounted read-write into the container. */
    public record WritableVolume(String name, String containerPath) {}

    /**
     * What the container definition is written from, as settings: values in a stack and a
     * release, a module's variables in the ecs-service module.
     *
     * @param name the container's name
     * @param image the image reference
     * @param port the port the container listens on
     * @param environment plain variables
     * @param secrets variable name to the ARN it is read from
     * @param logGroup the awslogs group
     * @param region the awslogs region
     * @param readonlyRootFilesystem whether the container's root filesystem is read-only
     * @param executeCommand whether ECS Exec is on
     */
    public record Container(Setting<String> name, String image, Setting<Number> port,
            Setting<Map<String, String>> environment, Setting<Map<String, String>> secrets, String logGroup,
            Setting<String> region, Setting<Boolean> readonlyRootFilesystem, Setting<Boolean> executeCommand) {

        /** Whether the ECS Exec agent's folders get volumes: Exec meets a read-only root. */
        public Setting<Boolean> execVolumes() {
            return Setting.both(executeCommand, readonlyRootFilesystem);
        }
    }

    public TaskDefinitionModel {
        environment = Collections.unmodifiableSortedMap(new TreeMap<>(environment));
        secrets = Collections.unmodifiableSortedMap(new TreeMap<>(secrets));
    }

    /** The model of {@code config}'s service, running {@code image} with the given roles. */
    public static TaskDefinitionModel of(EnvironmentConfig config, String image, String executionRoleArn, String taskRoleArn) {
        ServiceConfig service = config.service();
        return new TaskDefinitionModel(
                EnvironmentNames.of(config).taskDefinitionFamily(),
                service.containerName(),
                image,
                service.containerPort(),
                service.cpu(),
                service.memory(),
                service.cpuArchitecture(),
                service.environment(),
                service.secrets(),
                EnvironmentNames.of(config).serviceLogGroup(),
                config.aws().region(),
                service.readonlyRootFilesystem(),
                config.cluster().executeCommand(),
                executionRoleArn,
                taskRoleArn);
    }

    /** {@code <repositoryUrl>:<tag>}. */
    public static String image(String repositoryUrl, String tag) {
        return repositoryUrl + ":" + tag;
    }

    /** The volumes the task needs: the ECS Exec agent's folders when Exec meets a read-only root. */
    public List<WritableVolume> volumes() {
        return executeCommand && readonlyRootFilesystem ? EXEC_AGENT_VOLUMES : List.of();
    }

    /** The settings of this model's container: its values. */
    private Container container() {
        return new Container(Setting.of(containerName, "service.containerName"), image,
                Setting.<Number>of(containerPort, "service.containerPort"), Setting.of(environment, "service.environment"),
                Setting.of(secrets, "service.secrets"), logGroup, Setting.of(region, "aws.region"),
                Setting.of(readonlyRootFilesystem, "service.readonlyRootFilesystem"),
                Setting.of(executeCommand, "cluster.executeCommand"));
    }

    /** The one container's definition. */
    public ObjectNode containerDefinition() {
        return containerDefinition(container());
    }

    /**
     * The one container's definition from settings. What a module's variables decide is written
     * as a bare interpolation that Terraform fills in with JSON when it renders the string: a
     * number, a boolean, the lists of variables and secrets ({@code jsonencode}), the Exec
     * agent's mounts and {@code linuxParameters}, which is {@code null} when Exec is off (the
     * provider drops null fields of container definitions).
     */
    static ObjectNode containerDefinition(Container settings) {
        ObjectNode container = MAPPER.createObjectNode();
        container.put("name", settings.name().text());
        container.put("image", settings.image());
        container.put("essential", true);
        container.put("privileged", false);
        flag(container, "readonlyRootFilesystem", settings.readonlyRootFilesystem());
        ArrayNode ports = container.putArray("portMappings");
        // In awsvpc mode the host port is the container port; ECS fills it in when left out,
        // which Terraform would then show as a change on every plan.
        ObjectNode port = ports.addObject();
        number(port, "containerPort", settings.port());
        number(port, "hostPort", settings.port());
        port.put("protocol", "tcp");
        pairs(container, "environment", settings.environment(), "value");
        pairs(container, "secrets", settings.secrets(), "valueFrom");
        ArrayNode mountPoints = MAPPER.createArrayNode();
        EXEC_AGENT_VOLUMES.forEach(volume -> mountPoints.addObject()
                .put("sourceVolume", volume.name())
                .put("containerPath", volume.containerPath())
                .put("readOnly", false));
        Setting<Boolean> execVolumes = settings.execVolumes();
        if (execVolumes.isLiteral()) {
            container.set("mountPoints", execVolumes.literal() ? mountPoints : MAPPER.createArrayNode());
        } else {
            container.putRawValue("mountPoints", new RawValue("${" + execVolumes.expression() + " ? jsonencode("
                    + mountPoints + ") : \"[]\"}"));
        }
        // An init process reaps the Exec agent's child processes, as AWS advises for ECS Exec.
        ObjectNode linuxParameters = MAPPER.createObjectNode().put("initProcessEnabled", true);
        Setting<Boolean> exec = settings.executeCommand();
        if (!exec.isLiteral()) {
            container.putRawValue("linuxParameters", new RawValue("${" + exec.expression() + " ? jsonencode("
                    + linuxParameters + ") : \"null\"}"));
        } else if (exec.literal()) {
            container.set("linuxParameters", linuxParameters);
        }
        ObjectNode logs = container.putObject("logConfiguration");
        logs.put("logDriver", "awslogs");
        logs.putObject("options")
                .put("awslogs-group", settings.logGroup())
                .put("awslogs-region", settings.region().text())
                .put("awslogs-stream-prefix", LOG_STREAM_PREFIX);
        return container;
    }

    /** {@code definitions}, a list of the one container, as compact JSON: the value of {@code container_definitions}. */
    static String json(ObjectNode container) {
        ArrayNode definitions = MAPPER.createArrayNode();
        definitions.add(container);
        try {
            return MAPPER.writeValueAsString(definitions);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings, numbers and booleans always serializes", e);
        }
    }

    private static void number(ObjectNode node, String field, Setting<Number> value) {
        if (value.isLiteral()) {
            node.put(field, value.literal().intValue());
        } else {
            node.putRawValue(field, new RawValue(value.text()));
        }
    }

    private static void flag(ObjectNode node, String field, Setting<Boolean> value) {
        if (value.isLiteral()) {
            node.put(field, value.literal());
        } else {
            node.putRawValue(field, new RawValue(value.text()));
        }
    }

    /** A map as a list of {@code {"name": ..., <valueField>: ...}}, sorted by name. */
    private static void pairs(ObjectNode node, String field, Setting<Map<String, String>> map, String valueField) {
        if (map.isLiteral()) {
            ArrayNode list = node.putArray(field);
            new TreeMap<>(map.literal()).forEach((name, value) -> list.addObject().put("name", name).put(valueField, value));
        } else {
            node.putRawValue(field, new RawValue("${jsonencode([for name, value in " + map.expression() + " : { name = name, "
                    + valueField + " = value }])}"));
        }
    }

    /** The task's container definitions: a list of one. */
    public ArrayNode containerDefinitions() {
        ArrayNode definitions = MAPPER.createArrayNode();
        definitions.add(containerDefinition());
        return definitions;
    }

    /** {@link #containerDefinitions()} as compact JSON, the value of {@code container_definitions}. */
    public String containerDefinitionsJson() {
        return json(containerDefinition());
    }

    /** The whole task definition as a RegisterTaskDefinition request, e.g. a CodeDeploy {@code taskdef.json}. */
    public ObjectNode taskDefinition() {
        ObjectNode task = MAPPER.createObjectNode();
        task.put("family", family);
        task.put("networkMode", "awsvpc");
        task.putArray("requiresCompatibilities").add("FARGATE");
        task.put("cpu", String.valueOf(cpu));
        task.put("memory", String.valueOf(memory));
        task.putObject("runtimePlatform")
                .put("cpuArchitecture", cpuArchitecture.yamlName())
                .put("operatingSystemFamily", "LINUX");
        task.put("executionRoleArn", executionRoleArn);
        task.put("taskRoleArn", taskRoleArn);
        task.set("containerDefinitions", containerDefinitions());
        ArrayNode volumes = task.putArray("volumes");
        volumes().forEach(volume -> volumes.addObject().put("name", volume.name()));
        return task;
    }
}
