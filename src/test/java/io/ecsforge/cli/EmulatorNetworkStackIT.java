package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * dev's state and network stacks through the real CLI, real OpenTofu and the real hashicorp/aws
 * provider from a local mirror, against moto on loopback with ECSFORGE_AWS_ENDPOINT: bootstrap,
 * then plan and apply the network stack, whose VPC, subnets, NAT gateway and flow log moto makes.
 * Skipped, with the reason, without the mirror ({@code -Decsforge.providerMirror}, default
 * /opt/tf-plugins), OpenTofu or moto. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorNetworkStackIT {
    @RegisterExtension static final MotoServer MOTO = new MotoServer();
    @TempDir static Path project;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path MIRROR = Path.of(System.getProperty("ecsforge.providerMirror", "/opt/tf-plugins"));
    private static final Path AWS_IN_MIRROR = MIRROR.resolve("registry.terraform.io/hashicorp/aws");
    private static final String BUCKET = "webapp-tfstate-123456789012";
    private static final List<String> MOTO_CANNOT_MAKE = List.of("--exclude", "aws_s3_bucket_policy.policy");

    private static Map<String, String> environment;
    private static Path tofu;

    @BeforeEach
    void prepare() throws IOException {
        assumeTrue(Files.isDirectory(AWS_IN_MIRROR), AWS_IN_MIRROR + " does not exist: no hashicorp/aws provider mirror"
                + " (set -Decsforge.providerMirror to one)");
        tofu = Tools.tofu();
        if (environment != null) {
            return;
        }
        Files.createDirectories(project.resolve("config"));
        Files.copy(Repo.config().resolve("dev.yaml"), project.resolve("config/dev.yaml"));
        Map<String, String> env = new java.util.HashMap<>(MotoServer.clientEnvironment());
        env.put("AWS_REGION", "us-east-1");
        env.put("ECSFORGE_AWS_ENDPOINT", MOTO.endpoint().toString());
        env.put("TF_CLI_CONFIG_FILE", cliConfig().toString());
        environment = Map.copyOf(env);

        CliResult synth = ecsforge("synth", "--env", "dev", "--config-dir", project.resolve("config").toString(),
                "--out", project.resolve("cdktf.out").toString());
        assertEquals(0, synth.exitCode(), synth::toString);
    }

    @Test
    @Order(1)
    void bootstrapCreatesTheStateBucketInMotoAndMovesTheStateThere() {
        CliResult result = ecsforge(with("bootstrap", "--env", "dev", "-C", project.toString(), "--no-synth",
                "--terraform", tofu.toString()));

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(MOTO.object(BUCKET, "webapp/dev/state.tfstate").isPresent(), result::toString);
    }

    @Test
    @Order(2)
    void theNetworkStackIsPlannedWithTheRealProvider() {
        CliResult result = ecsforge("plan", "--env", "dev", "-C", project.toString(), "--no-synth", "--stack", "network",
                "--terraform", tofu.toString());

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[webapp-dev-network] plan ok: 23 to add, 0 to change, 0 to destroy"),
                result::toString);
    }

    @Test
    @Order(3)
    void theNetworkStackIsAppliedAndItsStateAndOutputsAreInMoto() throws IOException {
        CliResult apply = ecsforge("apply", "--env", "dev", "-C", project.toString(), "--stack", "network",
                "--auto-approve", "--terraform", tofu.toString());
        assertEquals(0, apply.exitCode(), apply::toString);

        CliResult output = ecsforge("output", "--env", "dev", "-C", project.toString(), "--stack", "network", "--json",
                "--terraform", tofu.toString());
        assertEquals(0, output.exitCode(), output::toString);
        JsonNode outputs = JSON.readTree(output.out());
        assertTrue(outputs.path("vpc_id").path("value").asText().startsWith("vpc-"), output::toString);
        assertEquals(2, outputs.path("private_subnet_ids").path("value").size(), output::toString);
        JsonNode state = JSON.readTree(MOTO.object(BUCKET, "webapp/dev/network.tfstate").orElseThrow(
                () -> new AssertionError("no network state in the bucket; " + apply)));
        assertTrue(state.path("resources").size() > 20, () -> "network state in moto: " + state);
    }

    private static String[] with(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(MOTO_CANNOT_MAKE);
        return all.toArray(String[]::new);
    }

    private static CliResult ecsforge(String... args) {
        return CliResult.run(environment, args);
    }

    /**
     * OpenTofu looks the provider up as registry.opentofu.org/hashicorp/aws, the mirror has it as
     * registry.terraform.io/...: one folder with both names, files linked (a mirror scan does not
     * follow linked folders).
     */
    private static Path cliConfig() throws IOException {
        Path mirror = project.resolve("providers");
        List<Path> platformDirs;
        try (Stream<Path> dirs = Files.walk(AWS_IN_MIRROR, 2)) {
            platformDirs = dirs.filter(dir -> AWS_IN_MIRROR.relativize(dir).getNameCount() == 2).toList();
        }
        for (String host : List.of("registry.terraform.io", "registry.opentofu.org")) {
            for (Path platformDir : platformDirs) {
                Path target = mirror.resolve(host).resolve("hashicorp/aws").resolve(AWS_IN_MIRROR.relativize(platformDir).toString());
                Files.createDirectories(target);
                try (Stream<Path> files = Files.list(platformDir)) {
                    for (Path file : files.toList()) {
                        Files.createSymbolicLink(target.resolve(file.getFileName()), file);
                    }
                }
            }
        }
        Path config = project.resolve("cli.tfrc");
        Files.writeString(config, "provider_installation {\n  filesystem_mirror { path = \"" + mirror + "\" }\n"
                + "  direct { exclude = [\"registry.terraform.io/*/*\", \"registry.opentofu.org/*/*\"] }\n}\n");
        return config;
    }

}
