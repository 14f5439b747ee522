package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * One source, proven on plans: the access module, as checked in under {@code modules/}, called
 * with an example environment's values plans exactly the roles, policies and OIDC provider the
 * environment's access stack plans, with the same values (every policy document rendered to the
 * same JSON). Both are planned by Terraform with the real provider against moto. The stack reads
 * the repository's ARN from the registry stack's state: here that reference is replaced by a fixed
 * ARN, and the remote state's data source removed, and the module is given the same ARN, so both
 * plans are complete without applying the registry. Dev: lock files, an SSM parameter, a NAT
 * gateway and no endpoints; prod: an admin role, DynamoDB locking, a Secrets Manager secret;
 * prod without its admin role, so that the infra role's own permissions for endpoints and the
 * lock table are compared; dev with a task policy, ECS Exec, no NAT gateway and the
 * all-at-once strategy; and dev with an app and environment too long for a load balancer's name,
 * which the module shortens in HCL as the stacks shorten it in Java.
 */
class AccessModuleMatchesStacksIT {
    @RegisterExtension static final MotoServer DEV = MotoServer.forPlatform("123456789012");
    @RegisterExtension static final MotoServer PROD = MotoServer.forPlatform("210987654321");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REMOTE_STATE = Pattern.compile("\\$\\{data\\.terraform_remote_state\\.[^}]+}");

    @TempDir Path work;

    @Test
    void devsAccessModulePlansWhatDevsAccessStackPlans() throws IOException {
        assertSamePlans(Synthesized.examples(), "dev", DEV, devValues());
    }

    @Test
    void prodsAccessModulePlansWhatProdsAccessStackPlans() throws IOException {
        assertSamePlans(Synthesized.examples(), "prod", PROD, prodValues());
    }

    @Test
    void prodWithoutAnAdminRoleGivesTheInfraRoleTheSamePermissions() throws IOException {
        String prod = Files.readString(Repo.config().resolve("prod.yaml"));
        String variant = prod.replace("assumeRoleArn: \"arn:aws:iam::210987654321:role/platform-admin\"", "assumeRoleArn: null");
        assertNotEquals(prod, variant, "config/prod.yaml's admin role changed; update the variant");
        ObjectNode values = prodValues();
        values.remove("assume_role_arn");
        assertSamePlans(Synthesized.of(List.of(ConfigLoader.parse("config/prod.yaml", variant, "prod"))), "prod", PROD, values);
    }

    @Test
    void aTaskPolicyEcsExecNoNatGatewayAndAllAtOncePlanTheSame() throws IOException {
        String dev = Files.readString(Repo.config().resolve("dev.yaml"));
        String variant = dev.replace("  natGateways: single\n  flowLogs: true\n  vpcEndpoints: false\n",
                        "  natGateways: none\n  flowLogs: false\n  vpcEndpoints: true\n")
                .replace("  strategy: canary\n", "  strategy: all-at-once\n")
                .replace("  healthCheckPath: /health\n", "  healthCheckPath: /health\n  taskPolicy:\n"
                        + "    - actions: [s3:GetObject, s3:PutObject]\n      resources: [\"arn:aws:s3:::webapp-uploads/*\"]\n"
                        + "    - actions: [sqs:SendMessage]\n      resources: [\"arn:aws:sqs:us-east-1:123456789012:jobs\"]\n")
                .replace("service:\n", "cluster:\n  executeCommand: true\nservice:\n");
        for (String changed : List.of("natGateways: none", "strategy: all-at-once", "taskPolicy:", "executeCommand: true")) {
            assertTrue(variant.contains(changed), () -> "config/dev.yaml changed, no " + changed + " in the variant; update it");
        }
        ObjectNode values = devValues();
        values.put("nat_gateways", "none");
        values.put("flow_logs", false);
        values.put("vpc_endpoints", true);
        values.put("deployment_strategy", "all-at-once");
        values.put("execute_command", true);
        values.set("task_policy", JSON.readTree("[{\"actions\": [\"s3:GetObject\", \"s3:PutObject\"],"
                + " \"resources\": [\"arn:aws:s3:::webapp-uploads/*\"]}, {\"actions\": [\"sqs:SendMessage\"],"
                + " \"resources\": [\"arn:aws:sqs:us-east-1:123456789012:jobs\"]}]"));
        assertSamePlans(Synthesized.of(List.of(ConfigLoader.parse("config/dev.yaml", variant, "dev"))), "dev", DEV, values);
    }

    /** A prefix longer than a load balancer's name may be: the module shortens the names with the stacks' hash. */
    @Test
    void namesTooLongForALoadBalancerAreShortenedAsTheStackShortensThem() throws IOException {
        String dev = Files.readString(Repo.config().resolve("dev.yaml"));
        String variant = dev.replace("app: webapp\nenvironment: dev\n", "app: webapp-with-a-long-na\nenvironment: development\n");
        assertNotEquals(dev, variant, "config/dev.yaml's app or environment changed; update the variant");
        ObjectNode values = devValues();
        values.put("app", "webapp-with-a-long-na");
        values.put("environment", "development");
        assertSamePlans(Synthesized.of(List.of(ConfigLoader.parse("config/development.yaml", variant, "development"))),
                "development", DEV, values, "webapp-with-a-long-na");
    }

