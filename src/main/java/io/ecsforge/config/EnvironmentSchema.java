package io.ecsforge.config;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The top level of an environment file: the names, the sections and the extra tags. */
final class EnvironmentSchema {
    /** cdktf.out/&lt;env&gt;/ holds an environment's release files, beside cdktf's own cdktf.out/stacks/. */
    static final List<String> RESERVED_ENVIRONMENTS = List.of("stacks", "assets");

    static final Key<String> APP = Key.required("app", Format.APP_NAME, "a name like webapp",
            "Application name. With `environment` it prefixes every stack and resource name (`webapp-dev-network`).");
    static final Key<String> ENVIRONMENT = Key.required("environment", Format.ENV_NAME, "the environment's name",
            "Environment name.").note("must equal the file name; not " + String.join(" or ", RESERVED_ENVIRONMENTS) + ", the names of cdktf's own output folders");
    static final Key<Void> AWS = Key.mapping("aws", "Where the environment lives.").defaultText("—");
    static final Key<Void> STATE = Key.mapping("state", "Where Terraform keeps each stack's state.").defaultText("—");
    static final Key<Void> NETWORK = Key.mapping("network", "The VPC.");
    static final Key<Void> REGISTRY = Key.mapping("registry", "The ECR repository.");
    static final Key<Void> GITHUB = Key.mapping("github", "GitHub Actions access through OIDC.").defaultText("—");
    static final Key<Void> CLUSTER = Key.mapping("cluster", "The ECS cluster.");
    static final Key<Void> SERVICE = Key.mapping("service", "The container service.");
    static final Key<Void> LOAD_BALANCER = Key.mapping("loadBalancer", "The Application Load Balancer.");
    static final Key<Void> DEPLOYMENT = Key.mapping("deployment", "How CodeDeploy shifts traffic to a new version.");
    static final Key<Void> TAGS = Key.map("tags", "up to " + Tags.MAX_EXTRA + "; keys: " + Format.TAG_KEY.allowed() + ", not " + String.join(", ", Tags.OWN)
            + "; values: " + Format.TAG_VALUE.allowed(), "Extra tags on every resource, beside `app`, `environment` and"
            + " `managed-by: ecsforge`, which ecsforge sets itself.");

    static final List<Key<?>> KEYS = List.of(APP, ENVIRONMENT, AWS, STATE, NETWORK, REGISTRY, GITHUB, CLUSTER, SERVICE,
            LOAD_BALANCER, DEPLOYMENT, TAGS);

    private EnvironmentSchema() {}

    /** The extra tags, each checked against what AWS accepts and what ecsforge sets itself. */
    static Map<String, String> tags(Section root) {
        Map<String, String> tags = root.stringMap(TAGS);
        tags.forEach((key, value) -> tag(root, key, value));
        if (tags.size() > Tags.MAX_EXTRA) {
            root.problem(TAGS.name(), tags.size() + " tags are too many: AWS allows " + Tags.PER_RESOURCE + " on a resource,"
                    + " and ecsforge sets " + (Tags.PER_RESOURCE - Tags.MAX_EXTRA) + " itself (" + String.join(", ", Tags.OWN)
                    + " and Name); allowed: up to " + Tags.MAX_EXTRA);
        }
        return tags;
    }

    private static void tag(Section root, String key, String value) {
        String path = TAGS.name() + "." + key;
        if (Tags.OWN.contains(key)) {
            root.problem(path, "is set by ecsforge on every resource; allowed: a key other than app, environment and managed-by");
        } else if (!Format.TAG_KEY.matches(key) || key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
            root.problem(path, "\"" + key + "\" is not a tag key; allowed: " + Format.TAG_KEY.allowed());
        } else if (!Format.TAG_VALUE.matches(value)) {
            root.problem(path, "\"" + value + "\" is not a tag value; allowed: " + Format.TAG_VALUE.allowed());
        }
    }

    /** The tags ecsforge sets on every resource, which the file may not set. */
    private static final class Tags {
        static final List<String> OWN = List.of("app", "environment", "managed-by");
        /** AWS's limit on the tags of one resource. */
        static final int PER_RESOURCE = 50;
        /** What the file may add: the stacks set {@link #OWN} on every resource and a Name tag on many. */
        static final int MAX_EXTRA = PER_RESOURCE - OWN.size() - 1;
    }
}
