package io.ecsforge.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Every sensitive string a plan holds anywhere, so that the same text is masked wherever else it
 * turns up unmarked. Terraform does not mark every copy: {@code terraform_data}'s {@code output}
 * echoes a sensitive {@code input} with no mark, and Terraform's own plan output prints it.
 *
 * <p>Strings shorter than {@link #MIN_LENGTH} are not searched for: they would mask every
 * {@code "web"} or {@code "on"} in the plan. Such values are still masked where they are marked.
 * The strings themselves are never printed, not even by {@link #toString()}.
 */
public final class Secrets {
    static final int MIN_LENGTH = 4;
    private static final Secrets NONE = new Secrets(Set.of());

    private final Set<String> texts;

    private Secrets(Set<String> texts) {
        this.texts = Set.copyOf(texts);
    }

    public static Secrets none() {
        return NONE;
    }

    /** The sensitive strings of a plan's JSON: marked resource values, sensitive outputs and variables. */
    static Secrets of(JsonNode plan) {
        Set<String> found = new HashSet<>();
        for (String field : new String[] {"resource_changes", "resource_drift"}) {
            for (JsonNode change : plan.path(field)) {
                changeValues(change.path("change"), found);
            }
        }
        for (JsonNode deferred : plan.path("deferred_changes")) {
            changeValues(deferred.path("resource_change").path("change"), found);
        }
        for (Map.Entry<String, JsonNode> output : iterable(plan.path("output_changes"))) {
            JsonNode change = output.getValue();
            boolean declared = PlanReader.declaredSensitive(plan, output.getKey());
            collect(change.path("before"), declared ? trueNode() : change.path("before_sensitive"), found);
            collect(change.path("after"), declared ? trueNode() : change.path("after_sensitive"), found);
        }
        for (String values : new String[] {"planned_values", "prior_state"}) {
            JsonNode root = values.equals("prior_state") ? plan.path("prior_state").path("values") : plan.path(values);
            module(root.path("root_module"), found);
            for (JsonNode output : root.path("outputs")) {
                if (output.path("sensitive").asBoolean(false)) {
                    collect(output.path("value"), trueNode(), found);
                }
            }
        }
        for (Map.Entry<String, JsonNode> variable : iterable(plan.path("configuration").path("root_module").path("variables"))) {
            if (variable.getValue().path("sensitive").asBoolean(false)) {
                collect(plan.path("variables").path(variable.getKey()).path("value"), trueNode(), found);
            }
        }
        return new Secrets(found);
    }

    /** Whether any string in {@code value}, object keys included, contains one of the secrets. */
    public boolean foundIn(JsonNode value) {
        if (texts.isEmpty()) {
            return false;
        }
        if (value.isObject()) {
            Iterator<String> keys = value.fieldNames();
            while (keys.hasNext()) {
                if (foundIn(keys.next())) {
                    return true;
                }
            }
        }
        if (value.isContainerNode()) {
            for (JsonNode child : value) {
                if (foundIn(child)) {
                    return true;
                }
            }
            return false;
        }
        return (value.isTextual() || value.isNumber()) && foundIn(value.asText());
    }

    public boolean foundIn(String text) {
        for (String secret : texts) {
            if (text.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "Secrets[" + texts.size() + " strings, not shown]";
    }

    private static void changeValues(JsonNode change, Set<String> found) {
        collect(change.path("before"), change.path("before_sensitive"), found);
        collect(change.path("after"), change.path("after_sensitive"), found);
    }

    private static void module(JsonNode module, Set<String> found) {
        for (JsonNode resource : module.path("resources")) {
            collect(resource.path("values"), resource.path("sensitive_values"), found);
        }
        for (JsonNode child : module.path("child_modules")) {
            module(child, found);
        }
    }

    /** Adds the strings of {@code value} that lie at or under a {@code true} in {@code marks}. */
    private static void collect(JsonNode value, JsonNode marks, Set<String> found) {
        if (AttributeDiff.isTrue(marks)) {
            allStrings(value, found);
        } else if (value.isObject()) {
            value.fields().forEachRemaining(field -> collect(field.getValue(), marks.path(field.getKey()), found));
        } else if (value.isArray()) {
            for (int i = 0; i < value.size(); i++) {
                collect(value.get(i), marks.path(i), found);
            }
        }
    }

    private static void allStrings(JsonNode value, Set<String> found) {
        if (value.isContainerNode()) {
            value.forEach(child -> allStrings(child, found));
        } else if (value.isTextual() && value.asText().length() >= MIN_LENGTH) {
            found.add(value.asText());
        } else if (value.isNumber() && value.asText().length() >= MIN_LENGTH) {
            found.add(value.asText());
        }
    }

    private static JsonNode trueNode() {
        return BooleanNode.TRUE;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterable(JsonNode object) {
        return object::fields;
    }
}
