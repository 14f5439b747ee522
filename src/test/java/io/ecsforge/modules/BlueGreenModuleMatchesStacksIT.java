package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.testing.MotoPlans;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One source, proven on plans: the blue-green module, as checked in under {@code modules/},
 * called with an environment's values plans exactly the resources the environment's delivery
 * stack plans, with the same values, at the addresses the module gives them
 * ({@code aws_codedeploy_deployment_config.deployment_config} becomes
 * {@code module.blue-green.aws_codedeploy_deployment_config.deployment_config[0]}). The stack
 * reads the service's and the role's names and ARNs from the service and access stacks' state;
 * here those references are replaced by fixed values, and the module is given the same values,
 * so both plan without any other stack applied. Both are planned by Terraform with the real
 * provider against moto, with the stack's provider settings.
 *
 * <p>dev is a canary without a latency alarm, prod a canary with one; two variants of dev prove
 * the strategy's switch: linear with a latency alarm and other alarm settings, and all-at-once,
 * which makes no deployment configuration of its own.
 */
class BlueGreenModuleMatchesStacksIT {
    @RegisterExtension static final MotoServer DEV = MotoServer.forPlatform("123456789012");
    @RegisterExtension static final MotoServer PROD = MotoServer.forPlatform("210987654321");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MODULE = BlueGreenModule.NAME;
    private static final Pattern REMOTE_OUTPUT = Pattern.compile(
            "\\$\\{data\\.terraform_remote_state\\.[\\w-]+\\.outputs\\.cross-stack-output-([\\w-]+)\\}");

    /** The module's input for each output of the service and access stacks the delivery stack reads. */
    private static final Map<String, String> INPUT_OF_OUTPUT = Map.of(
            "aws_iam_rolecodedeployarn", "codedeploy_role_arn",
            "aws_lb_listenerproduction_listenerarn", "production_listener_arn",
            "aws_lb_listenertest_listenerarn", "test_listener_arn",
            "aws_lb_target_groupbluename", "blue_target_group_name",
            "aws_lb_target_groupgreenname", "green_target_group_name",
            "aws_lb_target_groupbluearn_suffix", "blue_target_group_arn_suffix",
            "aws_lb_target_groupgreenarn_suffix", "green_target_group_arn_suffix",
            "aws_lbalbarn_suffix", "alb_arn_suffix");

    @TempDir Path work;

    @Test
    void devsCanaryWithoutALatencyAlarmPlansWhatDevsDeliveryStackPlans() throws IOException {
        assertSamePlans(Synthesized.examples(), "dev", DEV, "{\"strategy\": \"canary\", \"percent\": 25,"
                + " \"interval_minutes\": 10, \"terminate_blue_after_minutes\": 5, \"http5xx_percent\": 5,"
                + " \"unhealthy_hosts\": 1}");
    }

    @Test
    void prodsCanaryWithALatencyAlarmPlansWhatProdsDeliveryStackPlans() throws IOException {
        assertSamePlans(Synthesized.examples(), "prod", PROD, "{\"strategy\": \"canary\", \"percent\": 25,"
                + " \"interval_minutes\": 10, \"terminate_blue_after_minutes\": 30, \"http5xx_percent\": 2,"
                + " \"unhealthy_hosts\": 1, \"p99_latency_seconds\": 1.5}");
    }

    @Test
    void linearWithALatencyAlarmAndOtherAlarmSettingsPlansTheSame() throws IOException {
        assertSamePlans(devWithDeployment("""
                  strategy: linear
                  percent: 10
                  intervalMinutes: 6
                  terminateBlueAfterMinutes: 0
                  alarms: {http5xxPercent: 0.5, unhealthyHosts: 2, p99LatencySeconds: 0.25, periodSeconds: 120, evaluationPeriods: 3}
                """), "dev", DEV, "{\"strategy\": \"linear\", \"percent\": 10, \"interval_minutes\": 6,"
                + " \"terminate_blue_after_minutes\": 0, \"http5xx_percent\": 0.5, \"unhealthy_hosts\": 2,"
                + " \"p99_latency_seconds\": 0.25, \"period_seconds\": 120, \"evaluation_periods\": 3}");
    }

