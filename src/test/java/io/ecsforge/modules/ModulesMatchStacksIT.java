package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.testing.MotoPlans;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One source, proven on plans: a module, as checked in under {@code modules/}, called with an example environment's values plans
 * exactly the resources the environment's stack plans, with the same values, at the addresses a
 * module gives them ({@code aws_subnet.public_1} becomes
 * {@code module.network.aws_subnet.public[1]}, {@code aws_flow_log.flow_logs} becomes
 * {@code module.network.aws_flow_log.flow_logs[0]}). Both are planned by Terraform with the real
 * provider against moto, in the environment's account (the stack names it; the module looks it
 * up), with the same provider settings, so only what the two JSON documents say can differ.
 * For the network, dev has two zones, one NAT gateway and no endpoints; prod three zones, a NAT
 * gateway a zone and endpoints; a variant of dev one zone, no NAT gateway, endpoints, no flow logs
 * and listed subnets. The registry's plans need no lookups; they run against moto all the same.
 */
class ModulesMatchStacksIT {
    @RegisterExtension static final MotoServer DEV = MotoServer.forPlatform("123456789012");
    @RegisterExtension static final MotoServer PROD = MotoServer.forPlatform("210987654321");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;

    @Test
    void devsNetworkModulePlansWhatDevsNetworkStackPlans() throws IOException {
        assertSamePlans("dev", DEV, "{\"cidr\": \"10.0.0.0/16\", \"az_count\": 2, \"nat_gateways\": \"single\","
                + " \"flow_logs\": true, \"vpc_endpoints\": false}");
    }

    @Test
    void prodsNetworkModulePlansWhatProdsNetworkStackPlans() throws IOException {
        // Prod's flow log group is under the state key, which the stack looks up by its alias and the module takes by ARN.
        String stateKey = PROD.kmsKeyWithAlias("us-east-1", "alias/webapp-prod-state");
        assertSamePlans("prod", PROD, "{\"cidr\": \"10.20.0.0/16\", \"az_count\": 3, \"nat_gateways\": \"one-per-az\","
                + " \"flow_logs\": true, \"flow_log_retention_days\": 365, \"vpc_endpoints\": true,"
                + " \"flow_log_kms_key_arn\": \"" + stateKey + "\"}");
    }

    @Test
    void oneZoneWithoutNatOrFlowLogsButWithEndpointsAndListedSubnetsPlansTheSame() throws IOException {
        String dev = Files.readString(Repo.config().resolve("dev.yaml"));
        String variant = dev.replace("""
                  azCount: 2
                  natGateways: single
                  flowLogs: true
                  vpcEndpoints: false
                """, """
                  azCount: 1
                  natGateways: none
                  flowLogs: false
                  vpcEndpoints: true
                  publicSubnets: [10.0.64.0/24]
                  privateSubnets: [10.0.192.0/22]
                """);
        assertTrue(!variant.equals(dev), "config/dev.yaml's network section changed; update the variant");
        Synthesized synthesized = Synthesized.of(List.of(ConfigLoader.parse("config/dev.yaml", variant, "dev")));
        assertSamePlans(synthesized, "dev", DEV, "{\"cidr\": \"10.0.0.0/16\", \"az_count\": 1, \"nat_gateways\": \"none\","
                + " \"flow_logs\": false, \"vpc_endpoints\": true, \"public_subnets\": [\"10.0.64.0/24\"],"
                + " \"private_subnets\": [\"10.0.192.0/22\"]}");
    }

    @Test
    void devsRegistryModulePlansWhatDevsRegistryStackPlans() throws IOException {
        assertSamePlans(Synthesized.examples(), RegistryModule.NAME, "dev", DEV, "{\"repository_name\": \"webapp\","
                + " \"keep_images\": 30, \"untagged_expiry_days\": 7, \"image_tag\": \"initial\"}");
    }

