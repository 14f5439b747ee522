package io.ecsforge.config;

import java.util.Optional;

/**
 * The keys that put a log group under a customer-managed KMS key ({@code service.logKmsKey},
 * {@code network.flowLogKmsKey}): one declaration and one check for both.
 */
final class LogKmsKeys {
    private LogKmsKeys() {}

    /** The key of {@code group}, declared with what it costs. */
    static Key<String> key(String path, String group) {
        return Key.string(path, null, Format.LOG_KMS_KEY, "Encrypts " + group + " with a customer-managed KMS key: `"
                + EnvironmentConfig.STATE_KEY + "`, the environment's state key (`alias/<app>-<env>-state`, whose policy lets"
                + " CloudWatch Logs use it for this environment's log groups only), or the ARN of a key of your own, whose"
                + " policy must let `logs.<region>.amazonaws.com` use it. Whoever may decrypt with the key may read the"
                + " logs; a disabled or deleted key makes them unreadable. Costs KMS requests (CloudWatch Logs caches"
                + " data keys, so few); the state key costs nothing more. On a state key made before this setting"
                + " existed, run `ecsforge bootstrap` once first, which adds CloudWatch Logs to its policy.")
                .defaultText("none: CloudWatch Logs' own encryption")
                .note("a key in `aws.region`, and in `aws.accountId` when it is set");
    }

    /** {@code key} as given, of the right form, and of the environment's region and account when those are the user's own. */
    static Optional<String> read(Section s, Key<String> key, AwsConfig aws, boolean awsOk) {
        Optional<String> value = s.optionalString(key);
        if (value.isEmpty() || value.get().equals(EnvironmentConfig.STATE_KEY) || !s.ok(key) || !awsOk) {
            return value;
        }
        String[] parts = value.get().split(":", 6);
        String region = parts[3];
        String account = parts[4];
        if (!region.equals(aws.region())) {
            s.problem(key, "\"" + value.get() + "\" is in " + region + "; allowed: a key in aws.region (" + aws.region()
                    + "), where CloudWatch Logs keeps the group");
        } else if (aws.accountId().filter(id -> !id.equals(account)).isPresent()) {
            s.problem(key, "\"" + value.get() + "\" is in account " + account + "; allowed: a key in aws.accountId ("
                    + aws.accountId().get() + ")");
        }
        return value;
    }
}
