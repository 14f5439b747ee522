package io.ecsforge.stacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import software.constructs.Construct;

/**
 * The statements of a policy document whose content settings decide: a statement a flag leaves
 * out, lists that are expressions in a module, and one statement for each entry of a list. In a
 * stack every setting is the configuration's value, so the document is written exactly as
 * {@link PolicyBuilder#document} writes it: the statements that are on, in order. In a module the
 * statements that may be left out, and those after them, are {@code dynamic "statement"} blocks,
 * which keep their order.
 */
public final class Statements {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Setting<Boolean> ON = Setting.of(true, "always");

    /** One statement or several, in a document. */
    public sealed interface Item permits Entry, Each {}

    /** A condition whose values may be an expression. */
    public record Condition(String test, String variable, Setting<List<String>> values) {}

    /**
     * One statement, made when {@code on} is true.
     *
     * @param notResources null unless the statement is about every resource but these
     */
    public record Entry(Setting<Boolean> on, String effect, String sid, Setting<List<String>> actions,
            Setting<List<String>> resources, Setting<List<String>> notResources, List<Condition> conditions) implements Item {
        public Entry {
            conditions = List.copyOf(conditions);
        }

        /** The same statement, made only when {@code flag} is true too. */
        public Entry when(Setting<Boolean> flag) {
            return new Entry(and(on, flag), effect, sid, actions, resources, notResources, conditions);
        }

        /** The same statement with one more condition. */
        public Entry condition(String test, String variable, Setting<List<String>> values) {
            List<Condition> more = new ArrayList<>(conditions);
            more.add(new Condition(test, variable, values));
            return new Entry(on, effect, sid, actions, resources, notResources, more);
        }

        public Entry condition(String test, String variable, String... values) {
            return condition(test, variable, literal(List.of(values)));
        }
    }

    /**
     * A statement for each of {@code statements}, allowing its actions on its resources, named
     * {@code <sidPrefix>1}, {@code <sidPrefix>2}, ...
     */
    public record Each(Setting<List<PolicyStatement>> statements, String sidPrefix) implements Item {}

    private Statements() {}

    /** Allows {@code actions} on {@code resources}, always. */
    public static Entry allow(String sid, List<String> actions, List<String> resources) {
        return allow(sid, literal(actions), literal(resources));
    }

    public static Entry allow(String sid, Setting<List<String>> actions, Setting<List<String>> resources) {
        return new Entry(ON, PolicyBuilder.ALLOW, sid, actions, resources, null, List.of());
    }

    /** Denies {@code actions} on {@code resources}. */
    public static Entry deny(String sid, List<String> actions, List<String> resources) {
        return new Entry(ON, PolicyBuilder.DENY, sid, literal(actions), literal(resources), null, List.of());
    }

    /** Denies {@code actions} on every resource but {@code resources}. */
    public static Entry denyOutside(String sid, List<String> actions, List<String> resources) {
        return new Entry(ON, PolicyBuilder.DENY, sid, literal(actions), null, literal(resources), List.of());
    }

    /** A list that is a value, not an expression. */
    public static Setting<List<String>> literal(List<String> values) {
        return Setting.of(List.copyOf(values), "statement");
    }

    /** Whether {@code items} make any statement: a policy without one is not made, as IAM refuses it. */
    public static Setting<Boolean> any(List<Item> items) {
        List<Setting<Boolean>> flags = new ArrayList<>();
        for (Item item : items) {
            if (item instanceof Entry entry) {
                flags.add(entry.on());
            } else if (item instanceof Each each) {
                flags.add(each.statements().isLiteral()
                        ? Setting.of(!each.statements().literal().isEmpty(), each.statements().label())
                        : Setting.expression("length(" + each.statements().expression() + ") > 0", false, each.statements().label()));
            }
        }
        return or(flags);
    }

    /**
     * The document {@code id}: in a stack, and in a module where nothing is left out, a
     * {@code statement} block each; else {@code dynamic "statement"} blocks, one an item.
     */
    public static DataAwsIamPolicyDocument document(Construct scope, String id, List<Item> items) {
        if (items.stream().allMatch(Statements::isLiteral)) {
            List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>();
            for (Item item : items) {
                if (item instanceof Entry entry) {
                    if (entry.on().literal()) {
                        statements.add(build(entry));
                    }
                } else {
                    Each each = (Each) item;
                    List<PolicyStatement> listed = each.statements().literal();
                    for (int i = 0; i < listed.size(); i++) {
                        statements.add(PolicyBuilder.allow(each.sidPrefix() + (i + 1), listed.get(i).actions(), listed.get(i).resources()));
                    }
                }
            }
            return PolicyBuilder.document(scope, id, statements);
        }
        DataAwsIamPolicyDocument document = DataAwsIamPolicyDocument.Builder.create(scope, id).build();
        List<Map<String, Object>> blocks = new ArrayList<>();
        for (Item item : items) {
            Map<String, Object> block = new LinkedHashMap<>();
            Map<String, Object> content = new LinkedHashMap<>();
            if (item instanceof Entry entry) {
                block.put("for_each", "${" + (entry.on().isLiteral() ? (entry.on().literal() ? "[1]" : "[]")
                        : entry.on().expression() + " ? [1] : []") + "}");
                content.put("sid", entry.sid());
                content.put("effect", entry.effect());
                content.put("actions", entry.actions().value());
                if (entry.resources() != null) {
                    content.put("resources", entry.resources().value());
                }
                if (entry.notResources() != null) {
                    content.put("not_resources", entry.notResources().value());
                }
                if (!entry.conditions().isEmpty()) {
                    content.put("condition", entry.conditions().stream().map(condition -> Map.of(
                            "test", condition.test(), "variable", condition.variable(), "values", condition.values().value())).toList());
                }
            } else {
                Each each = (Each) item;
                block.put("for_each", "${" + each.statements().expression() + "}");
                content.put("sid", each.sidPrefix() + "${statement.key + 1}");
                content.put("effect", PolicyBuilder.ALLOW);
                content.put("actions", "${statement.value.actions}");
                content.put("resources", "${statement.value.resources}");
            }
            block.put("content", content);
            blocks.add(block);
        }
        document.addOverride("dynamic.statement", blocks);
        return document;
    }

