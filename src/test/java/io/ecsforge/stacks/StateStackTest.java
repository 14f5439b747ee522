package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StateStackTest {
    private final Resources dev = Synthesized.examples().resources("webapp-dev-state");
    private final Resources prod = Synthesized.examples().resources("webapp-prod-state");

    @Test
    void bucketIsNamedFromConfigAndProtectedFromDestroy() {
        JsonNode bucket = dev.resource("aws_s3_bucket", "bucket");
        assertAt(bucket, "bucket", "webapp-tfstate-123456789012");
        assertAt(bucket, "lifecycle.prevent_destroy", true);
    }

    @Test
    void bucketIsVersioned() {
        assertAt(dev.resource("aws_s3_bucket_versioning", "versioning"), "versioning_configuration.status", "Enabled");
    }

    @Test
    void bucketIsEncryptedWithKms() {
        JsonNode encryption = dev.resource("aws_s3_bucket_server_side_encryption_configuration", "encryption");
        assertAt(encryption, "rule[0].apply_server_side_encryption_by_default.sse_algorithm", "aws:kms");
        assertAt(encryption, "rule[0].bucket_key_enabled", true);
    }

    @Test
    void bucketEncryptsByDefaultWithTheStateKey() {
        JsonNode encryption = dev.resource("aws_s3_bucket_server_side_encryption_configuration", "encryption");
        assertAt(encryption, "rule[0].apply_server_side_encryption_by_default.kms_master_key_id",
                "${aws_kms_key.state_kms_key.arn}");
    }

    @Test
    void stateKeyRotatesCanBeRestoredForThirtyDaysAndIsNamedByTheAliasTheBackendsUse() {
        for (Resources environment : List.of(dev, prod)) {
            String env = environment == dev ? "dev" : "prod";
            JsonNode key = environment.resource("aws_kms_key", "state_kms_key");
            assertAt(key, "enable_key_rotation", true);
            assertAt(key, "deletion_window_in_days", 30);
            JsonNode alias = environment.resource("aws_kms_alias", "state_kms_alias");
            assertAt(alias, "name", "alias/webapp-" + env + "-state");
            assertAt(alias, "target_key_id", "${aws_kms_key.state_kms_key.key_id}");
        }
    }

    @Test
    void stateKeyPolicyLetsTheAccountManageTheKeyThroughIamSoNoOneIsLockedOut() {
        assertAt(dev.resource("aws_kms_key", "state_kms_key"), "policy", "${data.aws_iam_policy_document.state_kms_key_policy.json}");
        JsonNode statements = dev.data("aws_iam_policy_document", "state_kms_key_policy").path("statement");
        assertEquals(2, statements.size(), () -> Resources.show(statements));
        JsonNode statement = statements.path(0);
        assertAt(statement, "effect", "Allow");
        assertAt(statement, "actions", List.of("kms:*"));
        assertAt(statement, "resources", List.of("*"));
        assertAt(statement, "principals[0]", Map.of("type", "AWS",
                "identifiers", List.of("arn:${data.aws_partition.partition.partition}:iam::${data.aws_caller_identity.account.account_id}:root")));
    }

    @Test
    void stateKeyPolicyLetsCloudWatchLogsUseTheKeyForThisEnvironmentsThreeLogGroupsOnly() {
        JsonNode statement = prod.data("aws_iam_policy_document", "state_kms_key_policy").path("statement").path(1);
        assertAt(statement, "sid", "CloudWatchLogsUsesTheKeyForThisEnvironmentsLogGroups");
        assertAt(statement, "principals[0]", Map.of("type", "Service", "identifiers", List.of("logs.us-east-1.amazonaws.com")));
        assertAt(statement, "actions", List.of("kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*",
                "kms:Describe*"));
        String groups = "arn:${data.aws_partition.partition.partition}:logs:us-east-1:210987654321:log-group:";
        assertAt(statement, "condition[0]", Map.of("test", "ArnLike", "variable", "kms:EncryptionContext:aws:logs:arn",
                "values", List.of(groups + "/ecs/webapp-prod", groups + "/vpc/webapp-prod/flow-logs",
                        groups + "aws-waf-logs-webapp-prod")));
    }

    @Test
    void withoutAnAccountIdCloudWatchLogsMayUseTheStateKeyForTheCallersAccountsLogGroups() throws IOException {
        String yaml = Files.readString(Repo.config().resolve("dev.yaml")).replace("  accountId: \"123456789012\"\n", "");
        Synthesized noAccount = Synthesized.of(List.of(ConfigLoader.parse("config/dev.yaml", yaml, "dev")));

        JsonNode statement = noAccount.resources("webapp-dev-state").data("aws_iam_policy_document", "state_kms_key_policy")
                .path("statement").path(1);
        assertAt(statement, "condition[0].values[0]", "arn:${data.aws_partition.partition.partition}:logs:us-east-1:"
                + "${data.aws_caller_identity.account.account_id}:log-group:/ecs/webapp-dev");
    }

    @Test
    void everyBackendOfBothEnvironmentsEncryptsStateWithTheStateKeyByItsAliasArn() {
        for (String env : List.of("dev", "prod")) {
            String account = env.equals("dev") ? "123456789012" : "210987654321";
            for (String part : List.of("state", "network", "registry", "access", "cluster", "service", "delivery")) {
                JsonNode backend = Synthesized.examples().stack("webapp-" + env + "-" + part).path("terraform").path("backend");
                assertAt(backend, "s3.encrypt", true);
                assertAt(backend, "s3.kms_key_id", "arn:aws:kms:us-east-1:" + account + ":alias/webapp-" + env + "-state");
            }
        }
    }

    @Test
    void withoutAnAccountIdTheBackendNamesTheKeyByItsAliasResolvedInTheCredentialsAccount() throws IOException {
        String yaml = Files.readString(Repo.config().resolve("dev.yaml")).replace("  accountId: \"123456789012\"\n", "");
        Synthesized noAccount = Synthesized.of(List.of(ConfigLoader.parse("config/dev.yaml", yaml, "dev")));

        assertAt(noAccount.stack("webapp-dev-network"), "terraform.backend.s3.kms_key_id", "alias/webapp-dev-state");
    }

    @Test
    void bucketBlocksEveryKindOfPublicAccess() {
        JsonNode block = dev.resource("aws_s3_bucket_public_access_block", "public_access_block");
        for (String flag : List.of("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets")) {
            assertAt(block, flag, true);
        }
    }

    @Test
    void bucketPolicyDeniesRequestsWithoutTls() {
        JsonNode statement = dev.data("aws_iam_policy_document", "tls_only").path("statement").path(0);
        assertAt(statement, "effect", "Deny");
        assertAt(statement, "condition[0]", Map.of("test", "Bool", "variable", "aws:SecureTransport", "values", List.of("false")));
        assertAt(dev.resource("aws_s3_bucket_policy", "policy"), "policy", "${data.aws_iam_policy_document.tls_only.json}");
    }

    @Test
    void lifecycleExpiresOldVersionsAndLeftoverLockMarkers() {
        JsonNode rules = dev.resource("aws_s3_bucket_lifecycle_configuration", "lifecycle").path("rule");
        assertAt(rules, "[0].noncurrent_version_expiration.noncurrent_days", 90);
        assertAt(rules, "[1].expiration.expired_object_delete_marker", true);
    }

    @Test
    void stateStackKeepsItsStateInTheBucketItCreatesUnderItsOwnKey() {
        JsonNode backend = dev.json().path("terraform").path("backend");
        assertAt(backend, "s3.bucket", "webapp-tfstate-123456789012");
        assertAt(backend, "s3.key", "webapp/dev/state.tfstate");
        assertAt(backend, "s3.encrypt", true);
        assertAt(backend, "s3.use_lockfile", true);
        assertFalse(backend.has("local"), () -> Resources.show(backend));
    }

    @Test
    void stateStackHasTheOtherStacksBackendSettingsButItsKey() {
        for (Resources environment : List.of(dev, prod)) {
            String name = environment == dev ? "webapp-dev-network" : "webapp-prod-network";
            JsonNode network = Synthesized.examples().stack(name).path("terraform").path("backend").path("s3").deepCopy();
            JsonNode state = environment.json().path("terraform").path("backend").path("s3").deepCopy();
            ((ObjectNode) network).remove("key");
            ((ObjectNode) state).remove("key");

            assertEquals(network, state, () -> "the state stack's S3 backend differs from " + name + "'s beyond its key");
        }
    }

    @Test
    void withLocalStateTheStateStackKeepsItsStateUnderTfstateLikeEveryStack() throws IOException {
        String yaml = Files.readString(Repo.config().resolve("dev.yaml")).replace("  backend: s3\n", "  backend: local\n");
        Synthesized local = Synthesized.of(List.of(ConfigLoader.parse("config/dev.yaml", yaml, "dev")));

        assertAt(local.stack("webapp-dev-state"), "terraform.backend.local.path", "../../../.tfstate/webapp/dev/state.tfstate");
        assertAt(local.stack("webapp-dev-network"), "terraform.backend.local.path",
                "../../../.tfstate/webapp/dev/network.tfstate");
    }

    @Test
    void lockTableExistsOnlyWhenDynamodbLockingIsConfigured() {
        assertEquals(0, dev.count("aws_dynamodb_table"), () -> Resources.show(dev.json().path("resource")));
        JsonNode table = prod.resource("aws_dynamodb_table", "lock_table");
        assertAt(table, "name", "webapp-tflock");
        assertAt(table, "billing_mode", "PAY_PER_REQUEST");
        assertAt(table, "hash_key", "LockID");
        assertAt(table, "point_in_time_recovery.enabled", true);
        assertAt(table, "lifecycle.prevent_destroy", true);
    }

    @Test
    void lockTableIsEncryptedWithTheStateKey() {
        JsonNode table = prod.resource("aws_dynamodb_table", "lock_table");
        assertAt(table, "server_side_encryption.enabled", true);
        assertAt(table, "server_side_encryption.kms_key_arn", "${aws_kms_key.state_kms_key.arn}");
    }

    @Test
    void prodLogsStateAccessToItsLogBucketUnderItsPrefix() {
        JsonNode logging = prod.resource("aws_s3_bucket_logging", "access_logs");
        assertAt(logging, "bucket", "${aws_s3_bucket.bucket.id}");
        assertAt(logging, "target_bucket", "webapp-logs-210987654321");
        assertAt(logging, "target_prefix", "state/prod/");
    }

    @Test
    void accessLogsWithoutAPrefixGoUnderTheAppAndEnvironment() throws IOException {
        String yaml = Files.readString(Repo.config().resolve("dev.yaml"))
                .replace("  lock: lockfile\n", "  lock: lockfile\n  accessLogs:\n    bucket: webapp-logs-123456789012\n");
        Synthesized logged = Synthesized.of(List.of(ConfigLoader.parse("config/dev.yaml", yaml, "dev")));

        assertAt(logged.resources("webapp-dev-state").resource("aws_s3_bucket_logging", "access_logs"), "target_prefix",
                "webapp/dev/state/");
    }

    @Test
    void devWithoutAccessLogsOrEventBridgeHasNeither() {
        assertEquals(0, dev.count("aws_s3_bucket_logging"), () -> Resources.show(dev.json().path("resource")));
        assertEquals(0, dev.count("aws_s3_bucket_notification"), () -> Resources.show(dev.json().path("resource")));
    }

    @Test
    void prodSendsTheStateBucketsEventsToEventBridge() {
        JsonNode events = prod.resource("aws_s3_bucket_notification", "events");
        assertAt(events, "bucket", "${aws_s3_bucket.bucket.id}");
        assertAt(events, "eventbridge", true);
    }

    @Test
    void providerTagsEveryResourceAndIsPinnedToTheConfiguredAccount() {
        JsonNode provider = dev.json().path("provider").path("aws").path(0);
        assertAt(provider, "region", "us-east-1");
        assertAt(provider, "allowed_account_ids", List.of("123456789012"));
        assertAt(provider, "default_tags[0].tags",
                Map.of("app", "webapp", "environment", "dev", "managed-by", "ecsforge", "Team", "platform"));
    }

    @Test
    void providerAssumesTheConfiguredRole() {
        assertAt(prod.json().path("provider").path("aws").path(0), "assume_role[0].role_arn",
                "arn:aws:iam::210987654321:role/platform-admin");
    }
}
