package io.ecsforge.emit.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class ProviderSchemaTest {
    private static final ProviderSchema BUNDLED = ProviderSchema.bundled();

    @Test
    void theBundledSchemaHasEveryResourceAndDataSourceTypeOfBothExampleEnvironments() {
        Synthesized examples = Synthesized.examples();
        List<String> missing = new ArrayList<>();
        examples.stacks().values().forEach(stacks -> stacks.forEach(stack -> {
            JsonNode json = examples.stack(stack);
            json.path("resource").fieldNames().forEachRemaining(type -> {
                if (BUNDLED.resource(type).isEmpty()) {
                    missing.add(stack + ": resource " + type);
                }
            });
            json.path("data").fieldNames().forEachRemaining(type -> {
                if (BUNDLED.dataSource(type).isEmpty()) {
                    missing.add(stack + ": data " + type);
                }
            });
        }));

        assertEquals(List.of(), missing, "types the bundled schema lacks; run scripts/provider-schema.sh");
    }

    @Test
    void theBundledSchemaIsOfHashicorpAws5100() {
        assertEquals(Optional.of("5.100.0"), BUNDLED.providerVersion("registry.terraform.io/hashicorp/aws"));
    }

    @Test
    void securityGroupRulesAndTagsAreAttributesWhileTheServiceNetworkConfigurationIsABlock() {
        ProviderSchema.Block securityGroup = BUNDLED.resource("aws_security_group").orElseThrow();
        ProviderSchema.Block service = BUNDLED.resource("aws_ecs_service").orElseThrow();

        assertTrue(securityGroup.hasAttribute("ingress") && securityGroup.hasAttribute("egress")
                && securityGroup.hasAttribute("tags"), securityGroup.attributes().keySet()::toString);
        String ingress = securityGroup.attributes().get("ingress").toString();
        assertTrue(ingress.startsWith("[\"set\",[\"object\",{"), ingress);
        assertEquals(ProviderSchema.Nesting.LIST, service.blockTypes().get("network_configuration").nesting());
        assertEquals(ProviderSchema.Nesting.SET, service.blockTypes().get("load_balancer").nesting());
        assertTrue(service.blockTypes().get("network_configuration").block().hasAttribute("subnets"));
    }

    @Test
    void theBuiltInProvidersRemoteStateReadIsInTheBundledSchema() {
        ProviderSchema.Block remoteState = BUNDLED.dataSource("terraform_remote_state").orElseThrow();

        assertEquals(new TreeSet<>(List.of("backend", "config", "defaults", "outputs", "workspace")),
                new TreeSet<>(remoteState.attributes().keySet()));
        assertEquals("\"dynamic\"", remoteState.attributes().get("config").toString());
    }
}
