package io.ecsforge.emit.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HCL of every stack of both example environments means what its JSON means, as Terraform
 * itself decodes them: each stack, as a module (no provider, no backend), is planned twice by
 * Terraform with the real provider, once from the JSON and once from the HCL written from it,
 * with no state and no refresh, and the plans' {@code planned_values}, {@code resource_changes}
 * and {@code output_changes} must be equal: every resource with every argument and nested
 * block, after the provider's schema decoded it.
 *
 * <p>Both plans get the same provider: placeholder credentials, and the two data sources that
 * ask AWS ({@code aws_caller_identity}, {@code aws_availability_zones}) answered by a real moto
 * server on loopback; nothing is created. The cross-stack reads are pointed, in the JSON before
 * it is converted, at local state files with placeholder outputs.
 */
class HclModulePlanIT {
    @RegisterExtension static final MotoServer MOTO = new MotoServer();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;

    @TestFactory
    Stream<DynamicTest> theHclOfEveryStackPlansExactlyAsItsJson() {
        Synthesized examples = Synthesized.examples();
        List<DynamicTest> tests = new ArrayList<>();
        examples.stacks().values().forEach(stacks -> stacks.forEach(stack ->
                tests.add(dynamicTest(stack, () -> planBothAndCompare(stack, examples.stack(stack))))));
        return tests.stream();
    }

    private void planBothAndCompare(String stack, JsonNode synthesized) throws IOException {
        RealProvider.Binary terraform = RealProvider.terraform();
        ObjectNode json = HclModuleIT.moduleJson(synthesized);
        readRemoteStateFromLocalFiles(json, Files.createDirectories(work.resolve("remote-state").resolve(stack)));

        Path jsonFolder = Files.createDirectories(work.resolve("json").resolve(stack));
        Files.writeString(jsonFolder.resolve("main.tf.json"), JSON.writeValueAsString(json));
        Path hclFolder = work.resolve("hcl").resolve(stack);
        HclModule.write(json, ProviderSchema.bundled(), hclFolder);

        JsonNode fromJson = plan(terraform, jsonFolder);
        JsonNode fromHcl = plan(terraform, hclFolder);

        assertTrue(fromJson.path("resource_changes").size() > 0, () -> stack + ": the plan of the JSON changes nothing");
        for (String part : List.of("planned_values", "resource_changes", "output_changes")) {
            assertEquals(pretty(fromJson.path(part)), pretty(fromHcl.path(part)),
                    () -> stack + ": " + part + " of the HCL's plan (" + hclFolder + ") differs from the JSON's ("
                            + jsonFolder + ")");
        }
    }

    /**
     * Points every {@code terraform_remote_state} at a local state file holding each output the
     * stack reads, with a placeholder value: an ARN where the name says ARN (the provider checks
     * their form), else a name.
     */
    private static void readRemoteStateFromLocalFiles(ObjectNode json, Path folder) throws IOException {
        String text = JSON.writeValueAsString(json);
        if (!(json.path("data").path("terraform_remote_state") instanceof ObjectNode reads)) {
            return;
        }
        for (Map.Entry<String, JsonNode> read : reads.properties()) {
            String name = read.getKey();
            Matcher used = Pattern.compile("data\\.terraform_remote_state\\." + Pattern.quote(name)
                    + "\\.outputs\\.([A-Za-z0-9_-]+)").matcher(text);
            ObjectNode outputs = JSON.createObjectNode();
            while (used.find()) {
                String output = used.group(1);
                String value = output.contains("arn") ? "arn:aws:iam::123456789012:role/" + output
                        : output.contains("public_ip") ? "192.0.2.1" : "placeholder-" + output;
                outputs.putObject(output).put("value", value).put("type", "string");
            }
            ObjectNode state = JSON.createObjectNode().put("version", 4).put("terraform_version", "1.11.4")
                    .put("serial", 1).put("lineage", "hcl-module-plan-it");
            state.set("outputs", outputs);
            state.putArray("resources");
            Path file = folder.resolve(name + ".tfstate");
            Files.writeString(file, JSON.writeValueAsString(state));
            ObjectNode settings = (ObjectNode) read.getValue();
            settings.put("backend", "local");
            settings.remove("workspace");
            settings.putObject("config").put("path", file.toString());
        }
    }

    /** The provider both plans get; the same file goes beside the JSON and beside the HCL. */
    private static String provider() {
        String endpoint = MOTO.endpoint().toString();
        // Stacks whose log groups are under the state key look it up by its alias.
        MOTO.kmsKeyWithAlias("us-east-1", "alias/webapp-prod-state");
        MOTO.kmsKeyWithAlias("us-east-1", "alias/webapp-dev-state");
        return """
                {"provider": {"aws": {"region": "us-east-1", "access_key": "%s", "secret_key": "%s",
                  "skip_credentials_validation": true, "skip_requesting_account_id": true,
                  "skip_metadata_api_check": true, "skip_region_validation": true,
                  "endpoints": [{"sts": "%s", "ec2": "%s", "kms": "%s"}]}}}
                """.formatted(MotoServer.ACCESS_KEY_ID, MotoServer.SECRET_ACCESS_KEY, endpoint, endpoint, endpoint);
    }

    private static JsonNode plan(RealProvider.Binary terraform, Path folder) throws IOException {
        Files.writeString(folder.resolve("test_provider.tf.json"), provider());
        terraform.run(folder, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        terraform.run(folder, "plan", "-refresh=false", "-input=false", "-no-color", "-out=plan.tfplan").succeeded();
        return JSON.readTree(terraform.run(folder, "show", "-json", "plan.tfplan").succeeded().stdout());
    }

    private static String pretty(JsonNode node) throws IOException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node);
    }
}
