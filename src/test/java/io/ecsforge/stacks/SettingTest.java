package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Settings compute in Java when they hold the configuration's values, and write expressions when they do not. */
class SettingTest {
    private static final List<String> NAT = List.of("none", "single", "one-per-az");

    @Test
    void aConfiguredChoiceSelectsItsCase() {
        Setting<Number> picked = Setting.select(Setting.of("single", "network.natGateways"), NAT,
                List.of(Setting.of(0, "none"), Setting.of(1, "single"), Setting.of(3, "one-per-az")));
        assertTrue(picked.isLiteral());
        assertEquals(1, picked.literal());
    }

    @Test
    void aVariableChoiceSelectsByAConditionalOverEveryCaseTheLastStandingForTheRest() {
        Setting<Number> picked = Setting.select(Setting.variable("nat_gateways", ""), NAT,
                List.of(Setting.of(0, "none"), Setting.of(1, "single"), Setting.variable("az_count", (Number) 0)));
        assertFalse(picked.isLiteral());
        assertEquals("(var.nat_gateways == \"none\" ? 0 : (var.nat_gateways == \"single\" ? 1 : var.az_count))",
                picked.expression());
        assertEquals("${" + picked.expression() + "}", picked.text());
    }

    @Test
    void aChoiceOutsideTheChoicesIsRefusedNamingIt() {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Setting.select(
                Setting.of("double", "network.natGateways"), NAT, List.of(Setting.of(0, "a"), Setting.of(1, "b"),
                        Setting.of(2, "c"))));
        assertEquals("network.natGateways is double; allowed: [none, single, one-per-az]", refused.getMessage());
    }

    @Test
    void anElementOfConfiguredValuesIsTheValue() {
        Setting<String> block = Setting.element(Setting.of(List.of("10.0.0.0/20", "10.0.16.0/20"), "network.publicSubnets"),
                Setting.of(1, "zone"));
        assertEquals("10.0.16.0/20", block.literal());
        assertEquals("\"10.0.16.0/20\"", block.expression());
    }

    @Test
    void anElementOfAnExpressionIsAnIndexedExpression() {
        Setting<String> block = Setting.element(Setting.variable("public_subnets", List.of()), Setting.of(1, "zone"));
        assertEquals("(var.public_subnets)[1]", block.expression());
        assertEquals("${(var.public_subnets)[1]}", block.value());
    }

    @Test
    void onlyAConfiguredFalseRulesSomethingOut() {
        assertFalse(Setting.of(false, "network.flowLogs").mayBeTrue());
        assertTrue(Setting.of(true, "network.flowLogs").mayBeTrue());
        assertTrue(Setting.variable("flow_logs", false).mayBeTrue());
    }

    @Test
    void aFlagThatIsAnExpressionHasNoValueForABuilder() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Setting.variable("flow_logs", false).value());
        assertEquals("flow_logs is a flag: it chooses what is made, and no argument takes it", refused.getMessage());
    }

    @Test
    void aConfiguredChoiceIsOneOfSomeValuesOrNotHere() {
        Setting<String> strategy = Setting.of("linear", "deployment.strategy");
        assertEquals(true, Setting.is(strategy, "canary", "linear").literal());
        assertEquals(false, Setting.is(strategy, "canary").literal());
    }

    @Test
    void aVariableChoiceIsComparedWithOneValueOrLookedUpAmongSeveral() {
        Setting<String> strategy = Setting.variable("strategy", "");
        assertEquals("var.strategy == \"canary\"", Setting.is(strategy, "canary").expression());
        assertEquals("contains([\"canary\",\"linear\"], var.strategy)", Setting.is(strategy, "canary", "linear").expression());
    }

    @Test
    void aConfiguredFlagPicksItsCaseAndAVariableOneWritesAConditional() {
        Setting<String> own = Setting.of("own", "a");
        Setting<String> builtIn = Setting.of("built-in", "b");
        assertEquals("own", Setting.when(Setting.of(true, "flag"), own, builtIn).literal());
        assertEquals("built-in", Setting.when(Setting.of(false, "flag"), own, builtIn).literal());
        Setting<String> either = Setting.when(Setting.variable("flag", false), own, builtIn);
        assertEquals("(var.flag ? \"own\" : \"built-in\")", either.expression());
        assertEquals("${(var.flag ? \"own\" : \"built-in\")}", either.value());
    }
}
