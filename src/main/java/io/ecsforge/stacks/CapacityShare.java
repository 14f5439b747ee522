package io.ecsforge.stacks;

import io.ecsforge.config.ClusterConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of a capacity provider strategy. The cluster's default strategy and the service's
 * strategy are the same list, made here once. A release's AppSpec must repeat it as
 * {@code CapacityProviderStrategy}: CodeDeploy gives the service the AppSpec's strategy at every
 * deployment, and none when the AppSpec has none.
 *
 * @param capacityProvider FARGATE or FARGATE_SPOT
 * @param base tasks placed on this provider before weights apply
 * @param weight this provider's share of the tasks beyond the base
 */
public record CapacityShare(String capacityProvider, int base, int weight) {
    public static final String FARGATE = "FARGATE";
    public static final String FARGATE_SPOT = "FARGATE_SPOT";

    /**
     * FARGATE with base 1 and weight 1, so that at least one task never runs on Spot, and
     * FARGATE_SPOT at {@code fargateSpotWeight} when that is above 0.
     */
    public static List<CapacityShare> strategy(ClusterConfig cluster) {
        List<CapacityShare> shares = new ArrayList<>();
        shares.add(new CapacityShare(FARGATE, 1, 1));
        if (cluster.fargateSpotWeight() > 0) {
            shares.add(new CapacityShare(FARGATE_SPOT, 0, cluster.fargateSpotWeight()));
        }
        return List.copyOf(shares);
    }
}
