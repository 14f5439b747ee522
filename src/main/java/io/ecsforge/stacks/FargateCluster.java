package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.cloudwatch_log_group.CloudwatchLogGroup;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsCluster;
import com.hashicorp.cdktf.providers.aws.ecs_cluster.EcsClusterSetting;
import com.hashicorp.cdktf.providers.aws.ecs_cluster_capacity_providers.EcsClusterCapacityProviders;
import com.hashicorp.cdktf.providers.aws.ecs_cluster_capacity_providers.EcsClusterCapacityProvidersDefaultCapacityProviderStrategy;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The ECS cluster: Container Insights, the FARGATE and FARGATE_SPOT capacity providers with the
 * default strategy of {@link CapacityShare}, and, when {@code executeCommand} is on, ECS Exec
 * sessions logged to their own log group. The cluster stack and the ecs-service module are both
 * this part, made directly in the given scope.
 */
public final class FargateCluster {
    /** The outputs, with what each gives. */
    public static final Map<String, String> OUTPUTS = Map.of(
            "cluster_name", "The ECS cluster's name.",
            "cluster_arn", "The ECS cluster's ARN.");

    private final Construct scope;
    private final EcsCluster cluster;

    public FargateCluster(Construct scope, ClusterSettings settings, Shapes shapes) {
        this.scope = scope;
        String insights = settings.containerInsights().label();
        // OVERRIDE sends every session's input and output to this group rather than the task's
        // own log configuration, so a shell into production leaves an audit trail.
        CloudwatchLogGroup[] execLogs = new CloudwatchLogGroup[1];
        shapes.optional(settings.executeCommand(), () -> execLogs[0] = CloudwatchLogGroup.Builder.create(scope, "exec_logs")
                .name(settings.names().execLogGroup())
                .retentionInDays(settings.logRetentionDays().value())
                .build());
        cluster = EcsCluster.Builder.create(scope, "cluster")
                .name(settings.names().cluster())
                .setting(List.of(EcsClusterSetting.builder()
                        .name("containerInsights")
                        .value(Setting.either(settings.containerInsights(), Setting.of("enabled", insights),
                                Setting.of("disabled", insights)).value())
                        .build()))
                .build();
        shapes.blocks(cluster, "configuration", Setting.either(settings.executeCommand(),
                Setting.of(List.of("exec"), "cluster.executeCommand"), Setting.of(List.of(), "cluster.executeCommand")),
                on -> execLogging(execLogs[0]));

        CapacityShare.apply(settings.fargateSpotWeight(), shares -> EcsClusterCapacityProviders.Builder
                .create(scope, "capacity_providers")
                .clusterName(cluster.getName())
                .capacityProviders(List.of(CapacityShare.FARGATE, CapacityShare.FARGATE_SPOT))
                .defaultCapacityProviderStrategy(shares.stream()
                        .map(share -> EcsClusterCapacityProvidersDefaultCapacityProviderStrategy.builder()
                                .capacityProvider(share.capacityProvider())
                                .base(share.base())
                                .weight(share.weight())
                                .build())
                        .toList())
                .build(), shapes, "default_capacity_provider_strategy");
    }

    /** The cluster's configuration block that logs ECS Exec sessions to the exec log group. */
    private static Map<String, Object> execLogging(CloudwatchLogGroup execLogs) {
        Map<String, Object> logConfiguration = new LinkedHashMap<>();
        logConfiguration.put("cloud_watch_log_group_name", execLogs.getName());
        Map<String, Object> execute = new LinkedHashMap<>();
        execute.put("log_configuration", logConfiguration);
        execute.put("logging", "OVERRIDE");
        return Map.of("execute_command_configuration", execute);
    }

    /**
     * The outputs. A stack's carry no description: adding one would change every stack's JSON,
     * and users' plans with it.
     */
    public void outputs(boolean described) {
        output("cluster_name", cluster.getName(), described);
        output("cluster_arn", cluster.getArn(), described);
    }

    private void output(String name, String value, boolean described) {
        TerraformOutput.Builder output = TerraformOutput.Builder.create(scope, name).value(value);
        if (described) {
            output.description(OUTPUTS.get(name));
        }
        output.build();
    }

    public String clusterName() {
        return cluster.getName();
    }

    public String clusterArn() {
        return cluster.getArn();
    }
}
