package io.ecsforge.modules;

import io.ecsforge.config.ModuleVariables;
import io.ecsforge.config.ModuleVariables.Variable;
import io.ecsforge.stacks.BlueGreenDelivery;
import io.ecsforge.stacks.DeliverySettings;
import io.ecsforge.stacks.EnvironmentNames.DeliveryNames;
import io.ecsforge.stacks.ReleaseTargets;
import io.ecsforge.stacks.Setting;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * {@code modules/blue-green}: {@link BlueGreenDelivery} with the {@code deployment} section's
 * keys, {@code app} and {@code environment} as variables, and the service, listeners, target
 * groups and role it releases with as inputs, named as the service and access stacks name them.
 */
final class BlueGreenModule extends ModuleStack {
    static final String NAME = "blue-green";

    /** What the module is given by the modules that make the service and the role, by variable name. */
    static final Map<String, String> INPUTS = inputs();

    BlueGreenModule(Construct scope) {
        super(scope, NAME);
        declare(ModuleVariables.names());
        declare(ModuleVariables.blueGreen());
        declare(INPUTS.entrySet().stream()
                .map(input -> new Variable(input.getKey(), input.getKey(), "string", input.getValue(), null, List.of()))
                .toList());
        Setting<Number> p99 = variable("p99_latency_seconds", (Number) 0);
        DeliverySettings settings = new DeliverySettings(
                variable("strategy", ""),
                variable("percent", (Number) 0),
                variable("interval_minutes", (Number) 0),
                variable("terminate_blue_after_minutes", (Number) 0),
                variable("http5xx_percent", (Number) 0),
                variable("unhealthy_hosts", (Number) 0),
                Setting.expression(p99.expression() + " != null", false, p99.label()),
                () -> p99,
                variable("period_seconds", (Number) 0),
                variable("evaluation_periods", (Number) 0),
                new DeliveryNames(variable("app", "").text() + "-" + variable("environment", "").text()));
        ReleaseTargets targets = new ReleaseTargets(
                input("cluster_name"),
                input("service_name"),
                input("production_listener_arn"),
                input("test_listener_arn"),
                input("blue_target_group_name"),
                input("green_target_group_name"),
                input("blue_target_group_arn_suffix"),
                input("green_target_group_arn_suffix"),
                input("alb_arn_suffix"));
        new BlueGreenDelivery(this, settings, targets, input("codedeploy_role_arn"), shapes()).outputs(true);
    }

    private String input(String name) {
        return variable(name, "").value();
    }

    private static Map<String, String> inputs() {
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("codedeploy_role_arn", "The ARN of the role CodeDeploy assumes to swap task sets and listeners (the"
                + " `codedeploy` role of an ecsforge environment's access stack).");
        inputs.put("cluster_name", "The ECS cluster the service runs in.");
        inputs.put("service_name", "The ECS service CodeDeploy releases to; its deployment controller is CODE_DEPLOY.");
        inputs.put("production_listener_arn", "The ARN of the listener whose target group serves production traffic.");
        inputs.put("test_listener_arn", "The ARN of the listener that reaches the new version before it takes production"
                + " traffic.");
        inputs.put("blue_target_group_name", "The target group serving production before the first release.");
        inputs.put("green_target_group_name", "The other target group; the two swap roles at every release.");
        inputs.put("blue_target_group_arn_suffix", "The blue target group's ARN suffix (`targetgroup/<name>/<id>`), the"
                + " CloudWatch dimension its alarms watch.");
        inputs.put("green_target_group_arn_suffix", "The green target group's ARN suffix (`targetgroup/<name>/<id>`), the"
                + " CloudWatch dimension its alarms watch.");
        inputs.put("alb_arn_suffix", "The load balancer's ARN suffix (`app/<name>/<id>`), the CloudWatch dimension of"
                + " every alarm.");
        return Collections.unmodifiableMap(inputs);
    }
}
