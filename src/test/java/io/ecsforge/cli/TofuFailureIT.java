package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Tools;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A failing stack stops the run, with real OpenTofu (and Terraform, for missing credentials). The cdktf.out here is written by hand in
 * cdktf's layout (local backend, terraform_data only), since the failure needs a stack JSON
 * that cdktf would not synthesize.
 */
class TofuFailureIT {
    @TempDir Path project;

    private void stack(String name, String body) throws IOException {
        Path directory = project.resolve("cdktf.out/stacks/" + name);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("cdk.tf.json"), body);
    }

    private void manifest() throws IOException {
        Files.writeString(project.resolve("cdktf.out/manifest.json"), """
                {"version": "0.19.2", "stacks": {
                  "demo-fail-state": {"name": "demo-fail-state", "workingDirectory": "stacks/demo-fail-state",
                    "synthesizedStackPath": "stacks/demo-fail-state/cdk.tf.json", "dependencies": []},
                  "demo-fail-network": {"name": "demo-fail-network", "workingDirectory": "stacks/demo-fail-network",
                    "synthesizedStackPath": "stacks/demo-fail-network/cdk.tf.json", "dependencies": ["demo-fail-state"]},
                  "demo-fail-service": {"name": "demo-fail-service", "workingDirectory": "stacks/demo-fail-service",
                    "synthesizedStackPath": "stacks/demo-fail-service/cdk.tf.json", "dependencies": ["demo-fail-network"]}
                }}
                """);
    }

    @Test
    void withParallelismOneAFailingStackStopsThePlanWithTheStackTheCommandAndTerraformsLastErrorLinesNeedsTofu()
            throws IOException {
        Path tofu = Tools.tofu();
        stack("demo-fail-state", "{\"resource\": {\"terraform_data\": {\"bucket\": {\"input\": \"b\"}}}}");
        stack("demo-fail-network", "{\"output\": {\"vpc_id\": {\"value\": \"${terraform_data.missing.id}\"}}}");
        stack("demo-fail-service", "{\"resource\": {\"terraform_data\": {\"service\": {}}}}");
        manifest();

        CliResult result = CliResult.run(MotoServer.clientEnvironment(),
                "plan", "--env", "fail", "--no-synth", "-C", project.toString(), "--terraform", tofu.toString(),
                "--parallelism", "1");

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[demo-fail-state] plan ok: 1 to add, 0 to change, 0 to destroy; saved "),
                result::toString);
        assertTrue(result.out().lines().anyMatch(line -> line.matches("\\[demo-fail-network] plan FAILED \\(\\d+\\.\\ds\\)")),
                result::toString);
        assertTrue(result.err().contains("error: stack demo-fail-network failed: tofu plan -input=false -no-color -out="
                + project.toAbsolutePath().resolve(".ecsforge/plans/demo-fail-network/plan.tfplan")
                + ": exited with code 1\n  Error: Reference to undeclared resource\n"), result::toString);
        assertFalse(result.out().contains("[demo-fail-service]") || result.err().contains("[demo-fail-service]"),
                () -> "the run must stop at the failing stack; " + result);
        assertFalse(Files.exists(project.resolve(".ecsforge/plans/demo-fail-network/plan.tfplan")),
                "a failed plan must leave no plan to apply");
    }

    @Test
    void aProviderThatCannotBeInstalledIsNamedWithWhereToGetItNeedsTofu() throws IOException {
        Path tofu = Tools.tofu();
        // A registry host that cannot resolve anywhere, so init fails the same way with or without a network.
        stack("demo-fail-state", """
                {"terraform": {"required_providers": {"aws": {"source": "registry.invalid/hashicorp/aws", "version": "5.23.1"}}},
                 "resource": {"terraform_data": {"bucket": {"input": "b"}}}}
                """);
        stack("demo-fail-network", "{}");
        stack("demo-fail-service", "{}");
        manifest();

        CliResult result = CliResult.run(MotoServer.clientEnvironment(),
                "plan", "--env", "fail", "--no-synth", "-C", project.toString(), "--terraform", tofu.toString());

        assertEquals(1, result.exitCode(), result::toString);
        assertTrue(result.err().contains("error: stack demo-fail-state failed: tofu init -input=false -no-color:"
                + " provider registry.invalid/hashicorp/aws is missing\n"), result::toString);
        assertTrue(result.err().contains("  provider registry.invalid/hashicorp/aws is missing: tofu could not download it"
                + " from its registry and found no local copy;"), result::toString);
    }

    /**
     * Every stack's S3 backend points at a closed loopback port, and the environment holds no
     * credentials and turns the instance metadata service off, so nothing leaves the machine.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tofu", "terraform"})
    void missingAwsCredentialsAreNamedOnceWithHowToProvideThemAndExitCodeTwo(String binaryName, @TempDir Path home)
            throws IOException {
        Path binary = binaryName.equals("tofu") ? Tools.tofu() : terraformOnPath();
        for (String name : new String[] {"demo-fail-state", "demo-fail-network", "demo-fail-service"}) {
            stack(name, """
                    {"terraform": {"backend": {"s3": {"bucket": "demo-tfstate", "key": "demo/fail/%s.tfstate",
                      "region": "us-east-1", "use_lockfile": true, "use_path_style": true,
                      "endpoints": {"s3": "http://127.0.0.1:9"}}}},
                     "resource": {"terraform_data": {"this": {}}}}
                    """.formatted(name));
        }
        manifest();
        Map<String, String> noCredentials = Map.of("PATH", System.getenv("PATH"), "HOME", home.toString(),
                "AWS_EC2_METADATA_DISABLED", "true");

        CliResult result = CliResult.run(noCredentials,
                "plan", "--env", "fail", "--no-synth", "-C", project.toString(), "--terraform", binary.toString());

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().endsWith("error: stack demo-fail-state: " + binaryName + " init found no AWS credentials for the state"
                + " backend (it looked in the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables, the profile of AWS_PROFILE"
                + " or the default one in ~/.aws/config and ~/.aws/credentials, SSO, and the EC2/ECS instance role); provide"
                + " them and run again: a profile (AWS_PROFILE=<name>), SSO (aws sso login --profile <name>), environment"
                + " variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), or in CI an OIDC role"
                + " (aws-actions/configure-aws-credentials); nothing was changed\n"), result::toString);
        String all = result.out() + result.err();
        assertEquals(1, all.split("No valid credential sources found", -1).length - 1,
                () -> "Terraform's error once, for the first stack; " + result);
        assertFalse(all.contains("[demo-fail-network]") || all.contains("[demo-fail-service]"),
                () -> "only the first stack is shown; " + result);
    }

    /**
     * A stack on local state, so that init needs no credentials and the AWS provider, from the
     * provider mirror, is what finds none when it plans.
     */
    @ParameterizedTest
    @ValueSource(strings = {"tofu", "terraform"})
    void anAwsProviderWithoutCredentialsIsNamedWithHowToProvideThemAndExitCodeTwo(String binaryName, @TempDir Path home)
            throws IOException {
        RealProvider.Binary binary = RealProvider.binary(binaryName);
        stack("demo-fail-state", """
                {"terraform": {"required_providers": {"aws": {"source": "hashicorp/aws", "version": ">= 5.23.1, < 6.0.0"}}},
                 "provider": {"aws": [{"region": "us-east-1"}]},
                 "data": {"aws_caller_identity": {"caller": {}}}}
                """);
        stack("demo-fail-network", "{}");
        stack("demo-fail-service", "{}");
        manifest();
        Map<String, String> noCredentials = new HashMap<>(binary.environment());
        noCredentials.put("HOME", home.toString());
        noCredentials.put("AWS_EC2_METADATA_DISABLED", "true");

        CliResult result = CliResult.run(noCredentials, "plan", "--env", "fail", "--no-synth", "-C", project.toString(),
                "--terraform", binary.path().toString(), "--parallelism", "1");

        assertEquals(2, result.exitCode(), result::toString);
        assertTrue(result.err().endsWith("error: stack demo-fail-state: " + binaryName + " plan found no AWS credentials for"
                + " the AWS provider (it looked in the AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY variables, the profile of"
                + " AWS_PROFILE or the default one in ~/.aws/config and ~/.aws/credentials, SSO, and the EC2/ECS instance"
                + " role); provide them and run again: a profile (AWS_PROFILE=<name>), SSO (aws sso login --profile <name>),"
                + " environment variables (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN), or in CI an OIDC"
                + " role (aws-actions/configure-aws-credentials); nothing was changed\n"), result::toString);
        String all = result.out() + result.err();
        assertFalse(all.contains("[demo-fail-network]") || all.contains("[demo-fail-service]"),
                () -> "the run stops at the first stack; " + result);
    }

    /** HashiCorp's terraform on PATH; skips the test, saying so, when there is none. */
    private static Path terraformOnPath() {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = directory.isEmpty() ? null : Path.of(directory, "terraform");
            if (candidate != null && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        assumeTrue(false, "terraform is not on PATH; install it from https://developer.hashicorp.com/terraform/install");
        return null;
    }
}
