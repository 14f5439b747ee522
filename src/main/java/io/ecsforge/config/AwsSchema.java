package io.ecsforge.config;

import java.util.List;
import java.util.Optional;

/** The {@code aws} section: where the environment lives. */
final class AwsSchema {
    static final Key<String> REGION = Key.required("aws.region", Format.REGION, "e.g. us-east-1",
            "The region of every resource.").note("e.g. `us-east-1`, `eu-west-1`, `us-gov-west-1`");
    static final Key<String> ACCOUNT_ID = Key.string("aws.accountId", null, Format.ACCOUNT_ID,
            "When set, the AWS provider refuses to run against any other account.").typed("quoted string")
            .note("unquoted, YAML reads it as a number and loses a leading zero");
    static final Key<String> ASSUME_ROLE_ARN = Key.string("aws.assumeRoleArn", null, Format.ROLE_ARN,
            "A role the AWS provider assumes.").defaultText("none: the caller's own credentials");
    static final Key<String> PROVIDER_VERSION = Key.string("aws.providerVersion", AwsConfig.DEFAULT_PROVIDER_VERSION,
            Format.PROVIDER_VERSION, "The version constraint on `hashicorp/aws` in every stack's `required_providers`; the"
                    + " committed [lock files](plan-and-apply.md#provider-versions-and-lock-files) pick the exact version"
                    + " within it. Keep it at or above " + AwsConfig.PROVIDER_BINDINGS_VERSION + " and below the next major"
                    + " version: the stacks are built with bindings generated from " + AwsConfig.PROVIDER_BINDINGS_VERSION + ".")
            .defaultText("`\"" + AwsConfig.DEFAULT_PROVIDER_VERSION + "\"`: the provider bindings' version up to the next major");

    static final List<Key<?>> KEYS = List.of(REGION, ACCOUNT_ID, ASSUME_ROLE_ARN, PROVIDER_VERSION);

    private AwsSchema() {}

    static AwsConfig read(Section s) {
        String region = s.requiredString(REGION);
        Optional<String> accountId = Optional.empty();
        if (s.isNumber(ACCOUNT_ID)) {
            // Unquoted, YAML reads the id as a number and a leading zero is lost.
            s.problem(ACCOUNT_ID, s.raw(ACCOUNT_ID) + " is a number; write the account id as a quoted string of 12 digits,"
                    + " e.g. accountId: \"123456789012\"");
        } else {
            accountId = s.optionalString(ACCOUNT_ID);
        }
        Optional<String> role = s.optionalString(ASSUME_ROLE_ARN);
        String providerVersion = s.string(PROVIDER_VERSION);
        s.rejectUnknownKeys();
        return new AwsConfig(region, accountId, role, providerVersion);
    }
}
