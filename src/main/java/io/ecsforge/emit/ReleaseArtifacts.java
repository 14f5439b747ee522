package io.ecsforge.emit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.stacks.AwsArns;
import io.ecsforge.stacks.CapacityShare;
import io.ecsforge.stacks.EnvironmentNames;
import io.ecsforge.stacks.EnvironmentNames.Role;
import io.ecsforge.stacks.TaskDefinitionModel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What CI needs to release a new version, written beside the stacks as
 * {@code cdktf.out/<env>/taskdef.json} and {@code cdktf.out/<env>/appspec.yaml}.
 *
 * <p>{@code taskdef.json} is the input of {@code aws ecs register-task-definition --cli-input-json}
 * with the image left as {@value #IMAGE}: a release registers the image it just built, by an
 * immutable tag or digest, so that rolling back to the previous revision really runs the previous
 * image (the configured {@code service.imageTag}, {@code latest} by default, would not).
 * {@code appspec.yaml} is the CodeDeploy revision, with {@value #TASK_DEFINITION} where the
 * registered revision's ARN goes, the placeholder CodePipeline and amazon-ecs-deploy-task-definition
 * both fill in.
 *
 * <p>Both files are a pure function of the configuration, written byte for byte the same on every
 * machine, so that a diff of cdktf.out shows what a configuration change does to releases.
 */
public final class ReleaseArtifacts {
    /** Where CI puts the image it built, e.g. with aws-actions/amazon-ecs-render-task-definition. */
    public static final String IMAGE = "<IMAGE>";
    /** Where CI puts the ARN of the task definition revision it registered. */
    public static final String TASK_DEFINITION = "<TASK_DEFINITION>";
    /** Where CI puts a role's ARN when the configuration does not name the account. */
    public static final String EXECUTION_ROLE_ARN = "<EXECUTION_ROLE_ARN>";
    public static final String TASK_ROLE_ARN = "<TASK_ROLE_ARN>";

    public static final String TASK_DEFINITION_FILE = "taskdef.json";
    public static final String APPSPEC_FILE = "appspec.yaml";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    // Laid out as JSON.stringify(value, null, 2) does, with line feeds on every system, so the
    // file is the same wherever it is synthesized and reads like the AWS examples.
    private static final ObjectWriter JSON = new ObjectMapper().writer(new DefaultPrettyPrinter()
            .withObjectIndenter(new DefaultIndenter("  ", "\n"))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withSeparators(Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER)));
    private static final YAMLMapper YAML = new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build());

    private ReleaseArtifacts() {}

    /** {@code <outDir>/<env>}: the folder of one environment's release files. */
    public static Path directory(Path outDir, EnvironmentConfig config) {
        return outDir.resolve(config.environment());
    }

    /** Writes both files of {@code config} into {@link #directory}. */
    public static void write(EnvironmentConfig config, Path outDir) {
        Path dir = directory(outDir, config);
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(TASK_DEFINITION_FILE), taskDefinitionJson(config), StandardCharsets.UTF_8);
            Files.writeString(dir.resolve(APPSPEC_FILE), appSpecYaml(config), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the release files into " + dir, e);
        }
    }

    public static String taskDefinitionJson(EnvironmentConfig config) {
        try {
            return JSON.writeValueAsString(taskDefinition(config)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    public static String appSpecYaml(EnvironmentConfig config) {
        try {
            return YAML.writeValueAsString(appSpec(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serializes", e);
        }
    }

    /**
     * The task definition, in register-task-definition's JSON form: the service stack's own model
     * of it, so that a release runs what the stack describes, with the image left to the release.
     */
    static ObjectNode taskDefinition(EnvironmentConfig config) {
        return TaskDefinitionModel.of(config, IMAGE,
                roleArn(config, Role.EXECUTION, EXECUTION_ROLE_ARN),
                roleArn(config, Role.TASK, TASK_ROLE_ARN)).taskDefinition();
    }

    /** The CodeDeploy AppSpec of an ECS blue/green release. */
    static ObjectNode appSpec(EnvironmentConfig config) {
        ObjectNode appSpec = NODES.objectNode();
        // CodeDeploy accepts only 0.0, written as a number.
        appSpec.put("version", 0.0);
        ObjectNode properties = appSpec.putArray("Resources").addObject()
                .putObject("TargetService")
                .put("Type", "AWS::ECS::Service")
                .putObject("Properties");
        properties.put("TaskDefinition", TASK_DEFINITION);
        properties.putObject("LoadBalancerInfo")
                .put("ContainerName", config.service().containerName())
                .put("ContainerPort", config.service().containerPort());
        properties.put("PlatformVersion", "LATEST");
        // CodeDeploy gives the service the AppSpec's strategy at every release, none when it has none.
        ArrayNode strategy = properties.putArray("CapacityProviderStrategy");
        for (CapacityShare share : CapacityShare.strategy(config.cluster())) {
            strategy.addObject()
                    .put("CapacityProvider", share.capacityProvider())
                    .put("Base", share.base())
                    .put("Weight", share.weight());
        }
        return appSpec;
    }

    /**
     * A role's ARN when the configuration names the account: the roles' names are fixed
     * ({@link EnvironmentNames#role}), so CI has nothing to look up. Otherwise {@code placeholder}, which CI
     * replaces with the access stack's output.
     */
    private static String roleArn(EnvironmentConfig config, Role role, String placeholder) {
        return AwsArns.configured(config)
                .map(arns -> arns.role(EnvironmentNames.of(config).role(role)))
                .orElse(placeholder);
    }
}
