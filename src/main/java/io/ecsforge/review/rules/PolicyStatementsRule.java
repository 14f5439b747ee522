package io.ecsforge.review.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.ecsforge.review.EncodedJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A policy document held by any attribute but a role's trust policy: an IAM policy or inline
 * policy (also a role's {@code inline_policy} blocks), a bucket, repository or key policy. Each action, resource or principal a statement
 * gains, each condition it loses, is a widening; the opposite a narrowing. A new policy widens
 * by all it allows, a deleted one narrows by all it allowed.
 */
final class PolicyStatementsRule implements Rule {
    static final String TRUST_ATTRIBUTE = "assume_role_policy";
    /**
     * The types whose policy is what they are, so that a policy unknown until apply or sensitive
     * is worth a line. Others compute one (an S3 bucket's legacy {@code policy}), unknown on every
     * replacement.
     */
    private static final Set<String> DOCUMENT_TYPES = Set.of("aws_iam_policy", "aws_iam_role_policy",
            "aws_iam_user_policy", "aws_iam_group_policy", "aws_iam_role", "aws_s3_bucket_policy",
            "aws_ecr_repository_policy", "aws_ecr_registry_policy", "aws_sns_topic_policy", "aws_sqs_queue_policy",
            "aws_kms_key_policy");

    @Override
    public String name() {
        return "policy-statements";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        List<Finding> findings = new ArrayList<>();
        for (String attribute : policyAttributes(change)) {
            if (attribute.equals(TRUST_ATTRIBUTE)) {
                continue;
            }
            findings.addAll(compare(change, attribute, false));
        }
        findings.addAll(inlinePolicies(change));
        return findings;
    }

    /** A role's {@code inline_policy} blocks, matched by name: each a policy of its own. */
    private static List<Finding> inlinePolicies(ResourceView change) {
        Map<String, JsonNode> before = byName(change.before("inline_policy"));
        Map<String, JsonNode> after = byName(change.after("inline_policy"));
        TreeSet<String> names = new TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Finding> findings = new ArrayList<>();
        for (String name : names) {
            JsonNode old = decoded(before.get(name));
            JsonNode now = decoded(after.get(name));
            if (!old.equals(now)) {
                PolicyDiff.of(change, old, now, false).forEach(finding -> findings.add(new Finding(finding.category(),
                        "inline policy " + change.code(name) + ": " + finding.text())));
            }
        }
        return findings;
    }

    private static Map<String, JsonNode> byName(JsonNode blocks) {
        Map<String, JsonNode> named = new TreeMap<>();
        blocks.forEach(block -> {
            if (!block.path("name").asText("").isEmpty()) {
                named.put(block.path("name").asText(), block.path("policy"));
            }
        });
        return named;
    }

    private static JsonNode decoded(JsonNode policy) {
        return policy == null ? MissingNode.getInstance()
                : EncodedJson.decode(policy).filter(EncodedJson::isPolicy).orElse(MissingNode.getInstance());
    }

    /** The top-level attributes that hold a policy document on either side, or whose policy is not known yet. */
    static TreeSet<String> policyAttributes(ResourceView change) {
        TreeSet<String> names = new TreeSet<>();
        for (JsonNode side : List.of(change.before(), change.after(), change.unknownAttributes())) {
            side.fieldNames().forEachRemaining(name -> {
                if (change.decodedBefore(name).filter(EncodedJson::isPolicy).isPresent()
                        || change.decodedAfter(name).filter(EncodedJson::isPolicy).isPresent()
                        || (DOCUMENT_TYPES.contains(change.type()) && name.endsWith("policy")
                                && (change.afterUnknown(name) || sensitive(change.before(name))
                                        || sensitive(change.after(name))))) {
                    names.add(name);
                }
            });
        }
        return names;
    }

    private static boolean sensitive(JsonNode value) {
        return value.isTextual() && value.asText().equals(ResourceView.SENSITIVE);
    }

    static List<Finding> compare(ResourceView change, String attribute, boolean trust) {
        if (change.existsAfter() && change.afterUnknown(attribute)) {
            return List.of(new Finding(Category.PERMISSIONS_WIDENED, change.code(attribute)
                    + " is known only after apply, so the plan cannot show what it will allow"));
        }
        if (sensitive(change.before(attribute)) || sensitive(change.after(attribute))) {
            return !change.changed(attribute) ? List.of()
                    : List.of(new Finding(Category.PERMISSIONS_WIDENED, change.code(attribute)
                            + " is sensitive, so what it allows cannot be shown; review it where it is set"));
        }
        JsonNode before = change.decodedBefore(attribute).orElse(MissingNode.getInstance());
        JsonNode after = change.decodedAfter(attribute).orElse(MissingNode.getInstance());
        return PolicyDiff.of(change, before, after, trust);
    }
}
