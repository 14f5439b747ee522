package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsforge.config.ModuleVariables.Validation;
import io.ecsforge.config.ModuleVariables.Variable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key's variable: its name, type, default and validation blocks, from the declaration alone. */
class ModuleVariablesTest {
    @Test
    void aKeysVariableIsItsNameInSnakeCase() {
        assertEquals("flow_log_retention_days", ModuleVariables.snake(NetworkSchema.FLOW_LOG_RETENTION_DAYS));
        assertEquals("cidr", ModuleVariables.snake(NetworkSchema.CIDR));
    }

    @Test
    void aRetentionIsOneOfTheValuesCloudWatchLogsTakes() {
        Variable retention = ModuleVariables.variable(NetworkSchema.FLOW_LOG_RETENTION_DAYS);
        assertEquals("number", retention.type());
        assertEquals(90, retention.defaultValue());
        assertEquals("network.flowLogRetentionDays", retention.key());
        assertEquals(List.of(new Validation("contains([1,3,5,7,14,30,60,90,120,150,180,365,400,545,731,1096,1827,2192,2557,"
                + "2922,3288,3653], var.flow_log_retention_days)", "${var.flow_log_retention_days} is not allowed; allowed: 1,"
                + " 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653")),
                retention.validations());
    }

    @Test
    void aRequiredKeyHasNoDefault() {
        assertEquals(null, ModuleVariables.variable(EnvironmentSchema.APP).defaultValue());
    }

    @Test
    void aLookaheadForbiddingTwoDashesBecomesAStrcontainsBesideTheRegex() {
        assertEquals("!strcontains(var.app, \"--\") && can(regex(\"^(?:[a-z][a-z0-9-]{0,19}[a-z0-9])$\", var.app))",
                ModuleVariables.matches(Format.APP_NAME, "var.app"));
    }

    @Test
    void aFormatWithoutLookaheadIsOneRegex() {
        assertEquals("can(regex(\"^(?:\\\\d{12})$\", var.account))", ModuleVariables.matches(Format.ACCOUNT_ID, "var.account"));
    }

    @Test
    void aNumberThatNullTurnsOffIsNullableWithNullAsItsDefault() {
        Variable latency = ModuleVariables.variable(DeploymentSchema.P99_LATENCY_SECONDS);
        assertEquals(true, latency.nullable());
        assertEquals(null, latency.defaultValue());
        assertEquals("p99 target response time above which a release rolls back. Allowed: 0.001 to 60. `null`, the default,"
                + " means none: no latency alarm. The `deployment.alarms.p99LatencySeconds` key of an ecsforge environment"
                + " file.", latency.description());
    }

    @Test
    void aNumberWithADefaultIsNotNullable() {
        Variable errors = ModuleVariables.variable(DeploymentSchema.HTTP_5XX_PERCENT);
        assertEquals(false, errors.nullable());
        assertEquals(5.0, errors.defaultValue());
        assertEquals(List.of(new Validation("var.http5xx_percent >= 0.1 && var.http5xx_percent <= 100",
                "${var.http5xx_percent} is out of range; allowed: 0.1 to 100")), errors.validations());
    }
}
