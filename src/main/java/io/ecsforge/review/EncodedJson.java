package io.ecsforge.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * JSON that an attribute holds as text: IAM and resource policies, trust policies,
 * {@code container_definitions}, ECR lifecycle policies. Decoded so that a change is shown key by
 * key, and put in a normal form so that what means the same compares equal: an IAM
 * {@code Action} given as one string or as a list, statements in another order.
 */
public final class EncodedJson {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Keys that name an element of a list of objects, in the order they are tried. */
    private static final List<String> IDENTITIES = List.of("Sid", "name", "rulePriority");
    /** IAM statement keys whose values are sets: their order and a lone string carry no meaning. */
    private static final Set<String> IAM_SETS = Set.of("Action", "NotAction", "Resource", "NotResource");

    private EncodedJson() {}

    /**
     * One element of two aligned lists: its label and each side (missing where it has none).
     *
     * @param identity the key the label names it by ({@code Sid}); empty when named by position
     */
    public record Pair(String label, String identity, JsonNode before, JsonNode after) {}

    /** The JSON object or array {@code value} holds as text, in normal form; empty for anything else. */
    public static Optional<JsonNode> decode(JsonNode value) {
        if (!value.isTextual()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        if (!(text.startsWith("{") && text.endsWith("}")) && !(text.startsWith("[") && text.endsWith("]"))) {
            return Optional.empty();
        }
        try {
            JsonNode tree = JSON.readTree(text);
            return tree != null && tree.isContainerNode() ? Optional.of(normalized(tree)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** Whether {@code value} is a policy document: an object with a {@code Statement}. */
    public static boolean isPolicy(JsonNode value) {
        return value.isObject() && value.has("Statement");
    }

    /**
     * The elements of two lists of objects, matched: by an identity key ({@code Sid}, {@code name},
     * {@code rulePriority}) when every element has one, else equal elements with each other and the
     * rest by position. Equal pairs are included, so a caller sees every element once.
     */
    public static List<Pair> align(JsonNode before, JsonNode after) {
        Optional<String> identity = identity(before, after);
        List<Pair> pairs = new ArrayList<>();
        if (identity.isPresent()) {
            String key = identity.get();
            Map<String, JsonNode> old = new HashMap<>();
            before.forEach(element -> old.put(element.get(key).asText(), element));
            TreeSet<String> names = new TreeSet<>(old.keySet());
            after.forEach(element -> names.add(element.get(key).asText()));
            Map<String, JsonNode> current = new HashMap<>();
            after.forEach(element -> current.put(element.get(key).asText(), element));
            for (String name : names) {
                pairs.add(new Pair("[" + key + "=" + name + "]", key, old.getOrDefault(name, MissingNode.getInstance()),
                        current.getOrDefault(name, MissingNode.getInstance())));
            }
            return pairs;
        }
        List<JsonNode> leftBefore = new ArrayList<>();
        before.forEach(leftBefore::add);
        List<Integer> unmatchedAfter = new ArrayList<>();
        for (int i = 0; i < after.size(); i++) {
            int same = leftBefore.indexOf(after.get(i));
            if (same >= 0) {
                pairs.add(new Pair("[" + i + "]", "", leftBefore.remove(same), after.get(i)));
            } else {
                unmatchedAfter.add(i);
            }
        }
        for (int n = 0; n < Math.max(leftBefore.size(), unmatchedAfter.size()); n++) {
            JsonNode old = n < leftBefore.size() ? leftBefore.get(n) : MissingNode.getInstance();
            int index = n < unmatchedAfter.size() ? unmatchedAfter.get(n) : after.size() + n - unmatchedAfter.size();
            JsonNode current = n < unmatchedAfter.size() ? after.get(unmatchedAfter.get(n)) : MissingNode.getInstance();
            pairs.add(new Pair("[" + index + "]", "", old, current));
        }
        return pairs;
    }

    /** Whether both sides are lists of objects only (either may be missing). */
    public static boolean objectLists(JsonNode before, JsonNode after) {
        return objectListOrMissing(before) && objectListOrMissing(after) && (before.isArray() || after.isArray());
    }

    private static boolean objectListOrMissing(JsonNode node) {
        if (node.isMissingNode()) {
            return true;
        }
        if (!node.isArray() || node.isEmpty()) {
            return node.isArray();
        }
        for (JsonNode element : node) {
            if (!element.isObject()) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> identity(JsonNode before, JsonNode after) {
        for (String key : IDENTITIES) {
            if (identifiedBy(before, key) && identifiedBy(after, key)) {
                return Optional.of(key);
            }
        }
        return Optional.empty();
    }

    private static boolean identifiedBy(JsonNode list, String key) {
        if (list.isMissingNode()) {
            return true;
        }
        Set<String> seen = new HashSet<>();
        for (JsonNode element : list) {
            JsonNode id = element.path(key);
            if (!id.isValueNode() || id.asText().isEmpty() || !seen.add(id.asText())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode normalized(JsonNode tree) {
        if (!isPolicy(tree)) {
            return tree;
        }
        ObjectNode policy = tree.deepCopy();
        JsonNode statements = policy.get("Statement");
        ArrayNode list = statements.isArray() ? (ArrayNode) statements : JsonNodeFactory.instance.arrayNode().add(statements);
        ArrayNode normal = JsonNodeFactory.instance.arrayNode();
        for (JsonNode statement : list) {
            normal.add(statement.isObject() ? statement((ObjectNode) statement) : statement);
        }
        policy.set("Statement", normal);
        return policy;
    }

    private static JsonNode statement(ObjectNode statement) {
        ObjectNode normal = statement.deepCopy();
        for (String key : IAM_SETS) {
            if (normal.has(key)) {
                normal.set(key, sortedSet(normal.get(key)));
            }
        }
        for (String key : List.of("Principal", "NotPrincipal")) {
            JsonNode principal = normal.path(key);
            if (principal.isObject()) {
                normal.set(key, eachSorted(principal));
            }
        }
        JsonNode condition = normal.path("Condition");
        if (condition.isObject()) {
            ObjectNode operators = JsonNodeFactory.instance.objectNode();
            Iterator<Map.Entry<String, JsonNode>> fields = condition.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> operator = fields.next();
                operators.set(operator.getKey(), operator.getValue().isObject() ? eachSorted(operator.getValue())
                        : operator.getValue());
            }
            normal.set("Condition", operators);
        }
        return normal;
    }

    private static ObjectNode eachSorted(JsonNode object) {
        ObjectNode sorted = JsonNodeFactory.instance.objectNode();
        object.fields().forEachRemaining(field -> sorted.set(field.getKey(), sortedSet(field.getValue())));
        return sorted;
    }

    /** A string or list of strings as a sorted list without repeats; anything else as it is. */
    private static JsonNode sortedSet(JsonNode value) {
        if (value.isTextual()) {
            return JsonNodeFactory.instance.arrayNode().add(value.asText());
        }
        if (!value.isArray()) {
            return value;
        }
        TreeSet<String> texts = new TreeSet<>();
        for (JsonNode element : value) {
            if (!element.isValueNode()) {
                return value;
            }
            texts.add(element.asText());
        }
        ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
        texts.forEach(sorted::add);
        return sorted;
    }
}
