package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.CliResult;
import io.ecsforge.testing.EmulatedProject;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Tools;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * dev's state and network stacks through the real CLI, real OpenTofu and the real hashicorp/aws
 * provider from a local mirror, against moto on loopback with ECSFORGE_AWS_ENDPOINT, leaving out
 * what moto cannot make as scripts/try-local does: bootstrap,
 * then plan and apply the network stack, whose VPC, subnets, NAT gateway and flow log moto makes.
 * Skipped, with the reason, without the mirror ({@code -Decsforge.providerMirror}, default
 * /opt/tf-plugins), OpenTofu or moto. The steps build on each other, so they run in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorNetworkStackIT {
    @RegisterExtension static final MotoServer MOTO = new MotoServer();
    @TempDir static Path folder;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "webapp-tfstate-123456789012";

    private static EmulatedProject project;

    @BeforeEach
    void prepare() {
        RealProvider.mirror();
        Tools.tofu();
        if (project != null) {
            return;
        }
        project = EmulatedProject.of(folder, "dev", MOTO);
        CliResult synth = CliResult.run(project.environment(), "synth", "--env", "dev", "--config-dir",
                folder.resolve("config").toString(), "--out", folder.resolve("cdktf.out").toString());
        assertEquals(0, synth.exitCode(), synth::toString);
    }

    @Test
    @Order(1)
    void bootstrapCreatesTheStateBucketInMotoAndMovesTheStateThere() {
        CliResult result = project.ecsforgeExcluding("bootstrap", "--env", "dev", "--no-synth");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(MOTO.object(BUCKET, "webapp/dev/state.tfstate").isPresent(), result::toString);
    }

    @Test
    @Order(2)
    void theNetworkStackIsPlannedWithTheRealProvider() {
        CliResult result = project.ecsforgeExcluding("plan", "--env", "dev", "--no-synth", "--stack", "network");

        assertEquals(0, result.exitCode(), result::toString);
        assertTrue(result.out().contains("[webapp-dev-network] plan ok: 23 to add, 0 to change, 0 to destroy"),
                result::toString);
    }

    @Test
    @Order(3)
    void theNetworkStackIsAppliedAndItsStateAndOutputsAreInMoto() throws IOException {
        CliResult apply = project.ecsforge("apply", "--env", "dev", "--stack", "network", "--auto-approve");
        assertEquals(0, apply.exitCode(), apply::toString);

        CliResult output = project.ecsforge("output", "--env", "dev", "--stack", "network", "--json");
        assertEquals(0, output.exitCode(), output::toString);
        JsonNode outputs = JSON.readTree(output.out());
        assertTrue(outputs.path("vpc_id").path("value").asText().startsWith("vpc-"), output::toString);
        assertEquals(2, outputs.path("private_subnet_ids").path("value").size(), output::toString);
        JsonNode state = JSON.readTree(MOTO.object(BUCKET, "webapp/dev/network.tfstate").orElseThrow(
                () -> new AssertionError("no network state in the bucket; " + apply)));
        assertTrue(state.path("resources").size() > 20, () -> "network state in moto: " + state);
    }

    /**
     * What the service stack's test listener admits: each NAT gateway's address, which it reads
     * from this state's cross-stack output (sensitive, so {@code output} masks it; the state holds it).
     */
    @Test
    @Order(4)
    void afterApplyTheNatGatewaysPublicAddressIsAnAddressTheServiceStackCanRead() throws IOException {
        CliResult output = project.ecsforge("output", "--env", "dev", "--stack", "network", "--json");
        assertEquals(0, output.exitCode(), output::toString);
        JsonNode addresses = JSON.readTree(output.out()).path("nat_public_ips").path("value");
        assertEquals(1, addresses.size(), output::toString);
        assertTrue(addresses.path(0).asText().matches("\\d{1,3}(\\.\\d{1,3}){3}"), output::toString);
        JsonNode state = JSON.readTree(MOTO.object(BUCKET, "webapp/dev/network.tfstate").orElseThrow());
        assertEquals(addresses.path(0), state.path("outputs").path("cross-stack-output-aws_nat_gatewaynat_0public_ip")
                .path("value"), () -> "network state outputs: " + state.path("outputs"));
    }

}
