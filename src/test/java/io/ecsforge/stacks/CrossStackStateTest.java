package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CrossStackStateTest {
    @Test
    void remoteStateReadsAssumeTheBackendRoleWhenOneIsConfigured() {
        JsonNode remoteStates = Synthesized.examples().stack("webapp-prod-service").path("data").path("terraform_remote_state");
        assertTrue(remoteStates.size() > 0, () -> "prod service reads no other stack: " + Resources.show(remoteStates));
        remoteStates.fields().forEachRemaining(entry -> assertAt(entry.getValue(), "config.assume_role",
                Map.of("role_arn", "arn:aws:iam::210987654321:role/platform-admin", "session_name", "ecsforge-state")));
    }

    @Test
    void everyRemoteStateReadOfBothEnvironmentsNamesTheStateKeyAsItsBackendDoes() {
        int reads = 0;
        for (String env : List.of("dev", "prod")) {
            for (String part : List.of("network", "registry", "access", "cluster", "service", "delivery")) {
                JsonNode stack = Synthesized.examples().stack("webapp-" + env + "-" + part);
                String keyId = stack.path("terraform").path("backend").path("s3").path("kms_key_id").asText();
                assertTrue(keyId.endsWith(":alias/webapp-" + env + "-state"), () -> env + " " + part + ": " + keyId);
                for (JsonNode remoteState : stack.path("data").path("terraform_remote_state")) {
                    assertAt(remoteState, "config.kms_key_id", keyId);
                    assertAt(remoteState, "config.encrypt", true);
                    reads++;
                }
            }
        }
        assertTrue(reads > 0, "no stack reads another's state");
    }

    @Test
    void remoteStateReadsUseTheCallersCredentialsWhenNoRoleIsConfigured() {
        JsonNode remoteStates = Synthesized.examples().stack("webapp-dev-service").path("data").path("terraform_remote_state");
        assertTrue(remoteStates.size() > 0, () -> "dev service reads no other stack: " + Resources.show(remoteStates));
        remoteStates.fields().forEachRemaining(entry -> assertFalse(entry.getValue().path("config").has("assume_role"),
                () -> entry.getKey() + ": " + Resources.show(entry.getValue())));
    }
}
