package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import java.util.Optional;

/**
 * ARNs in one partition, region and account. In a stack the partition and account are usually
 * Terraform references to data sources the stack looked up once ({@link PlatformStack#lookUpArns});
 * outside a stack, where only the configuration is known, {@link #configured} works them out.
 *
 * @param partition {@code aws}, {@code aws-cn}, ...: the second field of every ARN
 * @param region the region regional ARNs name
 * @param account the account id
 */
public record AwsArns(String partition, String region, String account) {
    /** The ARNs of {@code config}'s region, when the configuration names the account. */
    public static Optional<AwsArns> configured(EnvironmentConfig config) {
        String region = config.aws().region();
        return config.aws().accountId().map(account -> new AwsArns(partitionOf(region), region, account));
    }

    /** The AWS partition a region belongs to. */
    public static String partitionOf(String region) {
        if (region.startsWith("cn-")) {
            return "aws-cn";
        }
        if (region.startsWith("us-gov-")) {
            return "aws-us-gov";
        }
        if (region.contains("-isob-")) {
            return "aws-iso-b";
        }
        if (region.contains("-iso-")) {
            return "aws-iso";
        }
        return "aws";
    }

    /** The same account in another region ({@code "*"} for any). */
    public AwsArns inRegion(String otherRegion) {
        return new AwsArns(partition, otherRegion, account);
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>}. */
    public String regional(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + region + ":" + account + ":" + resource;
    }

    /** {@code arn:<partition>:<service>::<account>:<resource>}: IAM and other services without regions. */
    public String global(String service, String resource) {
        return "arn:" + partition + ":" + service + "::" + account + ":" + resource;
    }

    /** {@code arn:<partition>:<service>:::<resource>}: S3 buckets and objects, Route 53 zones. */
    public String unowned(String service, String resource) {
        return "arn:" + partition + ":" + service + ":::" + resource;
    }

    /** The role named {@code name} (see {@link EnvironmentNames#role}). */
    public String role(String name) {
        return global("iam", "role/" + name);
    }

    /** A policy AWS manages, such as {@code ReadOnlyAccess}. */
    public String awsManagedPolicy(String name) {
        return "arn:" + partition + ":iam::aws:policy/" + name;
    }
}
