package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterStackTest {
    private final Resources dev = Synthesized.examples().resources("webapp-dev-cluster");
    private final Resources prod = Synthesized.examples().resources("webapp-prod-cluster");

    @Test
    void clusterIsNamedAfterAppAndEnvironment() {
        assertAt(dev.resource("aws_ecs_cluster", "cluster"), "name", "webapp-dev");
        assertAt(prod.resource("aws_ecs_cluster", "cluster"), "name", "webapp-prod");
    }

    @Test
    void containerInsightsIsEnabledByDefault() {
        assertAt(dev.resource("aws_ecs_cluster", "cluster"), "setting",
                List.of(Map.of("name", "containerInsights", "value", "enabled")));
        assertAt(prod.resource("aws_ecs_cluster", "cluster"), "setting",
                List.of(Map.of("name", "containerInsights", "value", "enabled")));
    }

    @Test
    void containerInsightsIsExplicitlyDisabledWhenTurnedOff() {
        assertAt(ExecSpotVariant.resources("cluster").resource("aws_ecs_cluster", "cluster"), "setting",
                List.of(Map.of("name", "containerInsights", "value", "disabled")));
    }

    @Test
    void clusterOffersFargateAndFargateSpot() {
        JsonNode providers = dev.resource("aws_ecs_cluster_capacity_providers", "capacity_providers");
        assertAt(providers, "capacity_providers", List.of("FARGATE", "FARGATE_SPOT"));
        assertAt(providers, "cluster_name", "${aws_ecs_cluster.cluster.name}");
    }

    @Test
    void defaultStrategyKeepsEveryTaskOnFargateWithoutSpotWeight() {
        assertAt(prod.resource("aws_ecs_cluster_capacity_providers", "capacity_providers"), "default_capacity_provider_strategy",
                List.of(Map.of("capacity_provider", "FARGATE", "base", 1, "weight", 1)));
    }

    @Test
    void spotWeightAddsFargateSpotBesideOneFargateBaseTask() {
        assertAt(ExecSpotVariant.resources("cluster").resource("aws_ecs_cluster_capacity_providers", "capacity_providers"),
                "default_capacity_provider_strategy", List.of(
                        Map.of("capacity_provider", "FARGATE", "base", 1, "weight", 1),
                        Map.of("capacity_provider", "FARGATE_SPOT", "base", 0, "weight", ExecSpotVariant.SPOT_WEIGHT)));
    }

    @Test
    void execIsOffUnlessTheClusterAllowsIt() {
        JsonNode cluster = prod.resource("aws_ecs_cluster", "cluster");
        assertTrue(cluster.path("configuration").isMissingNode(), () -> "expected no ECS Exec configuration in\n" + Resources.show(cluster));
        assertFalse(prod.has("aws_cloudwatch_log_group", "exec_logs"), () -> Resources.show(prod.json().path("resource")));
    }

    @Test
    void execSessionsAreLoggedToTheirOwnGroup() {
        JsonNode cluster = ExecSpotVariant.resources("cluster").resource("aws_ecs_cluster", "cluster");
        assertAt(cluster, "configuration.execute_command_configuration.logging", "OVERRIDE");
        assertAt(cluster, "configuration.execute_command_configuration.log_configuration.cloud_watch_log_group_name",
                "${aws_cloudwatch_log_group.exec_logs.name}");
    }

    @Test
    void execLogGroupIsNamedForTheEnvironmentAndExpires() {
        JsonNode group = ExecSpotVariant.resources("cluster").resource("aws_cloudwatch_log_group", "exec_logs");
        assertAt(group, "name", "/ecs/webapp-exec/exec");
        assertAt(group, "retention_in_days", 30);
    }

    @Test
    void clusterNameAndArnAreOutputs() {
        assertAt(dev.json(), "output.cluster_name.value", "${aws_ecs_cluster.cluster.name}");
        assertAt(dev.json(), "output.cluster_arn.value", "${aws_ecs_cluster.cluster.arn}");
    }
}
