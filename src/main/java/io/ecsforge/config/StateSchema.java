package io.ecsforge.config;

import io.ecsforge.config.StateConfig.AccessLogs;
import io.ecsforge.config.StateConfig.Backend;
import io.ecsforge.config.StateConfig.LockMode;
import java.util.List;
import java.util.Optional;

/** The {@code state} section: where Terraform keeps each stack's state. */
final class StateSchema {
    /** What the reference adds to {@link Format#BUCKET}'s words, for every key that names a bucket. */
    static final String BUCKET_NAME_RULES = "starting and ending with a letter or digit; " + Format.BUCKET_RULES;

    static final Key<Backend> BACKEND = Key.choice("state.backend", Backend.S3, "`s3`: state in the bucket the state stack"
            + " creates. `local`: local state files, to synthesize and plan with no AWS account; not for shared environments.");
    static final Key<String> BUCKET = Key.string("state.bucket", null, Format.BUCKET,
            "The state bucket, created by the state stack.").defaultText("required when `backend` is `s3`")
            .note(BUCKET_NAME_RULES);
    static final Key<String> REGION = Key.string("state.region", null, Format.REGION, "The bucket's region.")
            .defaultText("`aws.region`");
    static final Key<LockMode> LOCK = Key.choice("state.lock", LockMode.LOCKFILE, "How concurrent runs are kept apart."
            + " `lockfile`: S3 native locking (Terraform 1.10+ / OpenTofu 1.10+). `dynamodb`: a DynamoDB lock table, for"
            + " older Terraform. `both`: while a team moves from DynamoDB to lock files.");
    static final Key<String> DYNAMODB_TABLE = Key.string("state.dynamodbTable", null, Format.TABLE, "The lock table.")
            .note("required when `lock` is `dynamodb` or `both`, not allowed when it is `lockfile`");

    static final Key<Void> ACCESS_LOGS = Key.mapping("state.accessLogs", "S3 server access logs of the state bucket.")
            .defaultText("none: no access logs");
    static final Key<String> ACCESS_LOGS_BUCKET = Key.string("state.accessLogs.bucket", null, Format.BUCKET,
            "Turns on S3 server access logs of the state bucket: every read and write of state, with who made it,"
                    + " delivered as objects to this existing log bucket. S3 delivers them only to a bucket in the same"
                    + " account and region as the state bucket, whose policy lets the service principal"
                    + " `logging.s3.amazonaws.com` put objects. Costs the log bucket's S3 storage and requests; the"
                    + " delivery itself is free.")
            .defaultText("none: no access logs; required when `accessLogs` is set")
            .note("starting and ending with a letter or digit; " + Format.BUCKET_RULES + "; not the state bucket itself");
    static final Key<String> ACCESS_LOGS_PREFIX = Key.string("state.accessLogs.prefix", null, Format.OBJECT_KEY_PREFIX,
            "Where in the log bucket the logs go; S3 adds the date and time to each log object's name.")
            .defaultText("`<app>/<environment>/state/`");
    static final Key<Boolean> EVENT_BRIDGE = Key.bool("state.eventBridge", false, "Sends every event of the state bucket"
            + " (each state written or deleted) to the account's default EventBridge bus, where a rule can alert on writes"
            + " the pipeline did not make. Events to the default bus cost nothing; the rules and their targets are yours.");

    static final List<Key<?>> KEYS = List.of(BACKEND, BUCKET, REGION, LOCK, DYNAMODB_TABLE, ACCESS_LOGS, ACCESS_LOGS_BUCKET,
            ACCESS_LOGS_PREFIX, EVENT_BRIDGE);

    private StateSchema() {}

    /** What makes a name of the bucket pattern one S3 still refuses, if anything does. */
    private static Optional<String> reservedBucketName(String bucket) {
        if (bucket.contains("..")) {
            return Optional.of("has two periods in a row");
        }
        if (bucket.matches("\\d{1,3}(?:\\.\\d{1,3}){3}")) {
            return Optional.of("is formatted as an IP address");
        }
        return Format.BUCKET_RESERVED_PREFIXES.stream().filter(bucket::startsWith).findFirst().map(p -> "starts with " + p)
                .or(() -> Format.BUCKET_RESERVED_SUFFIXES.stream().filter(bucket::endsWith).findFirst().map(x -> "ends with " + x));
    }

