package io.ecsforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The policy documents of a synthesized stack as the IAM JSON policies AWS would store, for a
 * linter that reads IAM JSON: Terraform's form of a data aws_iam_policy_document is rewritten
 * into Version/Statement/Sid/Effect/Action/Principal/Condition, and every Terraform reference
 * is replaced by a realistic value of the environment (its partition, account, region, and the
 * ARN a resource of the stack will have), so that ARN formats can be checked. A reference this
 * class cannot stand in for is an error that names it, never a value left in place: a linter
 * would then judge a string no AWS policy contains.
 */
public final class IamPolicies {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String VERSION = "2012-10-17";
    /** {@code ${expression}}, and Terraform's escape {@code $${...}} for a literal IAM policy variable. */
    private static final Pattern REFERENCE = Pattern.compile("(\\$?)\\$\\{([^}]*)}");
    private static final Pattern PARTITION = Pattern.compile("data\\.aws_partition\\.[\\w-]+\\.partition");
    private static final Pattern ACCOUNT_ID = Pattern.compile("data\\.aws_caller_identity\\.[\\w-]+\\.account_id");
    private static final Pattern REMOTE_OUTPUT = Pattern.compile("data\\.terraform_remote_state\\.([\\w-]+)\\.outputs\\.([\\w-]+)");
    private static final Pattern RESOURCE_ARN = Pattern.compile("([a-z0-9_]+)\\.([\\w-]+)\\.arn");
    /** cdktf names the remote state of a cross-stack reference after the stack that outputs it. */
    private static final String CROSS_STACK_INPUT = "cross-stack-reference-input-";
    private static final Set<String> DOCUMENT_ATTRIBUTES = Set.of("//", "statement", "version", "policy_id");
    private static final Set<String> STATEMENT_ATTRIBUTES = Set.of("sid", "effect", "actions", "not_actions",
            "resources", "not_resources", "principals", "not_principals", "condition");

    /** What a policy is attached as; it decides what the linter can judge in it. */
    public enum Kind {
        /** Attached to a role, user or group: grants its holder the actions on the resources. */
        IDENTITY,
        /** Attached to a resource (a bucket policy): names the principals it applies to. */
        RESOURCE,
        /**
         * A role's assume_role_policy: who may assume the role. It has no Resource element, as the
         * role itself is the resource, so each statement is given the ARNs of the roles it is on.
         */
        TRUST
    }

    /**
     * One environment's values for what Terraform only learns at apply time.
     *
     * @param stackNamed the synthesized cdk.tf.json of a stack, for references across stacks
     */
    public record Environment(String partition, String region, String accountId, Function<String, JsonNode> stackNamed) {}

    /**
     * @param where {@link PolicyDocuments.Document#where()}
     * @param document the IAM JSON policy
     */
    public record Policy(String where, Kind kind, ObjectNode document) {
        public String json() {
            return document.toPrettyString();
        }
    }

    private IamPolicies() {}

    /** Every policy document of the stack named {@code stackName}, in the order PolicyDocuments finds them. */
    public static List<Policy> of(String stackName, Environment environment) {
        JsonNode stack = environment.stackNamed().apply(stackName);
        References references = new References(environment);
        List<Policy> policies = new ArrayList<>();
        for (PolicyDocuments.Document document : PolicyDocuments.documents(stack)) {
            String where = stackName + " " + document.where();
            ObjectNode policy = document.terraformForm() ? fromTerraform(document.node(), where) : document.node().deepCopy();
            Kind kind = kind(document, policy);
            if (kind == Kind.TRUST) {
                addRolesAsResource(policy, document.usedBy(), where);
            }
            policies.add(new Policy(document.where(), kind, (ObjectNode) references.substitute(policy, stackName, where)));
        }
        return policies;
    }

    private static Kind kind(PolicyDocuments.Document document, JsonNode policy) {
        if (document.usedBy().stream().anyMatch(use -> use.startsWith("aws_iam_role.") && use.endsWith(".assume_role_policy"))) {
            return Kind.TRUST;
        }
        for (JsonNode statement : statements(policy)) {
            if (statement.has("Principal") || statement.has("NotPrincipal")) {
                return Kind.RESOURCE;
            }
        }
        return Kind.IDENTITY;
    }

    /** The statement objects: IAM JSON allows one statement without a list around it. */
    private static List<ObjectNode> statements(JsonNode policy) {
        JsonNode list = policy.path("Statement");
        List<ObjectNode> statements = new ArrayList<>();
        for (JsonNode statement : list.isArray() ? list : List.of(list)) {
            if (statement.isObject()) {
                statements.add((ObjectNode) statement);
            }
        }
        return statements;
    }

