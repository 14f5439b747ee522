package io.ecsforge.review.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A managed policy attached to a role, user or group grants all it allows; detached, it narrows. */
final class PolicyAttachmentRule implements Rule {
    private static final Set<String> TYPES = Set.of("aws_iam_role_policy_attachment", "aws_iam_user_policy_attachment",
            "aws_iam_group_policy_attachment", "aws_iam_policy_attachment");

    @Override
    public String name() {
        return "policy-attachment";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        if (!TYPES.contains(change.type())) {
            return List.of();
        }
        String before = change.before("policy_arn").asText("");
        String after = change.after("policy_arn").asText("");
        if (before.equals(after)) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        if (!after.isEmpty()) {
            findings.add(new Finding(Category.PERMISSIONS_WIDENED, "attaches " + change.code(PolicyDiff.shortArn(after))
                    + " (new)"));
        }
        if (!before.isEmpty()) {
            findings.add(new Finding(Category.PERMISSIONS_NARROWED, "no longer attaches "
                    + change.code(PolicyDiff.shortArn(before))));
        }
        return findings;
    }
}
