package io.ecsforge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Assertions over one synthesized stack. Every failure prints the resource it looked at, so a
 * failing test shows what was expected and what was found.
 */
public final class Resources {
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String stackName;
    private final JsonNode stack;

    public Resources(String stackName, JsonNode stack) {
        this.stackName = stackName;
        this.stack = stack;
    }

    public JsonNode json() {
        return stack;
    }

    /** The resource {@code type.name}; fails listing the resources of that type when absent. */
    public JsonNode resource(String type, String name) {
        return block("resource", type, name);
    }

    /** The data source {@code data.type.name}. */
    public JsonNode data(String type, String name) {
        return block("data", type, name);
    }

    private JsonNode block(String kind, String type, String name) {
        JsonNode found = stack.path(kind).path(type).get(name);
        if (found == null) {
            throw new AssertionError(stackName + ": no " + kind + " " + type + "." + name + "; " + kind + "s of that type: "
                    + names(kind, type));
        }
        return found;
    }

    /** Every resource of {@code type}, by name. */
    public List<Map.Entry<String, JsonNode>> ofType(String type) {
        List<Map.Entry<String, JsonNode>> found = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = stack.path("resource").path(type).fields(); it.hasNext(); ) {
            found.add(it.next());
        }
        return found;
    }

    public int count(String type) {
        return ofType(type).size();
    }

    public boolean has(String type, String name) {
        return stack.path("resource").path(type).has(name);
    }

    private List<String> names(String kind, String type) {
        List<String> names = new ArrayList<>();
        stack.path(kind).path(type).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /**
     * Asserts that the value at {@code path} (dots between keys, [n] for list items) of
     * {@code node} equals {@code expected}, given as a Java value or JSON text.
     */
    public static void assertAt(JsonNode node, String path, Object expected) {
        JsonNode actual = at(node, path);
        JsonNode want = expected instanceof JsonNode json ? json : PRETTY.valueToTree(expected);
        assertEquals(want, actual, () -> "at " + path + ": expected " + want + " but found " + actual + " in\n" + show(node));
    }

    /** The value at {@code path}, or a missing node. */
    public static JsonNode at(JsonNode node, String path) {
        JsonNode current = node;
        for (String part : path.split("\\.")) {
            String key = part;
            List<Integer> indexes = new ArrayList<>();
            int bracket = key.indexOf('[');
            if (bracket >= 0) {
                for (String index : key.substring(bracket + 1, key.length() - 1).split("\\]\\[")) {
                    indexes.add(Integer.parseInt(index));
                }
                key = key.substring(0, bracket);
            }
            if (!key.isEmpty()) {
                current = current.path(key);
            }
            for (int index : indexes) {
                current = current.path(index);
            }
        }
        return current;
    }

    public static String show(JsonNode node) {
        try {
            return PRETTY.writeValueAsString(node);
        } catch (Exception e) {
            return String.valueOf(node);
        }
    }
}