    @Test
    void prodsRegistryModulePlansWhatProdsRegistryStackPlans() throws IOException {
        assertSamePlans(Synthesized.examples(), RegistryModule.NAME, "prod", PROD, "{\"repository_name\": \"webapp\","
                + " \"keep_images\": 100, \"untagged_expiry_days\": 3}");
    }

    private void assertSamePlans(String env, MotoServer moto, String networkValues) throws IOException {
        assertSamePlans(Synthesized.examples(), env, moto, networkValues);
    }

    private void assertSamePlans(Synthesized synthesized, String env, MotoServer moto, String networkValues)
            throws IOException {
        ObjectNode call = (ObjectNode) JSON.readTree(networkValues);
        call.put("app", "webapp");
        call.put("environment", env);
        assertSamePlans(synthesized, NetworkModule.NAME, env, moto, call.toString());
    }

    /**
     * The stack {@code webapp-<env>-<module>} of {@code synthesized} and the module {@code module}
     * called with {@code values}, planned with the same provider.
     */
    private void assertSamePlans(Synthesized synthesized, String module, String env, MotoServer moto, String values)
            throws IOException {
        RealProvider.Binary terraform = RealProvider.terraform();
        ObjectNode stack = (ObjectNode) synthesized.stack("webapp-" + env + "-" + module).deepCopy();
        ObjectNode provider = provider(stack, moto);

        Path stackDir = Files.createDirectories(work.resolve("stack"));
        stack.remove("provider");
        ((ObjectNode) stack.path("terraform")).remove("backend");
        Files.writeString(stackDir.resolve("main.tf.json"), JSON.writeValueAsString(stack));
        Files.writeString(stackDir.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        Path moduleRoot = Files.createDirectories(work.resolve("root"));
        Repo.copyModules(moduleRoot.resolve("modules"));
        ObjectNode call = (ObjectNode) JSON.readTree(values);
        call.put("source", "./modules/" + module);
        ObjectNode root = JSON.createObjectNode();
        root.putObject("module").set(module, call);
        Files.writeString(moduleRoot.resolve("main.tf.json"), JSON.writeValueAsString(root));
        Files.writeString(moduleRoot.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        Map<String, JsonNode> stackChanges = MotoPlans.changes(terraform, stackDir);
        Map<String, JsonNode> moduleChanges = new TreeMap<>();
        MotoPlans.changes(terraform, moduleRoot).forEach((address, change) ->
                moduleChanges.put(stackAddress(change, stackChanges), change));

        assertEquals(stackChanges.keySet(), moduleChanges.keySet(), "planned addresses, the module's as the stack names them");
        assertTrue(stackChanges.size() >= 2, () -> "expected the whole " + module + ", planned: " + stackChanges.keySet());
        stackChanges.forEach((address, change) -> {
            JsonNode fromModule = moduleChanges.get(address);
            for (String field : List.of("actions", "after", "after_unknown")) {
                assertEquals(change.path("change").path(field), fromModule.path("change").path(field),
                        () -> address + " " + field + ": the stack's first, then the module's " + fromModule.path("address"));
            }
        });
    }

    /**
     * The stack's provider with moto's endpoints and dummy keys: the region, default tags and
     * allowed account are the stack's, and the module's root is given the same.
     */
    private static ObjectNode provider(ObjectNode stack, MotoServer moto) {
        return MotoPlans.provider(stack, moto, List.of("ec2", "ecr", "iam", "kms", "logs", "sts"));
    }

    /**
     * The stack's address of a module's change: {@code type.name_<index>} for an instance of
     * what the stack makes once an instance, {@code type.name} for the one instance of what is
     * optional or made once.
     */
    private static String stackAddress(JsonNode change, Map<String, JsonNode> stackChanges) {
        String prefix = (change.path("mode").asText().equals("data") ? "data." : "") + change.path("type").asText() + "."
                + change.path("name").asText();
        JsonNode index = change.path("index");
        if (index.isMissingNode() || index.isNull()) {
            return prefix;
        }
        String numbered = prefix + "_" + index.asInt();
        return stackChanges.containsKey(numbered) || index.asInt() != 0 ? numbered : prefix;
    }
}
