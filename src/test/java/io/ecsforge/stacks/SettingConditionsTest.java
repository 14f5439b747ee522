package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conditions parts build from settings: computed in Java for values, written as expressions for variables. */
class SettingConditionsTest {
    private static final Setting<Boolean> ON = Setting.of(true, "cluster.executeCommand");
    private static final Setting<Boolean> FLAG = Setting.variable("execute_command", false);

    @Test
    void eitherPicksTheCaseOfAConfiguredFlag() {
        Setting<Number> port = Setting.either(Setting.of(false, "https"), Setting.<Number>of(443, "https"),
                Setting.<Number>of(80, "https"));
        assertEquals(80, port.literal(), port::toString);
    }

    @Test
    void eitherOfAVariableFlagIsAConditionalOverBothCases() {
        Setting<Number> port = Setting.either(FLAG, Setting.<Number>of(443, "https"), Setting.<Number>of(80, "https"));
        assertEquals("(var.execute_command ? 443 : 80)", port.expression());
        assertTrue(!port.isLiteral(), port::toString);
    }

    @Test
    void bothOfValuesIsAValueAndOfAVariableAnExpression() {
        assertEquals(false, Setting.both(ON, Setting.of(false, "service.readonlyRootFilesystem")).literal());
        assertEquals("(var.execute_command && true)", Setting.both(FLAG, ON).expression());
    }

    @Test
    void anElbNameOfVariablesIsTheSameRuleAsATerraformExpression() {
        assertEquals("webapp-dev-blue", ElbNames.of("webapp-dev", "blue"));
        String name = ElbNames.of("${var.app}-${var.environment}", "");
        assertEquals("${length(\"${var.app}-${var.environment}\") <= 32 ? \"${var.app}-${var.environment}\" :"
                + " \"${replace(substr(\"${var.app}-${var.environment}\", 0, 25), \"/-+$/\", \"\")}-${substr(sha256(\"${var.app}-"
                + "${var.environment}\"), 0, 6)}\"}", name);
    }

    @Test
    void aStackMakesOneResourceAKeyNamedAfterIt() {
        List<String> ids = new ArrayList<>();
        Shapes.configured().each("alb_ingress_80", Setting.of(List.of("0.0.0.0/0", "10.0.0.0/8"), "loadBalancer.allowedCidrs"),
                element -> {
                    ids.add(element.id() + " " + element.key().literal());
                    return null;
                });
        assertEquals(List.of("alb_ingress_80_0_0_0_0_0 0.0.0.0/0", "alb_ingress_80_10_0_0_0_8 10.0.0.0/8"), ids);
    }
}
