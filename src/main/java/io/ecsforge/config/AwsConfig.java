package io.ecsforge.config;

import java.util.Optional;

/**
 * Where the environment lives.
 *
 * @param region AWS region, e.g. us-east-1. Required.
 * @param accountId twelve digits; when set, the provider refuses any other account. @default none
 * @param assumeRoleArn a role the provider assumes. @default the caller's own credentials
 */
public record AwsConfig(String region, Optional<String> accountId, Optional<String> assumeRoleArn) {}
