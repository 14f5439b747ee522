package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Credentials from the environment never reach the output. */
class RedactorTest {
    @Test
    void masksTheValuesOfCredentialVariables() {
        Redactor redactor = Redactor.forEnvironment(Map.of(
                "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
                "AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLETOKEN",
                "GITHUB_TOKEN", "ghp_EXAMPLEEXAMPLE"));

        assertEquals("key=******** token=******** gh=********", redactor.redact(
                "key=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY token=FwoGZXIvYXdzEXAMPLETOKEN gh=ghp_EXAMPLEEXAMPLE"));
    }

    @Test
    void leavesOtherVariablesValuesAndShortValuesAlone() {
        Redactor redactor = Redactor.forEnvironment(Map.of(
                "AWS_REGION", "eu-west-1",
                "HOME", "/home/ops",
                "DB_PASSWORD", "short"));

        assertEquals("region eu-west-1 in /home/ops, short", redactor.redact("region eu-west-1 in /home/ops, short"));
    }
}