    private static void addRolesAsResource(ObjectNode policy, List<String> usedBy, String where) {
        ArrayNode roles = NODES.arrayNode();
        for (String use : usedBy) {
            if (!use.endsWith(".assume_role_policy")) {
                throw new AssertionError(where + " is both a trust policy and a " + use + "; lint them apart");
            }
            roles.add("${" + use.substring(0, use.length() - ".assume_role_policy".length()) + ".arn}");
        }
        for (ObjectNode statement : statements(policy)) {
            if (!statement.has("Resource") && !statement.has("NotResource")) {
                statement.set("Resource", roles.deepCopy());
            }
        }
    }

    /** Terraform's aws_iam_policy_document, as the provider renders it into IAM JSON. */
    static ObjectNode fromTerraform(JsonNode block, String where) {
        unexpected(block, DOCUMENT_ATTRIBUTES, where);
        ObjectNode policy = NODES.objectNode();
        policy.put("Version", block.path("version").asText(VERSION));
        if (block.has("policy_id")) {
            policy.set("Id", block.get("policy_id"));
        }
        ArrayNode statements = policy.putArray("Statement");
        for (JsonNode from : block.path("statement")) {
            unexpected(from, STATEMENT_ATTRIBUTES, where + " statement " + from);
            ObjectNode statement = statements.addObject();
            if (!from.path("sid").asText("").isEmpty()) {
                statement.set("Sid", from.get("sid"));
            }
            statement.put("Effect", from.path("effect").asText("Allow"));
            copy(from, "actions", statement, "Action");
            copy(from, "not_actions", statement, "NotAction");
            copy(from, "resources", statement, "Resource");
            copy(from, "not_resources", statement, "NotResource");
            principals(from, "principals", statement, "Principal", where);
            principals(from, "not_principals", statement, "NotPrincipal", where);
            if (from.has("condition")) {
                ObjectNode conditions = statement.putObject("Condition");
                for (JsonNode condition : from.get("condition")) {
                    ObjectNode test = conditions.has(condition.path("test").asText())
                            ? (ObjectNode) conditions.get(condition.path("test").asText())
                            : conditions.putObject(condition.path("test").asText());
                    if (test.has(condition.path("variable").asText())) {
                        throw new AssertionError(where + ": two conditions " + condition.path("test").asText() + " on "
                                + condition.path("variable").asText() + ", which one IAM JSON policy cannot hold");
                    }
                    test.set(condition.path("variable").asText(), single(condition.path("values")));
                }
            }
        }
        // aws_iam_policy_document writes an IAM policy variable as &{aws:username}, so that
        // Terraform leaves it alone; the JSON it renders has ${aws:username}.
        return (ObjectNode) map(policy, text -> text.replace("&{", "${"));
    }

    /**
     * The provider renders a list of one action, resource, principal or condition value as that
     * one string, and linters have read only that form: parliament 1.6.4 fails on a Bool condition
     * whose value is a list.
     */
    private static JsonNode single(JsonNode list) {
        return list.isArray() && list.size() == 1 ? list.get(0) : list;
    }

