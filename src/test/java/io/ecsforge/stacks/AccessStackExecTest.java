package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task role's permissions for ECS Exec, which exist only when cluster.executeCommand is on. */
class AccessStackExecTest {
    @Test
    void taskRoleMayOpenExecChannelsAndWriteTheExecLogWhenExecIsOn() {
        Resources access = ExecSpotVariant.resources("access");
        JsonNode statements = access.data("aws_iam_policy_document", "task_permissions").path("statement");
        assertAt(statements, "[0].sid", "EcsExecChannels");
        assertAt(statements, "[0].actions", List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"));
        assertAt(statements, "[2].sid", "EcsExecSessionLogs");
        assertAt(statements, "[2].resources", List.of(
                "arn:${data.aws_partition.partition.partition}:logs:us-east-1:${data.aws_caller_identity.caller.account_id}:log-group:/ecs/webapp-exec/exec:*"));
    }

    @Test
    void taskRoleHasNoExecPermissionsWhenExecIsOff() {
        Resources dev = Synthesized.examples().resources("webapp-dev-access");
        assertFalse(dev.json().path("data").path("aws_iam_policy_document").has("task_permissions"),
                () -> Resources.show(dev.json().path("data").path("aws_iam_policy_document")));
    }
}
