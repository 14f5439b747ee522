package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.modules.StateMoves.Move;
import io.ecsforge.stacks.ExecSpotVariant;
import io.ecsforge.testing.Synthesized;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each stack resource's address under {@code module.platform}, and the script that moves them. */
class StateMovesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aResourceMadeOnceAnInstanceMovesToItsIndexAndAnOptionalOneToIndexZero() {
        Map<String, JsonNode> stacks = new LinkedHashMap<>();
        stacks.put("network", Synthesized.examples().stack("webapp-dev-network"));
        stacks.put("registry", Synthesized.examples().stack("webapp-dev-registry"));
        Map<String, String> moves = new LinkedHashMap<>();
        StateMoves.of(stacks, BuiltModules.documents()).forEach(move -> moves.put(move.stack() + " " + move.from(), move.to()));

        String network = "module.platform.module.network.";
        assertEquals(network + "aws_vpc.vpc", moves.get("network aws_vpc.vpc"));
        assertEquals(network + "aws_subnet.public[1]", moves.get("network aws_subnet.public_1"));
        assertEquals(network + "aws_route.private_nat_route[0]", moves.get("network aws_route.private_nat_route_0"));
        assertEquals(network + "aws_flow_log.flow_logs[0]", moves.get("network aws_flow_log.flow_logs"));
        assertEquals("module.platform.module.registry.aws_ecr_repository.repository",
                moves.get("registry aws_ecr_repository.repository"));
        assertEquals(25, moves.size(), () -> "every resource of dev's network and registry stacks: " + moves.keySet());
    }

    @Test
    void anEgressRuleMovesToTheModulesRuleUnderTheKeyItsProtocolPortsAndDestinationMake() {
        Map<String, String> moves = new LinkedHashMap<>();
        StateMoves.of(Map.of("service", ExecSpotVariant.resources("service").json()), BuiltModules.documents())
                .forEach(move -> moves.put(move.from(), move.to()));
        String rule = "aws_vpc_security_group_egress_rule.service_egress";
        String module = "module.platform.module.ecs_service." + rule;
        assertEquals(module + "[\"tcp_5432_10.0.0.0/16\"]", moves.get(rule + "_tcp_5432_10_0_0_0_16"));
        assertEquals(module + "[\"tcp_443_pl-0123456789abcdef0\"]", moves.get(rule + "_tcp_443_pl_0123456789abcdef0"));
        assertEquals(module + "[\"tcp_6379_6380_sg-0123456789abcdef0\"]", moves.get(rule + "_tcp_6379_6380_sg_0123456789abcdef0"));
        assertEquals(module + "[\"udp_53_10.0.0.2/32\"]", moves.get(rule + "_udp_53_10_0_0_2_32"));
        assertEquals("module.platform.module.ecs_service." + rule + "_https", moves.get(rule + "_https"));
    }

    @Test
    void aResourceTheModuleDoesNotMakeIsNamed() throws Exception {
        JsonNode stack = JSON.readTree("{\"resource\": {\"aws_vpc\": {\"other\": {}}}}");
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StateMoves.of(Map.of("network", stack), BuiltModules.documents()));
        assertEquals("aws_vpc.other of stack network has no counterpart in module network", e.getMessage());
    }

    @Test
    void theScriptMovesEachFromItsStacksStateIntoThePlatforms() {
        String script = StateMoves.script("webapp-dev-", List.of(
                new Move("network", "aws_subnet.public_0", "module.platform.module.network.aws_subnet.public[0]")), "tofu", false);
        assertTrue(script.startsWith("#!/bin/sh\n"), script);
        assertTrue(script.endsWith("set -eu\ntofu state mv -state=network.tfstate -state-out=platform.tfstate"
                + " 'aws_subnet.public_0' 'module.platform.module.network.aws_subnet.public[0]'\n"), script);
    }

    @Test
    void backTheScriptMovesEachFromThePlatformsStateIntoItsStacks() {
        String script = StateMoves.script("webapp-dev-", List.of(
                new Move("network", "aws_subnet.public_0", "module.platform.module.network.aws_subnet.public[0]")), "terraform", true);
        assertTrue(script.endsWith("set -eu\nterraform state mv -state=platform.tfstate -state-out=network.tfstate"
                + " 'module.platform.module.network.aws_subnet.public[0]' 'aws_subnet.public_0'\n"), script);
    }
}
