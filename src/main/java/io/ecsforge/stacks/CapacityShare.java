package io.ecsforge.stacks;

import io.ecsforge.config.ClusterConfig;
import com.hashicorp.cdktf.TerraformResource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

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
        return strategy(cluster.fargateSpotWeight());
    }

    private static List<CapacityShare> strategy(int fargateSpotWeight) {
        List<CapacityShare> shares = new ArrayList<>();
        shares.add(new CapacityShare(FARGATE, 1, 1));
        if (fargateSpotWeight > 0) {
            shares.add(new CapacityShare(FARGATE_SPOT, 0, fargateSpotWeight));
        }
        return List.copyOf(shares);
    }

    /**
     * Sets the strategy of {@code fargateSpotWeight} as {@code resource}'s blocks {@code block}:
     * {@code blocks} writes the shares the weight fixes, and, when the weight is a module's
     * variable, {@code shapes} adds FARGATE_SPOT as a block that exists while the weight is above 0.
     */
    static void apply(Setting<Number> fargateSpotWeight, Function<List<CapacityShare>, TerraformResource> blocks,
            Shapes shapes, String block) {
        TerraformResource resource = blocks.apply(strategy(fargateSpotWeight.isLiteral() ? fargateSpotWeight.literal().intValue() : 0));
        Setting<List<String>> spot = fargateSpotWeight.isLiteral()
                ? Setting.of(List.of(), fargateSpotWeight.label())
                : Setting.expression(fargateSpotWeight.expression() + " > 0 ? [" + fargateSpotWeight.expression() + "] : []",
                        List.of(), fargateSpotWeight.label());
        shapes.blocks(resource, block, spot, weight -> {
            Map<String, Object> share = new LinkedHashMap<>();
            share.put("base", 0);
            share.put("capacity_provider", FARGATE_SPOT);
            share.put("weight", "${" + weight.expression() + "}");
            return share;
        });
    }
}