    private static ObjectNode devValues() throws IOException {
        return (ObjectNode) JSON.readTree("""
                {"app": "webapp", "environment": "dev",
                 "repository_arn": "arn:aws:ecr:us-east-1:123456789012:repository/webapp",
                 "github_repository": "my-org/webapp", "create_oidc_provider": true,
                 "secrets": {"DB_PASSWORD": "arn:aws:ssm:us-east-1:123456789012:parameter/webapp/db-password"},
                 "state_bucket": "webapp-tfstate-123456789012", "state_region": "us-east-1", "state_lock": "lockfile",
                 "nat_gateways": "single", "flow_logs": true, "vpc_endpoints": false, "autoscaling": true,
                 "deployment_strategy": "canary"}
                """);
    }

    private static ObjectNode prodValues() throws IOException {
        return (ObjectNode) JSON.readTree("""
                {"app": "webapp", "environment": "prod",
                 "repository_arn": "arn:aws:ecr:us-east-1:210987654321:repository/webapp",
                 "github_repository": "my-org/webapp", "create_oidc_provider": true,
                 "assume_role_arn": "arn:aws:iam::210987654321:role/platform-admin",
                 "secrets": {"DB_PASSWORD": "arn:aws:secretsmanager:us-east-1:210987654321:secret:webapp/db-password-AbCdEf"},
                 "state_bucket": "webapp-tfstate-210987654321", "state_lock": "both", "state_dynamodb_table": "webapp-tflock",
                 "nat_gateways": "one-per-az", "flow_logs": true, "vpc_endpoints": true, "autoscaling": true,
                 "waf": "managed"}
                """);
    }

    /**
     * The access stack of {@code synthesized}, its registry reference replaced by the module's
     * {@code repository_arn}, and the module called with {@code values}, planned with the same provider.
     */
    private void assertSamePlans(Synthesized synthesized, String env, MotoServer moto, ObjectNode values) throws IOException {
        assertSamePlans(synthesized, env, moto, values, "webapp");
    }

    private void assertSamePlans(Synthesized synthesized, String env, MotoServer moto, ObjectNode values, String app)
            throws IOException {
        RealProvider.Binary terraform = RealProvider.terraform();
        ObjectNode stack = (ObjectNode) synthesized.stack(app + "-" + env + "-access").deepCopy();
        ObjectNode provider = provider(stack, moto);

        Path stackDir = Files.createDirectories(work.resolve("stack"));
        stack.remove("provider");
        stack.remove("//");
        ((ObjectNode) stack.path("terraform")).remove("backend");
        ObjectNode data = (ObjectNode) stack.path("data");
        assertTrue(data.has("terraform_remote_state"), "the stack no longer reads the registry's state: " + data.fieldNames());
        data.remove("terraform_remote_state");
        String repositoryArn = values.path("repository_arn").asText();
        JsonNode replaced = replaceRemoteState(stack, repositoryArn);
        assertTrue(!JSON.writeValueAsString(replaced).contains("terraform_remote_state"), "a remote state reference is left");
        Files.writeString(stackDir.resolve("main.tf.json"), JSON.writeValueAsString(replaced));
        Files.writeString(stackDir.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        Path moduleRoot = Files.createDirectories(work.resolve("root"));
        Repo.copyModules(moduleRoot.resolve("modules"));
        ObjectNode call = values.deepCopy();
        call.put("source", "./modules/" + AccessModule.NAME);
        // The registry module's repository_name: the name in the repository's ARN.
        call.put("repository_name", repositoryArn.substring(repositoryArn.indexOf(":repository/") + ":repository/".length()));
        ObjectNode root = JSON.createObjectNode();
        root.putObject("module").set(AccessModule.NAME, call);
        Files.writeString(moduleRoot.resolve("main.tf.json"), JSON.writeValueAsString(root));
        Files.writeString(moduleRoot.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        Map<String, JsonNode> stackChanges = MotoPlans.changes(terraform, stackDir);
        Map<String, JsonNode> moduleChanges = new TreeMap<>();
        MotoPlans.changes(terraform, moduleRoot).forEach((address, change) -> moduleChanges.put(stackAddress(change), change));

        assertEquals(stackChanges.keySet(), moduleChanges.keySet(), "planned addresses, the module's as the stack names them");
        assertTrue(stackChanges.size() >= 13, () -> "expected every role and policy, planned: " + stackChanges.keySet());
        stackChanges.forEach((address, change) -> {
            JsonNode fromModule = moduleChanges.get(address);
            for (String field : List.of("actions", "after", "after_unknown")) {
                assertEquals(change.path("change").path(field), fromModule.path("change").path(field),
                        () -> address + " " + field + ": the stack's first, then the module's " + fromModule.path("address"));
            }
        });
    }

    /** {@code node} with every reference to a remote state's output replaced by {@code value}. */
    private static JsonNode replaceRemoteState(JsonNode node, String value) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(replaceRemoteState(field.getValue(), value));
            }
            return object;
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, replaceRemoteState(node.get(i), value));
            }
            return node;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(REMOTE_STATE.matcher(node.textValue()).replaceAll(value));
        }
        return node;
    }

    /** The stack's provider with moto's endpoints and dummy keys; the module's root is given the same. */
    private static ObjectNode provider(ObjectNode stack, MotoServer moto) {
        return MotoPlans.provider(stack, moto, List.of("ec2", "iam", "sts"));
    }

    /** The stack's address of a module's change: the access stack makes everything once, the module what is optional with a count. */
    private static String stackAddress(JsonNode change) {
        return (change.path("mode").asText().equals("data") ? "data." : "") + change.path("type").asText() + "."
                + change.path("name").asText();
    }
}
