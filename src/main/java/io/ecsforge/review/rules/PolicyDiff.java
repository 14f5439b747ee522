package io.ecsforge.review.rules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.ecsforge.review.EncodedJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What a change of an IAM policy document grants and takes away, statement by statement
 * (matched by {@code Sid} when they have one, so reordering is no change). A missing side is a
 * policy with no statements: a new policy grants everything it allows.
 */
final class PolicyDiff {
    /** The condition key GitHub's OIDC tokens name their workflow run by. */
    static final String GITHUB_SUBJECT = "token.actions.githubusercontent.com:sub";
    private static final int LISTED = 6;
    private static final JsonNode EMPTY = JsonNodeFactory.instance.arrayNode();

    private final ResourceView view;
    private final boolean trust;
    private final List<Finding> findings = new ArrayList<>();

    private PolicyDiff(ResourceView view, boolean trust) {
        this.view = view;
        this.trust = trust;
    }

    /**
     * @param trust whether the document is a role's trust policy: then a new statement is said
     *     by whom it trusts, not by its {@code sts:AssumeRole*} action
     */
    static List<Finding> of(ResourceView view, JsonNode before, JsonNode after, boolean trust) {
        PolicyDiff diff = new PolicyDiff(view, trust);
        JsonNode oldStatements = before.path("Statement");
        JsonNode newStatements = after.path("Statement");
        for (EncodedJson.Pair pair : EncodedJson.align(oldStatements.isArray() ? oldStatements : EMPTY,
                newStatements.isArray() ? newStatements : EMPTY)) {
            if (!pair.before().equals(pair.after())) {
                diff.statement(pair);
            }
        }
        return diff.findings;
    }

    private void statement(EncodedJson.Pair pair) {
        JsonNode old = pair.before();
        JsonNode now = pair.after();
        boolean deny = "Deny".equals((now.isMissingNode() ? old : now).path("Effect").asText());
        String where = pair.label().startsWith("[Sid=")
                ? "statement " + view.code(pair.label().substring(5, pair.label().length() - 1)) : "";
        boolean flipped = !old.isMissingNode() && !now.isMissingNode() && !old.path("Effect").equals(now.path("Effect"));
        boolean wasThere = !old.isMissingNode() && !flipped;
        TreeSet<String> oldActions = wasThere ? set(old.path("Action")) : new TreeSet<>();
        TreeSet<String> newActions = set(now.path("Action"));
        TreeSet<String> oldResources = wasThere ? set(old.path("Resource")) : new TreeSet<>();
        TreeSet<String> newResources = set(now.path("Resource"));
        if (flipped) {
            // The effect flipped: everything the old statement said is gone.
            grant(!deny, set(old.path("Action")), set(old.path("Resource")), false, where);
        }
        TreeSet<String> gainedActions = minus(newActions, oldActions);
        TreeSet<String> lostActions = minus(oldActions, newActions);
        TreeSet<String> gainedResources = minus(newResources, oldResources);
        TreeSet<String> lostResources = minus(oldResources, newResources);
        if (!gainedActions.isEmpty() && !(trust && !wasThere)) {
            grant(deny, gainedActions, newResources, true, where);
        }
        if (!gainedResources.isEmpty()) {
            grant(deny, minus(newActions, gainedActions), gainedResources, true, where);
        }
        if (!lostActions.isEmpty()) {
            grant(deny, lostActions, oldResources, false, where);
        }
        if (!lostResources.isEmpty()) {
            grant(deny, minus(oldActions, lostActions), lostResources, false, where);
        }
        principals(wasThere ? old.path("Principal") : MissingNode.getInstance(), now.path("Principal"), deny, where);
        if (!now.isMissingNode()) {
            // A statement that is gone takes its conditions with it: no condition of it is "dropped".
            conditions(wasThere ? old.path("Condition") : MissingNode.getInstance(), now.path("Condition"), deny,
                    where, !wasThere);
        }
    }

    /**
     * "allows `x` on `y` (new)" when {@code gained} of an Allow, "no longer allows" when lost;
     * a Deny the other way round ({@code deny} flips which way widens).
     */
    private void grant(boolean deny, TreeSet<String> actions, TreeSet<String> resources, boolean gained, String where) {
        if (actions.isEmpty()) {
            return;
        }
        boolean widens = gained != deny;
        String verb = deny ? "denies" : "allows";
        StringBuilder text = new StringBuilder(gained ? verb : "no longer " + verb).append(' ').append(list(actions));
        if (!resources.isEmpty()) {
            text.append(" on ").append(list(resources.stream().map(PolicyDiff::shortArn).toList()));
        }
        List<String> notes = new ArrayList<>();
        if (gained) {
            notes.add("new");
        }
        // A wildcard in an action (s3:*, s3:Get*) or a whole resource; bucket/* is how object ARNs are written.
        if (widens && gained && (actions.stream().anyMatch(a -> a.contains("*"))
                || resources.stream().anyMatch(r -> shortArn(r).equals("*")))) {
            notes.add("a wildcard");
        }
        if (widens && gained && actions.stream().anyMatch(a -> a.equalsIgnoreCase("iam:PassRole"))) {
            notes.add("lets the holder hand a role to an AWS service");
        }
        add(widens, text, notes, where);
    }

