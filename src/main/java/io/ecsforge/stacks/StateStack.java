package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformResourceLifecycle;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTable;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableAttribute;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTablePointInTimeRecovery;
import com.hashicorp.cdktf.providers.aws.dynamodb_table.DynamodbTableServerSideEncryption;
import com.hashicorp.cdktf.providers.aws.kms_alias.KmsAlias;
import com.hashicorp.cdktf.providers.aws.kms_key.KmsKey;
import com.hashicorp.cdktf.providers.aws.s3_bucket.S3Bucket;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfiguration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRule;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleFilter;
import com.hashicorp.cdktf.providers.aws.s3_bucket_lifecycle_configuration.S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration;
import com.hashicorp.cdktf.providers.aws.s3_bucket_logging.S3BucketLoggingA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_notification.S3BucketNotification;
import com.hashicorp.cdktf.providers.aws.s3_bucket_policy.S3BucketPolicy;
import com.hashicorp.cdktf.providers.aws.s3_bucket_public_access_block.S3BucketPublicAccessBlock;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_server_side_encryption_configuration.S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningA;
import com.hashicorp.cdktf.providers.aws.s3_bucket_versioning.S3BucketVersioningVersioningConfiguration;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.StateConfig;
import java.util.List;
import software.constructs.Construct;

/**
 * The bucket (and, when configured, the DynamoDB table) that holds every stack's state, its own
 * included: its JSON names the same S3 backend as the other stacks, with its own key, so that
 * Terraform run on it (by ecsforge or {@code npx cdktf deploy}) finds its state in the bucket.
 * The bucket does not exist before the first apply; {@code ecsforge bootstrap} makes that apply on
 * local state and then moves the state into the bucket.
 */
public final class StateStack extends PlatformStack {
    /** Days a replaced state version is kept: enough to roll back a bad apply found late. */
    static final int NONCURRENT_VERSION_DAYS = 90;
    /**
     * Days a deleted state key can still be restored (KMS's longest): state encrypted with it is
     * unreadable once it is gone, so a mistaken deletion must have time to be noticed.
     */
    static final int KEY_DELETION_WINDOW_DAYS = 30;

    public StateStack(Construct scope, EnvironmentConfig config) {
        super(scope, config, EnvironmentNames.STATE);
        StateConfig state = config.state();
        TerraformResourceLifecycle keep = TerraformResourceLifecycle.builder().preventDestroy(true).build();

        S3Bucket bucket = S3Bucket.Builder.create(this, "bucket")
                .bucket(names().stateBucket())
                .lifecycle(keep)
                .build();
        S3BucketVersioningA.Builder.create(this, "versioning")
                .bucket(bucket.getId())
                .versioningConfiguration(S3BucketVersioningVersioningConfiguration.builder().status("Enabled").build())
                .build();
        KmsKey key = encryptionKey();
        encryptAndBlockPublicAccess(bucket, key);
        allowOnlyTls(bucket);
        expireOldVersions(bucket);
        state.accessLogs().ifPresent(logs -> logAccess(bucket, logs));
        if (state.eventBridge()) {
            sendEventsToEventBridge(bucket);
        }

        TerraformOutput.Builder.create(this, "bucket_name").value(bucket.getBucket()).build();
        TerraformOutput.Builder.create(this, "bucket_arn").value(bucket.getArn()).build();
        TerraformOutput.Builder.create(this, "state_kms_key_arn").value(key.getArn()).build();

        names().lockTable().filter(table -> state.lock().usesDynamodb()).ifPresent(tableName -> lockTable(tableName, key, keep));
    }

    /**
     * The key every state object is encrypted with, under the alias the backends name it by
     * ({@link EnvironmentNames#stateKeyAlias}). Its policy is KMS's default one: the account may
     * use and manage it, through IAM, so no principal can be locked out of it and the roles that
     * read and write state are granted it in their own policies ({@link StateAccess},
     * {@link InfraPermissions}). Beside it, CloudWatch Logs may use the key for this
     * environment's log groups, which {@code service.logKmsKey} (the container's and, with
     * {@code loadBalancer.waf: managed}, the web ACL's) and {@code network.flowLogKmsKey} may put
     * under it: always, so that choosing the state key for a group later needs no second bootstrap.
     */
    private KmsKey encryptionKey() {
        AwsArns arns = lookUpArns("account");
        String region = config().aws().region();
        AwsArns logs = new AwsArns(arns.partition(), region, config().aws().accountId().orElse(arns.account()));
        DataAwsIamPolicyDocument policy = PolicyBuilder.document(this, "state_kms_key_policy", List.of(
                PolicyBuilder.allow("AccountUsesAndManagesTheKeyThroughIam")
                        .principal("AWS", arns.global("iam", "root"))
                        .actions("kms:*")
                        .resources("*")
                        .build(),
                // CloudWatch Logs names the group in the encryption context of every request it makes.
                PolicyBuilder.allow("CloudWatchLogsUsesTheKeyForThisEnvironmentsLogGroups")
                        .principal("Service", "logs." + region + ".amazonaws.com")
                        .actions("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*")
                        .resources("*")
                        .when("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                                logs.regional("logs", "log-group:" + names().serviceLogGroup()),
                                logs.regional("logs", "log-group:" + names().flowLogGroup()),
                                logs.regional("logs", "log-group:" + names().webAclLogGroup()))
                        .build()));
        KmsKey key = KmsKey.Builder.create(this, "state_kms_key")
                .description("Encrypts the Terraform state of " + names().prefix())
                .enableKeyRotation(true)
                .deletionWindowInDays(KEY_DELETION_WINDOW_DAYS)
                .policy(policy.getJson())
                .build();
        KmsAlias.Builder.create(this, "state_kms_alias")
                .name(names().stateKmsAlias())
                .targetKeyId(key.getKeyId())
                .build();
        return key;
    }

