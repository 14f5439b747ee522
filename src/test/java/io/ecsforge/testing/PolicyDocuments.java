package io.ecsforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every IAM policy statement of a synthesized stack, whether written as a data
 * aws_iam_policy_document or as a literal JSON policy in a resource attribute, in one shape.
 */
public final class PolicyDocuments {
    /** Resource attributes that hold an IAM policy document. */
    private static final List<String> POLICY_ATTRIBUTES = List.of("policy", "assume_role_policy");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * @param where {@code data.aws_iam_policy_document.NAME} or {@code TYPE.NAME.ATTRIBUTE}
     * @param sid empty when the statement has none
     * @param node the statement as written, for failure messages
     */
    public record Statement(String where, String sid, String effect, List<String> actions, List<String> resources, JsonNode node) {
        public boolean allows() {
            return effect.equals("Allow");
        }
    }

    /** A policy attribute that is neither a reference to a policy document nor literal JSON: it cannot be checked. */
    public record Unreadable(String where, String value) {}

    private PolicyDocuments() {}

    /**
     * A whole policy document: a data aws_iam_policy_document block in Terraform's form
     * ({@code statement}, {@code actions}, {@code principals}, ...), or a literal JSON policy.
     *
     * @param where as in {@link Statement#where()}
     * @param node the data block, or the parsed JSON policy
     * @param usedBy the {@code TYPE.NAME.ATTRIBUTE}s that hold it: those that reference the data
     *     source, or the attribute the literal is written in
     */
    public record Document(String where, JsonNode node, boolean terraformForm, List<String> usedBy) {}

    public static List<Document> documents(JsonNode stack) {
        Map<String, List<String>> users = new LinkedHashMap<>();
        forEachPolicyAttribute(stack, (where, value) -> {
            if (isDocumentReference(value)) {
                String name = value.substring("${data.aws_iam_policy_document.".length(), value.length() - ".json}".length());
                users.computeIfAbsent(name, n -> new ArrayList<>()).add(where);
            }
        });
        List<Document> documents = new ArrayList<>();
        for (Map.Entry<String, JsonNode> document : entries(stack.path("data").path("aws_iam_policy_document"))) {
            documents.add(new Document("data.aws_iam_policy_document." + document.getKey(), document.getValue(), true,
                    List.copyOf(users.getOrDefault(document.getKey(), List.of()))));
        }
        for (Literal literal : literals(stack)) {
            documents.add(new Document(literal.where(), literal.document(), false, List.of(literal.where())));
        }
        return documents;
    }

    public static List<Statement> statements(JsonNode stack) {
        List<Statement> statements = new ArrayList<>();
        for (Document document : documents(stack)) {
            if (document.terraformForm()) {
                for (JsonNode statement : document.node().path("statement")) {
                    statements.add(new Statement(document.where(),
                            statement.path("sid").asText(""),
                            statement.path("effect").asText("Allow"),
                            strings(statement.path("actions"), statement.path("not_actions")),
                            strings(statement.path("resources"), statement.path("not_resources")),
                            statement));
                }
            } else {
                JsonNode list = document.node().path("Statement");
                for (JsonNode statement : list.isArray() ? list : List.of(list)) {
                    statements.add(new Statement(document.where(),
                            statement.path("Sid").asText(""),
                            statement.path("Effect").asText(""),
                            strings(statement.path("Action"), statement.path("NotAction")),
                            strings(statement.path("Resource"), statement.path("NotResource")),
                            statement));
                }
            }
        }
        return statements;
    }

    /**
     * Policy attributes that mention a {@code Statement} but can be read neither as a reference
     * nor as JSON (a {@code jsonencode} expression, say). Attributes without one, such as an ECR
     * lifecycle policy, are not IAM policies.
     */
    public static List<Unreadable> unreadable(JsonNode stack) {
        List<Unreadable> found = new ArrayList<>();
        forEachPolicyAttribute(stack, (where, value) -> {
            if (value.contains("Statement") && !isDocumentReference(value) && parse(value) == null) {
                found.add(new Unreadable(where, value));
            }
        });
        return found;
    }

    private record Literal(String where, JsonNode document) {}

    private static List<Literal> literals(JsonNode stack) {
        List<Literal> found = new ArrayList<>();
        forEachPolicyAttribute(stack, (where, value) -> {
            JsonNode document = isDocumentReference(value) ? null : parse(value);
            if (document != null) {
                found.add(new Literal(where, document));
            }
        });
        return found;
    }

    private interface AttributeVisitor {
        void visit(String where, String value);
    }

    private static void forEachPolicyAttribute(JsonNode stack, AttributeVisitor visitor) {
        for (Map.Entry<String, JsonNode> type : entries(stack.path("resource"))) {
            for (Map.Entry<String, JsonNode> resource : entries(type.getValue())) {
                for (String attribute : POLICY_ATTRIBUTES) {
                    JsonNode value = resource.getValue().get(attribute);
                    if (value != null && value.isTextual()) {
                        visitor.visit(type.getKey() + "." + resource.getKey() + "." + attribute, value.asText());
                    }
                }
            }
        }
    }

    /** {@code ${data.aws_iam_policy_document.NAME.json}}: walked as a data source. */
    private static boolean isDocumentReference(String value) {
        return value.matches("\\$\\{data\\.aws_iam_policy_document\\.[A-Za-z0-9_-]+\\.json}");
    }

    private static JsonNode parse(String value) {
        try {
            JsonNode node = MAPPER.readTree(value);
            return node != null && node.has("Statement") ? node : null;
        } catch (Exception e) {
            return null;
        }
    }

    private static List<String> strings(JsonNode... nodes) {
        List<String> values = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (node.isTextual()) {
                values.add(node.asText());
            }
            node.forEach(item -> values.add(item.asText()));
        }
        return values;
    }

    private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
        return new ArrayList<>(node.properties());
    }
}
