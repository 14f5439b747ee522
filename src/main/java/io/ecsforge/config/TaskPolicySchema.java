package io.ecsforge.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import java.util.List;

/** The statements of {@code service.taskPolicy}, each granted to the task role. */
final class TaskPolicySchema {
    /** IAM's limit on a role's inline policies together, in characters without whitespace. */
    static final int INLINE_POLICY_LIMIT = 10_240;
    /**
     * What the task role's policy holds beside these statements: its envelope and, with ECS Exec,
     * the statement for the SSM agent's channels (about 200 characters), with room to spare.
     */
    static final int RESERVED = 500;

    static final Key<Void> SECTION = Key.mappings("service.taskPolicy", "none: the task role has no permissions",
            "each with `actions` and `resources`; together up to " + (INLINE_POLICY_LIMIT - RESERVED) + " characters without"
                    + " whitespace (IAM's " + INLINE_POLICY_LIMIT + " for a role's inline policies, less what ecsforge adds)",
            "IAM statements granted to the task role.")
            .typed("list of `{actions, resources}`");
    static final Key<List<String>> ACTIONS = Key.strings("service.taskPolicy[].actions", List.of(),
            "at least one, each " + Format.IAM_ACTION.allowed(), "The IAM actions the statement allows.")
            .note("wildcards inside the action such as `s3:Get*` are allowed").defaultText("required");
    static final Key<List<String>> RESOURCES = Key.strings("service.taskPolicy[].resources", List.of(),
            "at least one ARN (arn:<partition>:<service>:<region>:<account>:<resource>), not \"*\"",
            "The ARNs the actions apply to.").defaultText("required");

    static final List<Key<?>> KEYS = List.of(ACTIONS, RESOURCES);

    private static final ObjectMapper JSON = new ObjectMapper();

    private TaskPolicySchema() {}

    /**
     * The statements' size as IAM counts it: rendered as the provider renders them (a list of
     * one as a plain string), without whitespace.
     */
    static int size(List<PolicyStatement> statements) {
        int size = 0;
        for (int i = 0; i < statements.size(); i++) {
            ObjectNode statement = JSON.createObjectNode();
            statement.put("Sid", "TaskPolicy" + (i + 1));
            statement.put("Effect", "Allow");
            put(statement, "Action", statements.get(i).actions());
            put(statement, "Resource", statements.get(i).resources());
            size += statement.toString().replaceAll("\\s", "").length() + 1;
        }
        return size;
    }

    private static void put(ObjectNode node, String field, List<String> values) {
        if (values.size() == 1) {
            node.put(field, values.get(0));
        } else {
            values.forEach(node.putArray(field)::add);
        }
    }

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
            String resource = resources.get(i);
            if (resource.equals("*")) {
                s.problem(RESOURCES.name() + "[" + i + "]", "\"*\" is not allowed; allowed: the ARNs the task needs,"
                        + " e.g. arn:aws:s3:::my-bucket/*");
            } else if (!Format.RESOURCE_ARN.matches(resource)) {
                // IAM refuses the whole policy: "Resource ... must be in ARN format or \"*\"".
                s.problem(RESOURCES.name() + "[" + i + "]", "\"" + resource + "\" is not an ARN, which IAM refuses;"
                        + " allowed: " + Format.RESOURCE_ARN.allowed());
            }
        }
        return new PolicyStatement(actions, resources);
    }
}