    private void principals(JsonNode old, JsonNode now, boolean deny, String where) {
        TreeSet<String> before = principalSet(old);
        TreeSet<String> after = principalSet(now);
        for (String gained : minus(after, before)) {
            add(!deny, new StringBuilder(deny ? "denies " : "trusts ").append(principal(gained)),
                    List.of("new"), where);
        }
        for (String lost : minus(before, after)) {
            add(deny, new StringBuilder(deny ? "no longer denies " : "no longer trusts ").append(principal(lost)),
                    List.of(), where);
        }
    }

    private void conditions(JsonNode old, JsonNode now, boolean deny, String where, boolean newStatement) {
        TreeSet<String> keys = new TreeSet<>();
        conditionKeys(old, keys);
        conditionKeys(now, keys);
        for (String operatorAndKey : keys) {
            String[] parts = operatorAndKey.split("\u0000", 2);
            JsonNode oldValues = old.path(parts[0]).path(parts[1]);
            JsonNode newValues = now.path(parts[0]).path(parts[1]);
            String key = parts[1];
            boolean subject = key.equals(GITHUB_SUBJECT);
            if (newValues.isMissingNode() && !newStatement) {
                add(!deny, new StringBuilder("no longer requires ").append(view.code(key)).append(" (")
                        .append(view.code(parts[0])).append(' ').append(list(set(oldValues))).append(')'),
                        List.of(), where);
                continue;
            }
            if (oldValues.isMissingNode() && !newStatement && !subject) {
                add(deny, new StringBuilder("now requires ").append(view.code(key)).append(" (")
                        .append(view.code(parts[0])).append(' ').append(list(set(newValues))).append(')'),
                        List.of(), where);
                continue;
            }
            TreeSet<String> gained = minus(set(newValues), set(oldValues));
            TreeSet<String> lost = minus(set(oldValues), set(newValues));
            if (subject) {
                if (!gained.isEmpty()) {
                    add(!deny, new StringBuilder("lets GitHub Actions runs with subject ").append(list(gained))
                            .append(" assume it"), List.of("new"), where);
                }
                if (!lost.isEmpty()) {
                    add(deny, new StringBuilder("no longer lets GitHub Actions runs with subject ").append(list(lost))
                            .append(" assume it"), List.of(), where);
                }
            } else if (!newStatement) {
                if (!gained.isEmpty()) {
                    add(!deny, new StringBuilder("accepts ").append(list(gained)).append(" for ")
                            .append(view.code(key)), List.of("new"), where);
                }
                if (!lost.isEmpty()) {
                    add(deny, new StringBuilder("no longer accepts ").append(list(lost)).append(" for ")
                            .append(view.code(key)), List.of(), where);
                }
            }
        }
    }

    private void add(boolean widens, StringBuilder text, List<String> notes, String where) {
        List<String> all = new ArrayList<>(notes);
        if (!where.isEmpty()) {
            all.add(where);
        }
        if (!all.isEmpty()) {
            text.append(" (").append(String.join("; ", all)).append(')');
        }
        findings.add(new Finding(widens ? Category.PERMISSIONS_WIDENED : Category.PERMISSIONS_NARROWED,
                text.toString()));
    }

    private String principal(String typeAndValue) {
        String[] parts = typeAndValue.split("\u0000", 2);
        return parts.length == 1 ? view.code(parts[0]) : parts[0] + " " + view.code(shortArn(parts[1]));
    }

    private String list(Iterable<String> values) {
        List<String> all = new ArrayList<>();
        values.forEach(all::add);
        List<String> shown = all.stream().limit(LISTED).map(view::code).toList();
        String text = String.join(", ", shown);
        return all.size() > LISTED ? text + " and " + (all.size() - LISTED) + " more" : text;
    }

    /** {@code arn:aws:ecr:us-east-1:123456789012:repository/webapp} → {@code repository/webapp}. */
    static String shortArn(String value) {
        if (!value.startsWith("arn:")) {
            return value;
        }
        String[] parts = value.split(":", 6);
        return parts.length == 6 && !parts[5].isEmpty() ? parts[5] : value;
    }

    private static TreeSet<String> principalSet(JsonNode principal) {
        TreeSet<String> set = new TreeSet<>();
        if (principal.isTextual()) {
            set.add(principal.asText());
        } else if (principal.isObject()) {
            principal.fields().forEachRemaining(type -> set(type.getValue())
                    .forEach(value -> set.add(type.getKey() + "\u0000" + value)));
        }
        return set;
    }

    private static void conditionKeys(JsonNode condition, TreeSet<String> keys) {
        Iterator<Map.Entry<String, JsonNode>> operators = condition.fields();
        while (operators.hasNext()) {
            Map.Entry<String, JsonNode> operator = operators.next();
            operator.getValue().fieldNames().forEachRemaining(key -> keys.add(operator.getKey() + "\u0000" + key));
        }
    }

    static TreeSet<String> set(JsonNode value) {
        TreeSet<String> set = new TreeSet<>();
        if (value.isValueNode()) {
            set.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(element -> set.add(element.asText()));
        }
        return set;
    }

    private static TreeSet<String> minus(TreeSet<String> a, TreeSet<String> b) {
        TreeSet<String> result = new TreeSet<>(a);
        result.removeAll(b);
        return result;
    }
}
