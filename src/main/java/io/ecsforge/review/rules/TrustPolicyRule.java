package io.ecsforge.review.rules;

import java.util.List;

/**
 * A role's trust policy ({@code assume_role_policy}): who may assume the role. A new principal,
 * a new GitHub OIDC subject ({@code token.actions.githubusercontent.com:sub}) or a condition
 * dropped widens it; a new role trusts everyone its policy names.
 */
final class TrustPolicyRule implements Rule {
    @Override
    public String name() {
        return "trust-policy";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        if (!PolicyStatementsRule.policyAttributes(change).contains(PolicyStatementsRule.TRUST_ATTRIBUTE)) {
            return List.of();
        }
        return PolicyStatementsRule.compare(change, PolicyStatementsRule.TRUST_ATTRIBUTE, true);
    }
}
