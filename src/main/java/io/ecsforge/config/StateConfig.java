package io.ecsforge.config;

import java.util.Optional;

/**
 * Where Terraform keeps each stack's state.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link StateSchema}.
 *
 * @param backend {@code s3} or {@code local}
 * @param bucket the state bucket, created by the state stack. Required for s3.
 * @param region the bucket's region
 * @param lock how concurrent runs are kept apart
 * @param dynamodbTable the lock table; required when lock is dynamodb or both
 * @param accessLogs where the state bucket's server access logs go; empty for none
 * @param eventBridge whether the state bucket's events go to the account's default EventBridge bus
 */
public record StateConfig(Backend backend, String bucket, String region, LockMode lock, Optional<String> dynamodbTable,
        Optional<AccessLogs> accessLogs, boolean eventBridge) {

    /** The state bucket as it was before access logs and events could be set: neither. */
    public StateConfig(Backend backend, String bucket, String region, LockMode lock, Optional<String> dynamodbTable) {
        this(backend, bucket, region, lock, dynamodbTable, Optional.empty(), false);
    }

    /**
     * @param bucket an existing bucket in the state bucket's account and region
     * @param prefix the start of every log object's key
     */
    public record AccessLogs(String bucket, String prefix) {}

    public enum Backend implements Named {
        S3,
        /** Local state files: synthesize and plan with no AWS account. Not for shared environments. */
        LOCAL;
    }

    public enum LockMode implements Named {
        /** S3 native locking ({@code use_lockfile}); Terraform 1.10+ / OpenTofu 1.10+. */
        LOCKFILE,
        /** A DynamoDB lock table, for older Terraform versions. */
        DYNAMODB,
        /** Both, while a team moves from DynamoDB to lock files. */
        BOTH;

        public boolean usesLockfile() {
            return this != DYNAMODB;
        }

        public boolean usesDynamodb() {
            return this != LOCKFILE;
        }
    }
}