    @Test
    void allAtOnceWithTheBuiltInConfigurationPlansTheSame() throws IOException {
        Map<String, JsonNode> planned = assertSamePlans(devWithDeployment("""
                  strategy: all-at-once
                  terminateBlueAfterMinutes: 15
                  alarms: {http5xxPercent: 1}
                """), "dev", DEV, "{\"strategy\": \"all-at-once\", \"terminate_blue_after_minutes\": 15,"
                + " \"http5xx_percent\": 1}");
        assertFalse(planned.containsKey("aws_codedeploy_deployment_config.deployment_config"), planned::toString);
        assertEquals("CodeDeployDefault.ECSAllAtOnce", planned.get("aws_codedeploy_deployment_group.deployment_group")
                .path("change").path("after").path("deployment_config_name").asText());
    }

    /** config/dev.yaml with its deployment section's keys replaced by {@code deployment}. */
    private static Synthesized devWithDeployment(String deployment) throws IOException {
        String dev = Files.readString(Repo.config().resolve("dev.yaml"));
        String variant = dev.replaceFirst("(?s)\ndeployment:\n.*?\ntags:", "\ndeployment:\n" + Matcher.quoteReplacement(deployment)
                + "tags:");
        assertTrue(!variant.equals(dev), "config/dev.yaml's deployment section changed; update the variant");
        return Synthesized.of(List.of(ConfigLoader.parse("config/dev.yaml", variant, "dev")));
    }

