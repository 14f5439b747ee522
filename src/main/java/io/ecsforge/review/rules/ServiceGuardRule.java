package io.ecsforge.review.rules;

import io.ecsforge.review.Action;
import java.util.ArrayList;
import java.util.List;

/**
 * An ECS service released by CodeDeploy whose task definition or load balancer Terraform is about
 * to change. CodeDeploy owns both between releases, so the service ignores them
 * ({@code lifecycle.ignore_changes}); a plan that changes them means that guard is gone and the
 * apply would undo the last release. The guard itself is not in a plan's JSON, only its effect.
 */
final class ServiceGuardRule implements Rule {
    private static final List<String> OWNED_BY_RELEASES = List.of("task_definition", "load_balancer");

    @Override
    public String name() {
        return "service-drift-guard";
    }

    @Override
    public List<Finding> check(ResourceView change, StackView stack) {
        if (!change.type().equals("aws_ecs_service") || !change.existedBefore() || change.action() == Action.NO_OP
                || !"CODE_DEPLOY".equals(change.before("deployment_controller").path(0).path("type").asText())) {
            return List.of();
        }
        if (change.action().isDeleteOrReplace()) {
            return List.of(new Finding(Category.RELEASE_SAFETY, "the service released by CodeDeploy "
                    + (change.existsAfter() ? "is replaced: its tasks stop and start again outside a release"
                            : "is deleted")));
        }
        List<String> changed = new ArrayList<>();
        for (String attribute : OWNED_BY_RELEASES) {
            if (!change.before(attribute).equals(change.after(attribute)) || change.afterUnknown(attribute)) {
                changed.add(change.code(attribute));
            }
        }
        if (changed.isEmpty()) {
            return List.of();
        }
        return List.of(new Finding(Category.RELEASE_SAFETY, "Terraform changes " + String.join(" and ", changed)
                + ", which CodeDeploy owns between releases: the drift guard (`ignore_changes`) no longer covers"
                + " it, and applying would undo the last release"));
    }
}
