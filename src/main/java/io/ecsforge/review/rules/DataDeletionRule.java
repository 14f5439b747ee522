package io.ecsforge.review.rules;

import io.ecsforge.review.Action;
import java.util.List;
import java.util.Map;

/**
 * Deleting or replacing something that holds data or identity: what it holds goes with it. The
 * state bucket above all: it holds the Terraform state of every stack.
 */
final class DataDeletionRule implements Rule {
    /** The types that hold data or identity, and what is lost with them. */
    static final Map<String, String> HOLDERS = Map.ofEntries(
            Map.entry("aws_s3_bucket", "its objects"),
            Map.entry("aws_dynamodb_table", "its items"),
            Map.entry("aws_ecr_repository", "its images"),
            Map.entry("aws_kms_key", "everything encrypted with it becomes unreadable once the key is gone"),
            Map.entry("aws_cloudwatch_log_group", "its logs"),
            Map.entry("aws_eip", "its public IP address"),
            Map.entry("aws_iam_openid_connect_provider", "the trust every role that names it relies on"),
            Map.entry("aws_db_instance", "its databases"),
            Map.entry("aws_rds_cluster", "its databases"),
            Map.entry("aws_efs_file_system", "its files"),
            Map.entry("aws_secretsmanager_secret", "its secret value"));

    @Override
    public String name() {
        return "data-deletion";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        String lost = HOLDERS.get(change.type());
        if (lost == null || !change.action().isDeleteOrReplace()) {
            return List.of();
        }
        String verb = change.action() == Action.DELETE ? "is deleted" : change.action() == Action.CREATE_THEN_FORGET
                ? "is replaced (the old one is kept, but no longer managed)" : "is replaced: deleted and made again";
        String what = isStateBucket(change, stack)
                ? "the state bucket " + verb + "; it holds the Terraform state of every stack of the environment"
                        + " (ecsforge makes it with prevent_destroy, which must have been removed for Terraform to plan"
                        + " this)"
                : verb + "; lost with it: " + lost;
        return List.of(new Finding(Category.DATA_AT_RISK, what));
    }

    /** The bucket of the {@code state} stack, or one whose name says it holds Terraform state. */
    private static boolean isStateBucket(ResourceView change, StackView stack) {
        return change.type().equals("aws_s3_bucket")
                && (stack.stack().equals("state") || stack.stack().endsWith("-state")
                        || change.before("bucket").asText("").contains("tfstate"));
    }
}