    /**
     * The stack {@code webapp-<env>-delivery} of {@code synthesized}, its reads of other stacks'
     * outputs replaced by fixed values, and the module called with {@code values}, the same fixed
     * values and the names, planned with the same provider.
     *
     * @return the stack's planned changes by address
     */
    private Map<String, JsonNode> assertSamePlans(Synthesized synthesized, String env, MotoServer moto, String values)
            throws IOException {
        RealProvider.Binary terraform = RealProvider.terraform();
        ObjectNode stack = (ObjectNode) synthesized.stack("webapp-" + env + "-delivery").deepCopy();
        ObjectNode provider = provider(stack, moto);
        Map<String, String> inputs = inputs(env);

        Path stackDir = Files.createDirectories(work.resolve("stack"));
        stack.remove("provider");
        // cdktf's metadata, which names the overrides of the remote states removed below.
        stack.remove("//");
        ((ObjectNode) stack.path("terraform")).remove("backend");
        ObjectNode data = (ObjectNode) stack.path("data");
        data.remove("terraform_remote_state");
        if (data.isEmpty()) {
            stack.remove("data");
        }
        JsonNode fixed = withFixedOutputs(stack, inputs);
        assertFalse(fixed.toString().contains("terraform_remote_state"), () -> "a read of another stack's state is left in "
                + fixed);
        Files.writeString(stackDir.resolve("main.tf.json"), JSON.writeValueAsString(fixed));
        Files.writeString(stackDir.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        Path moduleRoot = Files.createDirectories(work.resolve("root"));
        Repo.copyModules(moduleRoot.resolve("modules"));
        ObjectNode call = (ObjectNode) JSON.readTree(values);
        call.put("source", "./modules/" + MODULE);
        call.put("app", "webapp");
        call.put("environment", env);
        inputs.forEach(call::put);
        ObjectNode root = JSON.createObjectNode();
        root.putObject("module").set(MODULE, call);
        Files.writeString(moduleRoot.resolve("main.tf.json"), JSON.writeValueAsString(root));
        Files.writeString(moduleRoot.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        Map<String, JsonNode> stackChanges = MotoPlans.changes(terraform, stackDir);
        Map<String, JsonNode> moduleChanges = new TreeMap<>();
        MotoPlans.changes(terraform, moduleRoot).forEach((address, change) -> moduleChanges.put(stackAddress(change), change));

        assertEquals(new TreeMap<>(stackChanges).keySet(), moduleChanges.keySet(),
                "planned addresses, the module's as the stack names them");
        assertTrue(stackChanges.size() >= 6, () -> "expected the whole delivery, planned: " + stackChanges.keySet());
        stackChanges.forEach((address, change) -> {
            JsonNode fromModule = moduleChanges.get(address);
            for (String field : List.of("actions", "after", "after_unknown")) {
                assertEquals(change.path("change").path(field), fromModule.path("change").path(field),
                        () -> address + " " + field + ": the stack's first, then the module's " + fromModule.path("address"));
            }
        });
        return stackChanges;
    }

    /** The fixed values of the service's and the role's names and ARNs, by the module's input. */
    private static Map<String, String> inputs(String env) {
        String account = env.equals("prod") ? "210987654321" : "123456789012";
        String listener = "arn:aws:elasticloadbalancing:us-east-1:" + account + ":listener/app/webapp-" + env
                + "/50dc6c495c0c9188/";
        Map<String, String> inputs = new LinkedHashMap<>();
        inputs.put("codedeploy_role_arn", "arn:aws:iam::" + account + ":role/webapp-" + env + "-codedeploy");
        inputs.put("cluster_name", "webapp-" + env);
        inputs.put("service_name", "webapp-" + env);
        inputs.put("production_listener_arn", listener + "f2f7dc8efc522ab2");
        inputs.put("test_listener_arn", listener + "a1b2c3d4e5f60718");
        inputs.put("blue_target_group_name", "webapp-" + env + "-blue");
        inputs.put("green_target_group_name", "webapp-" + env + "-green");
        inputs.put("blue_target_group_arn_suffix", "targetgroup/webapp-" + env + "-blue/0123456789abcdef");
        inputs.put("green_target_group_arn_suffix", "targetgroup/webapp-" + env + "-green/fedcba9876543210");
        inputs.put("alb_arn_suffix", "app/webapp-" + env + "/50dc6c495c0c9188");
        return inputs;
    }

    /** {@code node} with every read of another stack's output replaced by the module's input's fixed value. */
    private static JsonNode withFixedOutputs(JsonNode node, Map<String, String> inputs) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(withFixedOutputs(field.getValue(), inputs));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withFixedOutputs(array.get(i), inputs));
            }
            return array;
        }
        if (node.isTextual()) {
            Matcher matcher = REMOTE_OUTPUT.matcher(node.textValue());
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                String input = INPUT_OF_OUTPUT.get(matcher.group(1));
                assertTrue(input != null, () -> "an output of another stack with no module input: " + matcher.group());
                matcher.appendReplacement(text, Matcher.quoteReplacement(inputs.get(input)));
            }
            matcher.appendTail(text);
            return TextNode.valueOf(text.toString());
        }
        return node;
    }

    /**
     * The stack's provider with moto's endpoints and dummy keys: the region, default tags,
     * allowed account and role are the stack's, and the module's root is given the same.
     */
    private static ObjectNode provider(ObjectNode stack, MotoServer moto) {
        return MotoPlans.provider(stack, moto, List.of("cloudwatch", "codedeploy", "iam", "sts"));
    }

    /**
     * The stack's address of a module's change: the delivery stack makes each thing once, so what
     * the module counts ({@code deployment_config[0]}, {@code blue_p99_latency[0]}) is the stack's
     * one resource of that name.
     */
    private static String stackAddress(JsonNode change) {
        JsonNode index = change.path("index");
        assertTrue(index.isMissingNode() || index.isNull() || index.asInt() == 0, () -> "a second instance of "
                + change.path("address"));
        return (change.path("mode").asText().equals("data") ? "data." : "") + change.path("type").asText() + "."
                + change.path("name").asText();
    }
}