    /**
     * KMS encryption by default with the state key (and a bucket key, fewer KMS calls), and no
     * public access of any kind. The backends ask for the same key on every write.
     */
    private void encryptAndBlockPublicAccess(S3Bucket bucket, KmsKey key) {
        S3BucketServerSideEncryptionConfigurationA.Builder.create(this, "encryption")
                .bucket(bucket.getId())
                .rule(List.of(S3BucketServerSideEncryptionConfigurationRuleA.builder()
                        .applyServerSideEncryptionByDefault(
                                S3BucketServerSideEncryptionConfigurationRuleApplyServerSideEncryptionByDefaultA.builder()
                                        .sseAlgorithm("aws:kms")
                                        .kmsMasterKeyId(key.getArn())
                                        .build())
                        .bucketKeyEnabled(true)
                        .build()))
                .build();
        S3BucketPublicAccessBlock.Builder.create(this, "public_access_block")
                .bucket(bucket.getId())
                .blockPublicAcls(true)
                .blockPublicPolicy(true)
                .ignorePublicAcls(true)
                .restrictPublicBuckets(true)
                .build();
    }

    /** State travels over TLS only: every other request is denied. */
    private void allowOnlyTls(S3Bucket bucket) {
        DataAwsIamPolicyDocument tlsOnly = PolicyBuilder.document(this, "tls_only", List.of(PolicyBuilder.deny("DenyInsecureTransport")
                .principal("*", "*")
                .actions("s3:*")
                .resources(bucket.getArn(), bucket.getArn() + "/*")
                .when("Bool", "aws:SecureTransport", "false")
                .build()));
        S3BucketPolicy.Builder.create(this, "policy")
                .bucket(bucket.getId())
                .policy(tlsOnly.getJson())
                .build();
    }

    private void expireOldVersions(S3Bucket bucket) {
        // Lock objects (<key>.tflock) are deleted on unlock; in a versioned bucket that leaves
        // delete markers and old versions, which these rules clear along with old state versions.
        S3BucketLifecycleConfiguration.Builder.create(this, "lifecycle")
                .bucket(bucket.getId())
                .rule(List.of(
                        S3BucketLifecycleConfigurationRule.builder()
                                .id("expire-old-state-versions")
                                .status("Enabled")
                                .filter(S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build())
                                .noncurrentVersionExpiration(
                                        S3BucketLifecycleConfigurationRuleNoncurrentVersionExpiration.builder()
                                                .noncurrentDays(NONCURRENT_VERSION_DAYS).build())
                                .abortIncompleteMultipartUpload(
                                        S3BucketLifecycleConfigurationRuleAbortIncompleteMultipartUpload.builder()
                                                .daysAfterInitiation(7).build())
                                .build(),
                        S3BucketLifecycleConfigurationRule.builder()
                                .id("remove-expired-delete-markers")
                                .status("Enabled")
                                .filter(S3BucketLifecycleConfigurationRuleFilter.builder().prefix("").build())
                                .expiration(S3BucketLifecycleConfigurationRuleExpiration.builder()
                                        .expiredObjectDeleteMarker(true).build())
                                .build()))
                .build();
    }

    /**
     * Server access logs: each request to the state, with its requester, in the log bucket. S3
     * writes them with its own service principal, which the log bucket's policy admits; nothing
     * here may change that bucket, which belongs to whoever keeps the account's logs.
     */
    private void logAccess(S3Bucket bucket, StateConfig.AccessLogs logs) {
        S3BucketLoggingA.Builder.create(this, "access_logs")
                .bucket(bucket.getId())
                .targetBucket(logs.bucket())
                .targetPrefix(logs.prefix())
                .build();
    }

    /**
     * Every object event of the bucket to the account's default EventBridge bus, where a rule can
     * match a state written or deleted by anyone but the pipeline's roles.
     */
    private void sendEventsToEventBridge(S3Bucket bucket) {
        S3BucketNotification.Builder.create(this, "events")
                .bucket(bucket.getId())
                .eventbridge(true)
                .build();
    }

    /**
     * The DynamoDB lock table, for Terraform versions that lock there, under the state key like the
     * state itself: its items name every state object and hold their digests. DynamoDB asks KMS
     * for the table key with the caller's own rights, which the roles that lock already hold on the
     * state key (kms:Decrypt, {@link StateAccess}, {@link InfraPermissions}); changing a table's key
     * is an update in place, so an existing table is kept.
     */
    private void lockTable(String tableName, KmsKey key, TerraformResourceLifecycle keep) {
        DynamodbTable table = DynamodbTable.Builder.create(this, "lock_table")
                .name(tableName)
                .billingMode("PAY_PER_REQUEST")
                .hashKey("LockID")
                .attribute(List.of(DynamodbTableAttribute.builder().name("LockID").type("S").build()))
                .pointInTimeRecovery(DynamodbTablePointInTimeRecovery.builder().enabled(true).build())
                .serverSideEncryption(DynamodbTableServerSideEncryption.builder().enabled(true).kmsKeyArn(key.getArn()).build())
                .deletionProtectionEnabled(true)
                .lifecycle(keep)
                .build();
        TerraformOutput.Builder.create(this, "lock_table_name").value(table.getName()).build();
    }
}
