package io.ecsforge.modules;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry module's document: the stack's repository and lifecycle policy, its numbers and tag from variables. */
class RegistryModuleTest {
    private final Resources registry = BuiltModules.module("registry");

    @Test
    void theRepositoryIsNamedByItsVariableWithTheStacksSettings() {
        JsonNode repository = registry.resource("aws_ecr_repository", "repository");
        assertAt(repository, "name", "${var.repository_name}");
        assertAt(repository, "image_tag_mutability", "IMMUTABLE");
        assertAt(repository, "force_delete", false);
    }

    @Test
    void theLifecyclePolicysNumbersAreBareInterpolationsSoTheRenderedPolicyHoldsNumbers() {
        assertAt(registry.resource("aws_ecr_lifecycle_policy", "lifecycle_policy"), "policy", "{\"rules\":["
                + "{\"rulePriority\":1,\"description\":\"Expire untagged images after ${var.untagged_expiry_days} days\","
                + "\"selection\":{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\","
                + "\"countNumber\":${var.untagged_expiry_days}},\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":2,\"description\":\"Keep the image tagged ${var.image_tag}, which a new service starts on\","
                + "\"selection\":{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"${var.image_tag}\"],"
                + "\"countType\":\"imageCountMoreThan\",\"countNumber\":1},\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":3,\"description\":\"Keep the newest ${var.keep_images} tagged images\","
                + "\"selection\":{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"*\"],\"countType\":\"imageCountMoreThan\","
                + "\"countNumber\":${var.keep_images}},\"action\":{\"type\":\"expire\"}}]}");
    }

    @Test
    void theRepositoryNameIsRequiredAndTheOthersHaveTheFilesDefaults() {
        JsonNode variables = registry.json().path("variable");
        assertEquals(List.of("image_tag", "keep_images", "repository_name", "untagged_expiry_days"),
                NetworkModuleTest.fieldNames(variables));
        assertFalse(variables.path("repository_name").has("default"), () -> Resources.show(variables.path("repository_name")));
        assertAt(variables, "keep_images.default", 30);
        assertAt(variables, "untagged_expiry_days.default", 7);
        assertAt(variables, "image_tag.default", "initial");
    }

    @Test
    void theRepositoryNameHasTheLoadersFormatAndMessage() {
        assertAt(registry.json().path("variable"), "repository_name.validation", List.of(Map.of(
                "condition", "${can(regex(\"^(?:[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*)$\","
                        + " var.repository_name)) && length(var.repository_name) >= 2 && length(var.repository_name) <= 256}",
                "error_message", "\"${var.repository_name}\" is not allowed; allowed: an ECR repository name: 2 to 256 lower-case"
                        + " letters, digits, and . _ - / between them")));
    }

    @Test
    void everyOutputIsDescribed() {
        JsonNode outputs = registry.json().path("output");
        assertEquals(List.of("repository_arn", "repository_name", "repository_url"), NetworkModuleTest.fieldNames(outputs));
        outputs.forEach(output -> assertFalse(output.path("description").asText().isEmpty(), output::toString));
    }
}
