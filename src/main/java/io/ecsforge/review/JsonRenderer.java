package io.ecsforge.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.review.rules.Category;
import io.ecsforge.review.rules.ReviewItem;
import io.ecsforge.review.rules.Rules;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The same summary as {@link MarkdownRenderer}, as JSON for a CI step to gate on: the "Review
 * first" items by category, totals per environment and stack, and each change with its masked
 * attribute diff. Nothing is cut: a file has no size limit. A value is its compact JSON text, or
 * one of the placeholders {@code (sensitive)}, {@code (known after apply)}, {@code (not shown)},
 * which are not JSON and so cannot be mistaken for a value; {@code null} where there is none.
 */
public final class JsonRenderer {
    /** Raised when the layout below changes in a way a reader of version 1 would misread. */
    public static final int FORMAT_VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonRenderer() {}

    public static String render(List<PlannedStack> stacks) {
        List<PlannedStack> sorted = stacks.stream()
                .sorted(Comparator.comparing(PlannedStack::environment).thenComparing(PlannedStack::stack)).toList();
        ObjectNode root = NODES.objectNode();
        root.put("format_version", FORMAT_VERSION);
        root.set("review_first", reviewFirst(Rules.review(sorted)));
        Map<String, List<PlannedStack>> byEnvironment = new TreeMap<>();
        sorted.forEach(stack -> byEnvironment.computeIfAbsent(stack.environment(), e -> new ArrayList<>())
                .add(stack));
        ArrayNode environments = root.putArray("environments");
        byEnvironment.forEach((environment, inEnvironment) -> {
            ObjectNode node = environments.addObject();
            node.put("environment", environment);
            node.set("totals", totals(inEnvironment.stream().map(s -> s.plan().totals())
                    .reduce(Totals.none(), Totals::plus)));
            ArrayNode stackNodes = node.putArray("stacks");
            inEnvironment.forEach(stack -> stackNodes.add(stack(stack)));
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode reviewFirst(List<ReviewItem> items) {
        ObjectNode categories = NODES.objectNode();
        for (Category category : Category.values()) {
            ArrayNode list = categories.putArray(category.id());
            items.stream().filter(item -> item.category() == category).forEach(item -> {
                ObjectNode node = list.addObject();
                node.put("environment", item.environment());
                node.put("stack", item.stack());
                node.put("address", item.address());
                node.put("rule", item.rule());
                node.put("text", item.text());
            });
        }
        return categories;
    }

    private static ObjectNode totals(Totals totals) {
        ObjectNode node = NODES.objectNode();
        for (ChangeKind kind : ChangeKind.values()) {
            node.put(kind.name().toLowerCase(Locale.ROOT), totals.get(kind));
        }
        return node;
    }

    private static ObjectNode stack(PlannedStack stack) {
        Plan plan = stack.plan();
        ObjectNode node = NODES.objectNode();
        node.put("stack", stack.stack());
        node.put("terraform_version", plan.terraformVersion());
        node.put("errored", plan.errored());
        node.put("sensitivity_marked", !plan.sensitivityUnmarked());
        node.set("totals", totals(plan.totals()));
        ArrayNode changes = node.putArray("changes");
        for (ResourceChange change : plan.changes()) {
            if (change.changes()) {
                changes.add(change(change, plan.secrets()));
            }
        }
        ArrayNode outputs = node.putArray("outputs");
        if (!plan.outputChangesUnrecorded()) {
            for (OutputChange output : plan.outputs()) {
                if (output.action() != Action.NO_OP) {
                    AttributeDiff.Row row = AttributeDiff.whole(output.values(), plan.secrets());
                    ObjectNode outputNode = outputs.addObject();
                    outputNode.put("name", output.name());
                    outputNode.put("action", output.action().verb());
                    outputNode.set("before", cell(row.before()));
                    outputNode.set("after", cell(row.after()));
                }
            }
        }
        ArrayNode drift = node.putArray("drift");
        plan.drift().forEach(change -> drift.add(change(change, plan.secrets())));
        ArrayNode deferred = node.putArray("deferred");
        for (DeferredChange change : plan.deferred()) {
            ObjectNode deferredNode = deferred.addObject();
            deferredNode.put("address", change.change().address());
            deferredNode.put("action", change.change().action().verb());
            deferredNode.put("reason", change.reason());
        }
        return node;
    }

    private static ObjectNode change(ResourceChange change, Secrets secrets) {
        ObjectNode node = NODES.objectNode();
        node.put("address", change.address());
        node.put("action", change.action().verb());
        ArrayNode actions = node.putArray("actions");
        change.action().terraformActions().forEach(actions::add);
        change.previousAddress().filter(previous -> change.moved()).ifPresent(previous -> node.put("moved_from", previous));
        change.deposed().ifPresent(key -> node.put("deposed", key));
        if (change.importing()) {
            node.put("importing", true);
            change.importId().ifPresent(id -> node.put("import_id", secrets.foundIn(id) ? "(sensitive)" : id));
        }
        change.actionReason().ifPresent(reason -> node.put("reason", reason));
        ArrayNode replacePaths = node.putArray("replace_paths");
        change.replacePaths().stream().map(path -> AttributeDiff.visible(path, change.values()))
                .map(path -> path.isRoot() ? "(sensitive attribute)" : path.toString()).distinct()
                .forEach(replacePaths::add);
        ArrayNode attributes = node.putArray("attributes");
        for (AttributeDiff.Row row : AttributeDiff.rows(change.values(), change.replacePaths(), secrets)) {
            ObjectNode attribute = attributes.addObject();
            attribute.put("path", row.path().isRoot() ? "(whole object)" : row.path().toString());
            attribute.set("before", cell(row.before()));
            attribute.set("after", cell(row.after()));
            attribute.put("forces_replacement", row.forcesReplacement());
        }
        return node;
    }

    private static JsonNode cell(Cell cell) {
        return switch (cell.kind()) {
            case ABSENT -> NODES.nullNode();
            case SENSITIVE -> NODES.textNode("(sensitive)");
            case UNKNOWN -> NODES.textNode("(known after apply)");
            case WITHHELD -> NODES.textNode("(not shown)");
            case VALUE -> NODES.textNode(cell.text());
        };
    }
}