    /**
     * Reports {@code bucket} at {@code key} unless S3 would take it as a bucket's name: of
     * {@link Format#BUCKET}'s form, and none of the names of that form S3 still refuses.
     */
    static void checkBucketName(Section s, Key<String> key, String bucket) {
        if (Format.BUCKET.matches(bucket)) {
            reservedBucketName(bucket).ifPresent(why -> s.problem(key, "\"" + bucket + "\" " + why
                    + ", which S3 refuses; allowed: " + Format.BUCKET.allowed() + ", " + Format.BUCKET_RULES));
        } else {
            Format.BUCKET.check(s, key.name(), bucket);
        }
    }

    /**
     * @param app and {@code aws} name the example in the message when the bucket is missing
     * @param environment names the default prefix of the access logs
     */
    static StateConfig read(Section s, String app, String environment, AwsConfig aws) {
        Backend backend = s.choice(BACKEND);
        String bucket = s.unchecked(BUCKET, "");
        if (backend == Backend.S3 && bucket.isEmpty()) {
            s.problem(BUCKET, "is required when " + BACKEND.path() + " is s3; e.g. " + app + "-tfstate-"
                    + aws.accountId().orElse("<account-id>") + ", or use backend: local");
        } else if (!bucket.isEmpty()) {
            checkBucketName(s, BUCKET, bucket);
        }
        String region = s.string(REGION, aws.region());
        LockMode lock = s.choice(LOCK);
        Optional<String> table = s.optionalString(DYNAMODB_TABLE);
        if (lock.usesDynamodb() && table.isEmpty()) {
            s.problem(DYNAMODB_TABLE, "is required when " + LOCK.path() + " is " + lock.yamlName()
                    + "; name the lock table (e.g. " + app + "-tflock) or use lock: lockfile");
        }
        if (!lock.usesDynamodb() && table.isPresent() && s.ok(LOCK)) {
            s.problem(DYNAMODB_TABLE, "\"" + table.get() + "\" is set but " + LOCK.path() + " is " + lock.yamlName()
                    + ", which uses no table; allowed: lock: dynamodb or both, or no dynamodbTable");
        }
        Optional<AccessLogs> accessLogs = accessLogs(s.section(ACCESS_LOGS), s.has(ACCESS_LOGS), bucket,
                app + "/" + environment + "/state/");
        boolean eventBridge = s.bool(EVENT_BRIDGE);
        s.rejectUnknownKeys();
        return new StateConfig(backend, bucket, region, lock, table, accessLogs, eventBridge);
    }

    /** {@code state.accessLogs}, empty when it is not {@code given}. */
    private static Optional<AccessLogs> accessLogs(Section s, boolean given, String stateBucket, String defaultPrefix) {
        String target = s.unchecked(ACCESS_LOGS_BUCKET, "");
        if (target.isEmpty() && given) {
            s.problem(ACCESS_LOGS_BUCKET, "is required when " + ACCESS_LOGS.path() + " is set; name an existing log bucket"
                    + " in the state bucket's account and region, or leave out " + ACCESS_LOGS.name());
        } else if (!target.isEmpty()) {
            checkBucketName(s, ACCESS_LOGS_BUCKET, target);
            if (target.equals(stateBucket) && s.ok(ACCESS_LOGS_BUCKET)) {
                s.problem(ACCESS_LOGS_BUCKET, "\"" + target + "\" is the state bucket itself, whose every log delivery"
                        + " would be logged again; allowed: another bucket in the same account and region");
            }
        }
        String prefix = s.string(ACCESS_LOGS_PREFIX, defaultPrefix);
        s.rejectUnknownKeys();
        return target.isEmpty() ? Optional.empty() : Optional.of(new AccessLogs(target, prefix));
    }
}
