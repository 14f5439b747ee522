package io.ecsforge.config;

import java.util.List;

/** The {@code cluster} section: the ECS cluster. */
final class ClusterSchema {
    static final Key<Boolean> CONTAINER_INSIGHTS = Key.bool("cluster.containerInsights", true, "CloudWatch Container Insights.");
    static final Key<Boolean> EXECUTE_COMMAND = Key.bool("cluster.executeCommand", false,
            "ECS Exec into running tasks, logged to CloudWatch Logs.");
    static final Key<Integer> FARGATE_SPOT_WEIGHT = Key.whole("cluster.fargateSpotWeight", 0, 0, 10,
            "Share of tasks on FARGATE_SPOT against FARGATE's weight of 1.");

    static final List<Key<?>> KEYS = List.of(CONTAINER_INSIGHTS, EXECUTE_COMMAND, FARGATE_SPOT_WEIGHT);

    private ClusterSchema() {}

    static ClusterConfig read(Section s) {
        ClusterConfig config = new ClusterConfig(s.bool(CONTAINER_INSIGHTS), s.bool(EXECUTE_COMMAND), s.integer(FARGATE_SPOT_WEIGHT));
        s.rejectUnknownKeys();
        return config;
    }
}
