package io.ecsforge.review.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A protection against losing data turned off: {@code force_destroy} / {@code force_delete}
 * turned on (a later destroy takes the contents with it), deletion protection turned off, a KMS
 * key's deletion window shortened. A {@code prevent_destroy} lifecycle removed is not in a plan's
 * JSON, so no rule can see it.
 */
final class DeletionProtectionRule implements Rule {
    /** Attributes that make a later delete take the contents with it, when true. */
    private static final Map<String, String> FORCE = Map.of(
            "aws_s3_bucket", "force_destroy",
            "aws_ecr_repository", "force_delete");
    /** Attributes that refuse a delete, when true. */
    private static final Map<String, String> PROTECTION = Map.of(
            "aws_lb", "enable_deletion_protection",
            "aws_alb", "enable_deletion_protection",
            "aws_dynamodb_table", "deletion_protection_enabled",
            "aws_db_instance", "deletion_protection",
            "aws_rds_cluster", "deletion_protection");

    @Override
    public String name() {
        return "deletion-protection";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        List<Finding> findings = new ArrayList<>();
        if (!change.existedBefore() || !change.existsAfter()) {
            return findings;
        }
        String force = FORCE.get(change.type());
        if (force != null && !change.before(force).asBoolean(false) && change.after(force).asBoolean(false)) {
            findings.add(new Finding(Category.DATA_AT_RISK, change.code(force)
                    + " turned on: deleting it will no longer stop at its contents"));
        }
        String protection = PROTECTION.get(change.type());
        if (protection != null && change.before(protection).asBoolean(false)
                && change.after(protection).isBoolean() && !change.after(protection).booleanValue()) {
            findings.add(new Finding(Category.DATA_AT_RISK, "deletion protection turned off (" + change.code(protection)
                    + ")"));
        }
        if (change.type().equals("aws_kms_key")) {
            long before = change.before("deletion_window_in_days").asLong(30);
            long after = change.after("deletion_window_in_days").asLong(30);
            if (after < before) {
                findings.add(new Finding(Category.DATA_AT_RISK, "deletion window shortened from " + before + " to "
                        + after + " days"));
            }
        }
        return findings;
    }
}
