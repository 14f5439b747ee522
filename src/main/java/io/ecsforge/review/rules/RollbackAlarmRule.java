package io.ecsforge.review.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.review.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A CloudWatch alarm that a deployment group of the same stack stops releases on, changed or
 * deleted: a release may no longer roll back when it should.
 */
final class RollbackAlarmRule implements Rule {
    private static final List<String> SETTINGS = List.of("metric_name", "threshold", "comparison_operator",
            "evaluation_periods", "datapoints_to_alarm", "period", "statistic", "extended_statistic",
            "treat_missing_data", "actions_enabled");

    @Override
    public String name() {
        return "rollback-alarm";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        if (!change.type().equals("aws_cloudwatch_metric_alarm") || !change.existedBefore()
                || change.action() == Action.NO_OP) {
            return List.of();
        }
        String name = change.before("alarm_name").asText();
        if (!rollbackAlarms(stack).contains(name)) {
            return List.of();
        }
        if (!change.existsAfter()) {
            return List.of(new Finding(Category.RELEASE_SAFETY, "alarm " + change.code(name)
                    + ", which stops a release and rolls it back, is deleted"));
        }
        List<String> changed = new ArrayList<>();
        for (String setting : SETTINGS) {
            JsonNode before = change.before(setting);
            JsonNode after = change.after(setting);
            if (!before.equals(after)) {
                changed.add(change.code(setting) + " " + change.code(before.toString()) + " → "
                        + (change.afterUnknown(setting) ? "_(known after apply)_" : change.code(after.toString())));
            }
        }
        if (!change.before("metric_query").equals(change.after("metric_query"))) {
            changed.add(change.code("metric_query"));
        }
        if (changed.isEmpty() && change.action() == Action.UPDATE) {
            return List.of();
        }
        return List.of(new Finding(Category.RELEASE_SAFETY, "alarm " + change.code(name)
                + ", which stops a release and rolls it back, " + (change.action().isReplace() ? "is replaced" : "changes")
                + (changed.isEmpty() ? "" : ": " + String.join(", ", changed))));
    }

    private static TreeSet<String> rollbackAlarms(StackView stack) {
        TreeSet<String> names = new TreeSet<>();
        for (ResourceView other : stack.changes()) {
            if (other.type().equals("aws_codedeploy_deployment_group")) {
                names.addAll(PolicyDiff.set(other.before("alarm_configuration").path(0).path("alarms")));
                names.addAll(PolicyDiff.set(other.after("alarm_configuration").path(0).path("alarms")));
            }
        }
        return names;
    }
}