    private static boolean isLiteral(Item item) {
        return item instanceof Entry entry ? entry.on().isLiteral() : ((Each) item).statements().isLiteral();
    }

    private static DataAwsIamPolicyDocumentStatement build(Entry entry) {
        PolicyBuilder builder = entry.effect().equals(PolicyBuilder.DENY) ? PolicyBuilder.deny(entry.sid()) : PolicyBuilder.allow(entry.sid());
        builder.actions(entry.actions().value());
        if (entry.resources() != null) {
            builder.resources(entry.resources().value());
        }
        if (entry.notResources() != null) {
            builder.notResources(entry.notResources().value());
        }
        entry.conditions().forEach(condition -> builder.when(condition.test(), condition.variable(), condition.values().value()));
        return builder.build();
    }

    /** True when every flag is. */
    public static Setting<Boolean> and(Setting<Boolean> a, Setting<Boolean> b) {
        if (a.isLiteral()) {
            return a.literal() ? b : a;
        }
        if (b.isLiteral()) {
            return b.literal() ? a : b;
        }
        return Setting.expression("(" + a.expression() + " && " + b.expression() + ")", false, a.label());
    }

    /** True when any flag is. */
    public static Setting<Boolean> or(List<Setting<Boolean>> flags) {
        List<String> unknown = new ArrayList<>();
        for (Setting<Boolean> flag : flags) {
            if (flag.isLiteral()) {
                if (flag.literal()) {
                    return flag;
                }
            } else if (!unknown.contains(flag.expression())) {
                unknown.add(flag.expression());
            }
        }
        if (unknown.isEmpty()) {
            return Setting.of(false, "none");
        }
        // A flag or its negation is true whatever the flag.
        if (unknown.stream().anyMatch(expression -> unknown.contains("!(" + expression + ")"))) {
            return Setting.of(true, "always");
        }
        return unknown.size() == 1 ? Setting.expression(unknown.get(0), false, "flag")
                : Setting.expression("(" + String.join(" || ", unknown) + ")", false, "flag");
    }

    public static Setting<Boolean> not(Setting<Boolean> flag) {
        return flag.isLiteral() ? Setting.of(!flag.literal(), flag.label()) : Setting.expression("!(" + flag.expression() + ")", false, flag.label());
    }

    /** Values that go into a list when {@code when} is true. */
    public record Part(Setting<Boolean> when, List<String> values) {}

    /** The parts that are on, in order: a value, or {@code concat(...)} of conditionals. */
    public static Setting<List<String>> concat(List<Part> parts) {
        if (parts.stream().allMatch(part -> part.when().isLiteral())) {
            List<String> values = new ArrayList<>();
            parts.stream().filter(part -> part.when().literal()).forEach(part -> values.addAll(part.values()));
            return literal(values);
        }
        return Setting.expression(concatExpression(parts), List.of(), "list");
    }

    /** The values of the parts that are on, sorted and without repeats, as Java's and Terraform's sort agree for ASCII. */
    public static Setting<List<String>> sortedUnion(List<Part> parts) {
        if (parts.stream().allMatch(part -> part.when().isLiteral())) {
            TreeSet<String> values = new TreeSet<>();
            parts.stream().filter(part -> part.when().literal()).forEach(part -> values.addAll(part.values()));
            return literal(List.copyOf(values));
        }
        // What is always there first; the others without what that holds already.
        TreeSet<String> always = new TreeSet<>();
        parts.stream().filter(part -> part.when().isLiteral() && part.when().literal()).forEach(part -> always.addAll(part.values()));
        List<Part> rest = new ArrayList<>();
        rest.add(new Part(ON, List.copyOf(always)));
        for (Part part : parts) {
            if (!part.when().isLiteral()) {
                TreeSet<String> values = new TreeSet<>(part.values());
                values.removeAll(always);
                if (!values.isEmpty()) {
                    rest.add(new Part(part.when(), List.copyOf(values)));
                }
            }
        }
        if (rest.size() == 1) {
            return literal(List.copyOf(always));
        }
        return Setting.expression("sort(distinct(" + concatExpression(rest) + "))", List.of(), "list");
    }

    private static String concatExpression(List<Part> parts) {
        List<String> terms = new ArrayList<>();
        for (Part part : parts) {
            if (part.when().isLiteral()) {
                if (part.when().literal() && !part.values().isEmpty()) {
                    terms.add(hcl(part.values()));
                }
            } else {
                terms.add(part.when().expression() + " ? " + hcl(part.values()) + " : []");
            }
        }
        return terms.size() == 1 ? terms.get(0) : "concat(" + String.join(", ", terms) + ")";
    }

    private static String hcl(List<String> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
