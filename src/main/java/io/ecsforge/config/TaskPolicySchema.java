package io.ecsforge.config;

import io.ecsforge.config.ServiceConfig.PolicyStatement;
import java.util.List;

/** The statements of {@code service.taskPolicy}, each granted to the task role. */
final class TaskPolicySchema {
    static final Key<Void> SECTION = Key.mappings("service.taskPolicy", "none: the task role has no permissions",
            "each with `actions` and `resources`", "IAM statements granted to the task role.")
            .typed("list of `{actions, resources}`");
    static final Key<List<String>> ACTIONS = Key.strings("service.taskPolicy[].actions", List.of(),
            "at least one, each " + Format.IAM_ACTION.allowed(), "The IAM actions the statement allows.")
            .note("wildcards inside the action such as `s3:Get*` are allowed").defaultText("required");
    static final Key<List<String>> RESOURCES = Key.strings("service.taskPolicy[].resources", List.of(),
            "at least one ARN, not \"*\"", "The ARNs the actions apply to.").defaultText("required");

    static final List<Key<?>> KEYS = List.of(ACTIONS, RESOURCES);

    private TaskPolicySchema() {}

    static PolicyStatement read(Section s) {
        List<String> actions = s.strings(ACTIONS);
        List<String> resources = s.strings(RESOURCES);
        if (actions.isEmpty()) {
            s.problem(ACTIONS, "is required; list the IAM actions the task needs, e.g. [s3:GetObject]");
        }
        for (int i = 0; i < actions.size(); i++) {
            String action = actions.get(i);
            if (!Format.IAM_ACTION.matches(action) || action.endsWith(":*")) {
                s.problem(ACTIONS.name() + "[" + i + "]", "\"" + action + "\" is not allowed; allowed: " + Format.IAM_ACTION.allowed());
            }
        }
        if (resources.isEmpty()) {
            s.problem(RESOURCES, "is required; list the ARNs the actions apply to");
        }
        for (int i = 0; i < resources.size(); i++) {
            if (resources.get(i).equals("*")) {
                s.problem(RESOURCES.name() + "[" + i + "]", "\"*\" is not allowed; allowed: the ARNs the task needs,"
                        + " e.g. arn:aws:s3:::my-bucket/*");
            }
        }
        return new PolicyStatement(actions, resources);
    }
}