    private static void unexpected(JsonNode node, Set<String> known, String where) {
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!known.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new AssertionError(where + ": cannot turn " + unknown + " into IAM JSON (known: " + known
                    + "); teach " + IamPolicies.class.getSimpleName() + " how the provider renders them");
        }
    }

    private static void copy(JsonNode from, String field, ObjectNode to, String element) {
        if (from.has(field)) {
            to.set(element, single(from.get(field)));
        }
    }

    /** {@code principals [{type, identifiers}]} -> {@code {"AWS": [...], "Service": [...]}}, or "*" for type and identifier "*". */
    private static void principals(JsonNode from, String field, ObjectNode to, String element, String where) {
        if (!from.has(field)) {
            return;
        }
        ObjectNode principal = NODES.objectNode();
        for (JsonNode block : from.get(field)) {
            String type = block.path("type").asText();
            if (type.equals("*")) {
                if (from.get(field).size() != 1 || !block.path("identifiers").equals(NODES.arrayNode().add("*"))) {
                    throw new AssertionError(where + ": principal type \"*\" must stand alone with identifiers [\"*\"]: " + from);
                }
                to.put(element, "*");
                return;
            }
            ArrayNode identifiers = principal.has(type) ? (ArrayNode) principal.get(type) : principal.putArray(type);
            block.path("identifiers").forEach(identifiers::add);
        }
        ObjectNode rendered = to.putObject(element);
        principal.properties().forEach(type -> rendered.set(type.getKey(), single(type.getValue())));
    }

    private static JsonNode map(JsonNode node, Function<String, String> change) {
        if (node.isTextual()) {
            return TextNode.valueOf(change.apply(node.asText()));
        }
        if (node.isArray()) {
            ArrayNode array = NODES.arrayNode();
            node.forEach(item -> array.add(map(item, change)));
            return array;
        }
        if (node.isObject()) {
            ObjectNode object = NODES.objectNode();
            node.properties().forEach(field -> object.set(field.getKey(), map(field.getValue(), change)));
            return object;
        }
        return node;
    }

    /** Stands in realistic values for Terraform references, in the context of one stack. */
    private static final class References {
        /** The ARN each resource type will have, from the attributes written in the stack. */
        private static final Map<String, ArnFormat> ARNS = Map.of(
                "aws_iam_role", (r, e) -> "arn:" + e.partition() + ":iam::" + e.accountId() + ":role" + r.apply("path", "/") + r.apply("name", null),
                "aws_iam_openid_connect_provider", (r, e) -> "arn:" + e.partition() + ":iam::" + e.accountId() + ":oidc-provider/"
                        + r.apply("url", null).replaceFirst("^https://", ""),
                "aws_cloudwatch_log_group", (r, e) -> "arn:" + e.partition() + ":logs:" + e.region() + ":" + e.accountId() + ":log-group:"
                        + r.apply("name", null),
                "aws_s3_bucket", (r, e) -> "arn:" + e.partition() + ":s3:::" + r.apply("bucket", null),
                "aws_ecr_repository", (r, e) -> "arn:" + e.partition() + ":ecr:" + e.region() + ":" + e.accountId() + ":repository/"
                        + r.apply("name", null));

        /** An ARN from a resource's attributes: {@code attribute.apply(name, default)}, default null for a required one. */
        private interface ArnFormat {
            String arn(BiFunction<String, String, String> attribute, Environment environment);
        }

        private final Environment environment;
        private final Map<String, JsonNode> stacks = new LinkedHashMap<>();

        References(Environment environment) {
            this.environment = environment;
        }

        JsonNode substitute(JsonNode policy, String stackName, String where) {
            return map(policy, text -> resolve(text, stackName, where));
        }

        private JsonNode stack(String name) {
            return stacks.computeIfAbsent(name, environment.stackNamed());
        }

        private String resolve(String text, String stackName, String where) {
            Matcher matcher = REFERENCE.matcher(text);
            StringBuilder resolved = new StringBuilder();
            while (matcher.find()) {
                String value = matcher.group(1).isEmpty()
                        ? resolve(expression(matcher.group(2), stackName, where), stackName, where)
                        : "${" + matcher.group(2) + "}";
                matcher.appendReplacement(resolved, Matcher.quoteReplacement(value));
            }
            matcher.appendTail(resolved);
            return resolved.toString();
        }

        private String expression(String expression, String stackName, String where) {
            if (PARTITION.matcher(expression).matches()) {
                return environment.partition();
            }
            if (ACCOUNT_ID.matcher(expression).matches()) {
                return environment.accountId();
            }
            Matcher output = REMOTE_OUTPUT.matcher(expression);
            if (output.matches() && output.group(1).startsWith(CROSS_STACK_INPUT)) {
                String producer = output.group(1).substring(CROSS_STACK_INPUT.length());
                JsonNode value = stack(producer).path("output").path(output.group(2)).path("value");
                if (!value.isTextual()) {
                    throw unknown(expression, where, "stack " + producer + " has no output " + output.group(2));
                }
                return resolve(value.asText(), producer, where + " via output " + output.group(2) + " of " + producer);
            }
            Matcher arn = RESOURCE_ARN.matcher(expression);
            if (arn.matches() && ARNS.containsKey(arn.group(1))) {
                JsonNode resource = stack(stackName).path("resource").path(arn.group(1)).path(arn.group(2));
                if (resource.isMissingNode()) {
                    throw unknown(expression, where, "stack " + stackName + " has no " + arn.group(1) + "." + arn.group(2));
                }
                return ARNS.get(arn.group(1)).arn((attribute, fallback) -> {
                    JsonNode value = resource.get(attribute);
                    if (value == null && fallback == null) {
                        throw unknown(expression, where, arn.group(1) + "." + arn.group(2) + " has no " + attribute
                                + " attribute to build its ARN from");
                    }
                    return value == null ? fallback : resolve(value.asText(), stackName, where);
                }, environment);
            }
            throw unknown(expression, where, "known: partition, caller account id, cross-stack outputs and the ARNs of "
                    + ARNS.keySet().stream().sorted().toList());
        }

        private static AssertionError unknown(String expression, String where, String why) {
            return new AssertionError("cannot stand in a value for ${" + expression + "} in " + where + " (" + why
                    + "); teach " + IamPolicies.class.getSimpleName() + " the value AWS will give it");
        }
    }
}
