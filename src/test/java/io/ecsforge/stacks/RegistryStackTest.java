package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.config.RegistryConfig;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RegistryStackTest {
    private final Resources dev = Synthesized.examples().resources("webapp-dev-registry");
    private final Resources prod = Synthesized.examples().resources("webapp-prod-registry");

    private JsonNode repository() {
        return prod.resource("aws_ecr_repository", "repository");
    }

    /** The lifecycle policy as JSON, parsed from the string the stack gives Terraform. */
    private static JsonNode rules(Resources stack) throws IOException {
        JsonNode policy = stack.resource("aws_ecr_lifecycle_policy", "lifecycle_policy");
        assertAt(policy, "repository", "${aws_ecr_repository.repository.name}");
        return new ObjectMapper().readTree(policy.path("policy").asText()).path("rules");
    }

    @Test
    void repositoryIsNamedFromConfig() {
        assertAt(repository(), "name", "webapp");
    }

    @Test
    void tagsAreImmutable() {
        assertAt(repository(), "image_tag_mutability", "IMMUTABLE");
    }

    @Test
    void imagesAreScannedOnPush() {
        assertAt(repository(), "image_scanning_configuration.scan_on_push", true);
    }

    @Test
    void imagesAreEncryptedWithTheAwsManagedKmsKey() {
        assertAt(repository(), "encryption_configuration", List.of(Map.of("encryption_type", "KMS")));
    }

    @Test
    void repositoryHoldingImagesIsNotDeleted() {
        assertAt(repository(), "force_delete", false);
    }

    @Test
    void untaggedImagesExpireAfterTheConfiguredDaysBeforeAnyOtherRuleApplies() throws IOException {
        JsonNode devRule = rules(dev).path(0);
        assertAt(devRule, "rulePriority", 1);
        assertAt(devRule, "selection", Map.of("tagStatus", "untagged", "countType", "sinceImagePushed", "countUnit", "days",
                "countNumber", 7));
        assertAt(devRule, "action.type", "expire");
        assertAt(rules(prod), "[0].selection.countNumber", 3);
    }

    @Test
    void theImageANewServiceStartsOnIsNeverExpired() throws IOException {
        JsonNode seedRule = rules(dev).path(1);
        assertAt(seedRule, "rulePriority", 2);
        assertAt(seedRule, "selection", Map.of("tagStatus", "tagged", "tagPatternList", List.of("initial"),
                "countType", "imageCountMoreThan", "countNumber", 1));
        assertAt(seedRule, "action.type", "expire");
    }

    @Test
    void onlyTheConfiguredNumberOfNewestTaggedImagesIsKept() throws IOException {
        JsonNode devRule = rules(dev).path(2);
        assertAt(devRule, "rulePriority", 3);
        assertAt(devRule, "selection", Map.of("tagStatus", "tagged", "tagPatternList", List.of("*"),
                "countType", "imageCountMoreThan", "countNumber", 30));
        assertAt(devRule, "action.type", "expire");
        assertAt(rules(prod), "[2].selection.countNumber", 100);
    }

    @Test
    void lifecyclePolicyHasNoRulesBeyondTheseThree() throws IOException {
        JsonNode rules = rules(prod);
        assertEquals(3, rules.size(), () -> Resources.show(rules));
    }

    @Test
    void lifecyclePolicyIsCompactJsonWithRulesAndKeysInAFixedOrder() {
        String expected = "{\"rules\":["
                + "{\"rulePriority\":1,\"description\":\"Expire untagged images after 7 days\",\"selection\":"
                + "{\"tagStatus\":\"untagged\",\"countType\":\"sinceImagePushed\",\"countUnit\":\"days\",\"countNumber\":7},"
                + "\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":2,\"description\":\"Keep the image tagged initial, which a new service starts on\",\"selection\":"
                + "{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"initial\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":1},"
                + "\"action\":{\"type\":\"expire\"}},"
                + "{\"rulePriority\":3,\"description\":\"Keep the newest 30 tagged images\",\"selection\":"
                + "{\"tagStatus\":\"tagged\",\"tagPatternList\":[\"*\"],\"countType\":\"imageCountMoreThan\",\"countNumber\":30},"
                + "\"action\":{\"type\":\"expire\"}}]}";
        assertEquals(expected, EcrRegistry.lifecyclePolicy(RegistrySettings.of(new RegistryConfig("webapp", 30, 7), "initial")));
        assertAt(dev.resource("aws_ecr_lifecycle_policy", "lifecycle_policy"), "policy", expected);
    }

    @Test
    void outputsGiveTheRepositoryUrlArnAndName() {
        JsonNode outputs = dev.json().path("output");
        assertAt(outputs, "repository_url.value", "${aws_ecr_repository.repository.repository_url}");
        assertAt(outputs, "repository_arn.value", "${aws_ecr_repository.repository.arn}");
        assertAt(outputs, "repository_name.value", "${aws_ecr_repository.repository.name}");
    }

    @Test
    void registryKeepsItsStateInTheStateBucket() {
        assertAt(dev.json(), "terraform.backend.s3.key", "webapp/dev/registry.tfstate");
        assertFalse(dev.json().path("terraform").path("backend").has("local"), () -> Resources.show(dev.json().path("terraform")));
    }
}
