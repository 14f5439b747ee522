package io.ecsforge.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The tools scripts/setup-tools.sh installs do what the tests rely on them for. */
class InstalledToolsIT {
    @RegisterExtension static final MotoServer MOTO = new MotoServer();
    @TempDir Path directory;

    private record Run(int exitCode, String output) {}

    private static Run run(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), () -> String.join(" ", command) + " did not finish");
        return new Run(process.exitValue(), output);
    }

    @Test
    void tofuIsTheBuiltOpenTofuRelease() throws Exception {
        Run result = run(MotoServer.clientEnvironment(), Tools.tofu().toString(), "version");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().startsWith("OpenTofu v1.10.10\n"), result.output());
    }

    @Test
    void hclcheckAcceptsValidHclAndReportsAnUnclosedBlockWithExitCodeOne() throws Exception {
        Path good = Files.writeString(directory.resolve("main.tf"), "resource \"terraform_data\" \"this\" {\n  input = 1\n}\n");
        Path bad = Files.writeString(directory.resolve("broken.tf"), "resource \"terraform_data\" \"this\" {\n  input = 1\n");

        Run valid = run(MotoServer.clientEnvironment(), Tools.hclcheck().toString(), good.toString());
        Run invalid = run(MotoServer.clientEnvironment(), Tools.hclcheck().toString(), good.toString(), bad.toString());

        assertEquals(0, valid.exitCode(), valid.output());
        assertEquals(1, invalid.exitCode(), invalid.output());
        assertTrue(invalid.output().contains("Error: Unclosed configuration block"), invalid.output());
        assertTrue(invalid.output().contains("on " + bad + " line 1"), invalid.output());
    }

    @Test
    void terraformDocsIsThePinnedRelease() throws Exception {
        Run result = run(MotoServer.clientEnvironment(), Tools.terraformDocs().toString(), "--version");

        assertEquals(0, result.exitCode(), result.output());
        assertTrue(result.output().startsWith("terraform-docs version v0.20.0 "), result.output());
    }

    @Test
    void actionlintReportsAnUnknownRunnerLabel() throws Exception {
        Path workflow = directory.resolve(".github/workflows/ci.yml");
        Files.createDirectories(workflow.getParent());
        Files.writeString(workflow, "on: push\njobs:\n  test:\n    runs-on: ubuntu-latst\n    steps:\n      - run: echo hi\n");

        Run result = run(MotoServer.clientEnvironment(), Tools.actionlint().toString(), "-no-color", workflow.toString());

        assertEquals(1, result.exitCode(), result.output());
        assertTrue(result.output().contains("label \"ubuntu-latst\" is unknown"), result.output());
    }

    @Test
    void motoServesDynamoDbAndStsBesideS3() throws Exception {
        String script = String.join("\n",
                "import boto3",
                "kw = dict(endpoint_url='" + MOTO.endpoint() + "', region_name='eu-west-1')",
                "print(boto3.client('sts', **kw).get_caller_identity()['Account'])",
                "d = boto3.client('dynamodb', **kw)",
                "d.create_table(TableName='locks', KeySchema=[{'AttributeName': 'LockID', 'KeyType': 'HASH'}],",
                "    AttributeDefinitions=[{'AttributeName': 'LockID', 'AttributeType': 'S'}], BillingMode='PAY_PER_REQUEST')",
                "print(d.list_tables()['TableNames'])",
                "s = boto3.client('s3', **kw)",
                "s.create_bucket(Bucket='smoke-bucket', CreateBucketConfiguration={'LocationConstraint': 'eu-west-1'})",
                "print([b['Name'] for b in s.list_buckets()['Buckets']])");

        Run result = run(MotoServer.clientEnvironment(), Tools.python().toString(), "-c", script);

        assertEquals(0, result.exitCode(), result.output());
        assertEquals(List.of("123456789012", "['locks']", "['smoke-bucket']"),
                new ArrayList<>(result.output().lines().toList()), result.output());
    }

    @Test
    void checkovRunsAtThePinnedVersion() throws Exception {
        Run result = run(MotoServer.clientEnvironment(), Tools.checkov().toString(), "--version");

        assertEquals(0, result.exitCode(), result.output());
        assertEquals("3.3.30", result.output().strip(), result.output());
    }
}
