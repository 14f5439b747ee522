package io.ecsforge.review.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.review.Action;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * A CodeDeploy deployment group's safety net: which deployment configuration it releases with,
 * the alarms that stop a release, automatic rollback, how long the old version is kept.
 */
final class DeploymentGroupRule implements Rule {
    @Override
    public String name() {
        return "deployment-group";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        if (!change.type().equals("aws_codedeploy_deployment_group") || change.action() == Action.NO_OP
                || change.action() == Action.READ) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>();
        if (!change.existsAfter()) {
            findings.add(new Finding(Category.RELEASE_SAFETY, "deployment group deleted: releases through it stop"));
            return findings;
        }
        if (!change.existedBefore()) {
            findings.add(new Finding(Category.RELEASE_SAFETY, "new deployment group: releases with "
                    + change.code(change.after("deployment_config_name").asText()) + "; " + rollback(change,
                            change.after("alarm_configuration"), change.after("auto_rollback_configuration"))));
            return findings;
        }
        String oldConfig = change.before("deployment_config_name").asText();
        String newConfig = change.after("deployment_config_name").asText();
        if (change.afterUnknown("deployment_config_name")) {
            findings.add(new Finding(Category.RELEASE_SAFETY, "deployment configuration " + change.code(oldConfig)
                    + " is replaced by one known only after apply"));
        } else if (!oldConfig.equals(newConfig)) {
            findings.add(new Finding(Category.RELEASE_SAFETY, "releases with " + change.code(newConfig) + " instead of "
                    + change.code(oldConfig)));
        }
        JsonNode oldAlarms = change.before("alarm_configuration");
        JsonNode newAlarms = change.after("alarm_configuration");
        JsonNode oldRollback = change.before("auto_rollback_configuration");
        JsonNode newRollback = change.after("auto_rollback_configuration");
        if (!oldAlarms.equals(newAlarms) || !oldRollback.equals(newRollback)) {
            String text = "rollback changes: " + rollback(change, oldAlarms, oldRollback) + " → "
                    + rollback(change, newAlarms, newRollback);
            findings.add(new Finding(Category.RELEASE_SAFETY, text));
        }
        JsonNode oldWait = waitMinutes(change.before("blue_green_deployment_config"));
        JsonNode newWait = waitMinutes(change.after("blue_green_deployment_config"));
        if (!oldWait.equals(newWait)) {
            findings.add(new Finding(Category.RELEASE_SAFETY, "the old version is kept " + newWait.asText() + " minutes"
                    + " after a release instead of " + oldWait.asText() + " (the time left to roll back by hand)"));
        }
        return findings;
    }

    /** "rolls back on DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM; alarms `a`, `b` stop a release". */
    private static String rollback(ResourceView change, JsonNode alarms, JsonNode rollback) {
        JsonNode auto = rollback.path(0);
        String rolls = auto.path("enabled").asBoolean(false)
                ? "rolls back on " + String.join(", ", PolicyDiff.set(auto.path("events")))
                : "no automatic rollback";
        JsonNode alarm = alarms.path(0);
        TreeSet<String> names = PolicyDiff.set(alarm.path("alarms"));
        String stops = !alarm.path("enabled").asBoolean(false) || names.isEmpty() ? "no alarm stops a release"
                : "alarms " + String.join(", ", names.stream().map(change::code).toList()) + " stop a release";
        return rolls + "; " + stops;
    }

    private static JsonNode waitMinutes(JsonNode blueGreen) {
        return blueGreen.path(0).path("terminate_blue_instances_on_deployment_success").path(0)
                .path("termination_wait_time_in_minutes");
    }
}
