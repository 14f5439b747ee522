package io.ecsforge.review.rules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.review.Action;
import java.util.List;

/** A CodeDeploy deployment configuration made, changed or deleted: how much traffic a release risks, and for how long. */
final class DeploymentConfigRule implements Rule {
    @Override
    public String name() {
        return "deployment-config";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        if (!change.type().equals("aws_codedeploy_deployment_config") || change.action() == Action.NO_OP
                || change.action() == Action.READ) {
            return List.of();
        }
        String name = change.code((change.existsAfter() ? change.after("deployment_config_name")
                : change.before("deployment_config_name")).asText());
        String text;
        if (!change.existedBefore()) {
            text = "new deployment configuration " + name + ": " + routing(change.after("traffic_routing_config"));
        } else if (!change.existsAfter()) {
            text = "deployment configuration " + name + " deleted (was: " + routing(change.before("traffic_routing_config"))
                    + ")";
        } else {
            text = "deployment configuration " + name + " changes: " + routing(change.before("traffic_routing_config"))
                    + " → " + routing(change.after("traffic_routing_config"));
        }
        return List.of(new Finding(Category.RELEASE_SAFETY, text));
    }

    /** "canary: 10% first, the rest after 10 minutes". */
    static String routing(JsonNode config) {
        JsonNode routing = config.path(0);
        JsonNode canary = routing.path("time_based_canary").path(0);
        JsonNode linear = routing.path("time_based_linear").path(0);
        if (!canary.isMissingNode()) {
            return "canary: " + canary.path("percentage").asText() + "% first, the rest after "
                    + canary.path("interval").asText() + " minutes";
        }
        if (!linear.isMissingNode()) {
            return "linear: " + linear.path("percentage").asText() + "% more every " + linear.path("interval").asText()
                    + " minutes";
        }
        return "all traffic at once";
    }
}
