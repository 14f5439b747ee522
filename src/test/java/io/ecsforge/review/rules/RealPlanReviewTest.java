package io.ecsforge.review.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsforge.review.PlanSummary;
import io.ecsforge.review.StackPlan;
import io.ecsforge.testing.Repo;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The "Review first" items of real plans of dev's stacks, made on moto with the real provider by
 * RealProviderLifecycleIT: each plan shows exactly the items its change calls for, and nothing else.
 */
class RealPlanReviewTest {
    static Stream<Arguments> plans() {
        return Stream.of(
                Arguments.of("access", "access-task-policy.json", List.of(
                        "permissions-widened aws_iam_role_policy.task_policy: allows `s3:GetObject`, `s3:PutObject` on"
                                + " `webapp-uploads/*` (new; statement `TaskPolicy1`)")),
                Arguments.of("access", "access-github-repository.json", List.of(
                        "permissions-widened aws_iam_role.github_infra: lets GitHub Actions runs with subject"
                                + " `repo:my-org/webapp-next:environment:dev` assume it (new; statement `AssumedByGithubActions`)",
                        "permissions-widened aws_iam_role.github_plan: lets GitHub Actions runs with subject"
                                + " `repo:my-org/webapp-next:pull_request` assume it (new; statement `AssumedByGithubActions`)",
                        "permissions-widened aws_iam_role.github_release: lets GitHub Actions runs with subject"
                                + " `repo:my-org/webapp-next:environment:dev` assume it (new; statement `AssumedByGithubActions`)",
                        "permissions-narrowed aws_iam_role.github_infra: no longer lets GitHub Actions runs with subject"
                                + " `repo:my-org/webapp:environment:dev` assume it (statement `AssumedByGithubActions`)",
                        "permissions-narrowed aws_iam_role.github_plan: no longer lets GitHub Actions runs with subject"
                                + " `repo:my-org/webapp:pull_request` assume it (statement `AssumedByGithubActions`)",
                        "permissions-narrowed aws_iam_role.github_release: no longer lets GitHub Actions runs with subject"
                                + " `repo:my-org/webapp:environment:dev` assume it (statement `AssumedByGithubActions`)")),
                Arguments.of("service", "service-test-listener-open.json", List.of(
                        "network-exposure aws_vpc_security_group_ingress_rule.alb_ingress_8443_0_0_0_0_0: opens port 8443"
                                + " (tcp) to `0.0.0.0/0` (new)")),
                Arguments.of("state", "state-bucket-renamed.json", List.of(
                        "data-at-risk aws_s3_bucket.bucket: the state bucket is replaced: deleted and made again; it holds"
                                + " the Terraform state of every stack of the environment (ecsforge makes it with"
                                + " prevent_destroy, which must have been removed for Terraform to plan this)")),
                Arguments.of("delivery", "delivery-canary-percent.json", List.of(
                        "release-safety aws_codedeploy_deployment_config.deployment_config: new deployment configuration"
                                + " `webapp-dev-canary-10pct-10min`: canary: 10% first, the rest after 10 minutes",
                        "release-safety aws_codedeploy_deployment_group.deployment_group: new deployment group: releases"
                                + " with `webapp-dev-canary-10pct-10min`; rolls back on DEPLOYMENT_FAILURE,"
                                + " DEPLOYMENT_STOP_ON_ALARM; alarms `webapp-dev-blue-5xx`, `webapp-dev-blue-unhealthy-hosts`,"
                                + " `webapp-dev-green-5xx`, `webapp-dev-green-unhealthy-hosts` stop a release")),
                Arguments.of("service", "service-health-check-path.json", List.of()),
                Arguments.of("network", "network-third-zone.json", List.of()),
                Arguments.of("registry", "registry-no-changes.json", List.of()),
                Arguments.of("registry", "registry-tags-only.json", List.of()));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("plans")
    void realPlanShowsExactlyItsReviewItems(String stack, String fixture, List<String> expected) {
        List<String> found = Rules.review(PlanSummary.read(List.of(new StackPlan("dev", stack,
                        Repo.root().resolve("src/test/resources/review/real-plans/moto").resolve(fixture)))))
                .stream().map(item -> item.category().id() + " " + item.address() + ": " + item.text()).toList();
        assertEquals(expected, found);
    }
}
