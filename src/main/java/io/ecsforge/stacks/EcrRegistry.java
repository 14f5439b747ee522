package io.ecsforge.stacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.ecr_lifecycle_policy.EcrLifecyclePolicy;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepository;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepositoryEncryptionConfiguration;
import com.hashicorp.cdktf.providers.aws.ecr_repository.EcrRepositoryImageScanningConfiguration;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The ECR repository the service's images are pushed to. Tags are immutable, so a tag names one
 * image for good and a deployment can be traced to what it ran; a lifecycle policy keeps the
 * repository from growing without bound. The registry stack and the registry module are both
 * this part, made directly in the given scope.
 */
public final class EcrRegistry {
    /** The outputs, with what each gives. */
    public static final Map<String, String> OUTPUTS = Map.of(
            "repository_url", "The repository's URL, which images are pushed to and pulled from.",
            "repository_arn", "The repository's ARN.",
            "repository_name", "The repository's name.");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Construct scope;
    private final EcrRepository repository;

    public EcrRegistry(Construct scope, RegistrySettings settings) {
        this.scope = scope;
        repository = EcrRepository.Builder.create(scope, "repository")
                .name(settings.repositoryName().value())
                .imageTagMutability("IMMUTABLE")
                .imageScanningConfiguration(EcrRepositoryImageScanningConfiguration.builder().scanOnPush(true).build())
                // The AWS-managed key (aws/ecr): encrypted with KMS and logged in CloudTrail, with no
                // key policy to keep in step with every role that pulls images.
                .encryptionConfiguration(List.of(EcrRepositoryEncryptionConfiguration.builder()
                        .encryptionType("KMS")
                        .build()))
                // Deleting the repository with images in it would strand running tasks that pull them.
                .forceDelete(false)
                .build();
        EcrLifecyclePolicy.Builder.create(scope, "lifecycle_policy")
                .repository(repository.getName())
                .policy(lifecyclePolicy(settings))
                .build();
    }

    /**
     * The outputs. A stack's carry no description: adding one would change every stack's JSON,
     * and users' plans with it.
     */
    public void outputs(boolean described) {
        output("repository_url", repository.getRepositoryUrl(), described);
        output("repository_arn", repository.getArn(), described);
        output("repository_name", repository.getName(), described);
    }

    private void output(String name, String value, boolean described) {
        TerraformOutput.Builder output = TerraformOutput.Builder.create(scope, name).value(value);
        if (described) {
            output.description(OUTPUTS.get(name));
        }
        output.build();
    }

    public String repositoryUrl() {
        return repository.getRepositoryUrl();
    }

    public String repositoryArn() {
        return repository.getArn();
    }

    public String repositoryName() {
        return repository.getName();
    }

    /**
     * Untagged images (layers left behind by re-pushes, failed builds) expire after
     * {@code untaggedExpiryDays}; of the tagged ones the newest {@code keepImages} are kept. ECR
     * applies a rule only to images no rule of lower priority number matched, so the untagged
     * rule comes first and the tagged rule never counts untagged images.
     *
     * <p>The image tagged {@code seedTag} ({@code service.imageTag}) is kept for good: the service
     * stack's own task definition runs it, so a service that Terraform creates or replaces starts
     * on it until the next release. A rule that matches it alone, before the tagged rule, claims it.
     */
    static String lifecyclePolicy(RegistrySettings registry) {
        Setting<String> seedTag = registry.seedTag();
        ObjectNode policy = JSON.createObjectNode();
        ArrayNode rules = policy.putArray("rules");

        ObjectNode untagged = rules.addObject();
        untagged.put("rulePriority", 1);
        untagged.put("description", "Expire untagged images after " + registry.untaggedExpiryDays().text() + " days");
        ObjectNode untaggedSelection = untagged.putObject("selection");
        untaggedSelection.put("tagStatus", "untagged");
        untaggedSelection.put("countType", "sinceImagePushed");
        untaggedSelection.put("countUnit", "days");
        number(untaggedSelection, "countNumber", registry.untaggedExpiryDays());
        untagged.putObject("action").put("type", "expire");

        ObjectNode seed = rules.addObject();
        seed.put("rulePriority", 2);
        seed.put("description", "Keep the image tagged " + seedTag.text() + ", which a new service starts on");
        ObjectNode seedSelection = seed.putObject("selection");
        seedSelection.put("tagStatus", "tagged");
        seedSelection.putArray("tagPatternList").add(seedTag.text());
        // One image can carry the tag at a time (tags are immutable), so this never expires it.
        seedSelection.put("countType", "imageCountMoreThan");
        seedSelection.put("countNumber", 1);
        seed.putObject("action").put("type", "expire");

        ObjectNode tagged = rules.addObject();
        tagged.put("rulePriority", 3);
        tagged.put("description", "Keep the newest " + registry.keepImages().text() + " tagged images");
        ObjectNode taggedSelection = tagged.putObject("selection");
        taggedSelection.put("tagStatus", "tagged");
        taggedSelection.putArray("tagPatternList").add("*");
        taggedSelection.put("countType", "imageCountMoreThan");
        number(taggedSelection, "countNumber", registry.keepImages());
        tagged.putObject("action").put("type", "expire");

        try {
            return JSON.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A number in the policy: the value itself, or, in a module, the bare interpolation, which
     * Terraform fills in when it renders the policy's string, so that the rule holds a number.
     */
    private static void number(ObjectNode node, String field, Setting<Number> value) {
        if (value.isLiteral()) {
            node.put(field, value.literal().intValue());
        } else {
            node.putRawValue(field, new RawValue(value.text()));
        }
    }
}
