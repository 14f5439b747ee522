package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The task role's permissions for ECS Exec, which exist only when cluster.executeCommand is on. */
class AccessStackExecTest {
    @Test
    void taskRoleMayOpenExecChannelsAndWriteTheExecLogWhenExecIsOn() {
        Resources access = ExecSpotVariant.resources("access");
        JsonNode statements = access.data("aws_iam_policy_document", "task_permissions").path("statement");
        assertEquals(List.of("EcsExecChannels", "EcsExecLogGroups", "EcsExecSessionLogs"), sids(statements),
                () -> Resources.show(statements));
        assertAt(statements, "[0].actions", List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"));
        assertAt(statements, "[0].resources", List.of("*"));
        assertAt(statements, "[1].actions", List.of("logs:DescribeLogGroups"));
        assertAt(statements, "[2].actions", List.of("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"));
        assertAt(statements, "[2].resources", List.of(
                "arn:${data.aws_partition.partition.partition}:logs:us-east-1:${data.aws_caller_identity.caller.account_id}:log-group:/ecs/webapp-exec/exec:*"));
    }

    /** Off, no policy of the access stack carries an ECS Exec statement (dev's task role has none at all). */
    @Test
    void taskRoleHasNoExecPermissionsWhenExecIsOff() {
        Resources dev = Synthesized.examples().resources("webapp-dev-access");
        JsonNode documents = dev.json().path("data").path("aws_iam_policy_document");
        assertTrue(documents.size() >= 5, () -> Resources.show(documents));
        List<String> execSids = new ArrayList<>();
        documents.forEach(document -> sids(document.path("statement")).stream().filter(sid -> sid.startsWith("EcsExec"))
                .forEach(execSids::add));
        assertEquals(List.of(), execSids, () -> Resources.show(documents));
        List<String> allActions = new ArrayList<>();
        documents.forEach(document -> document.path("statement").forEach(statement ->
                statement.path("actions").forEach(action -> allActions.add(action.asText()))));
        assertFalse(allActions.stream().anyMatch(action -> action.startsWith("ssmmessages:")), allActions::toString);
    }

    private static List<String> sids(JsonNode statements) {
        List<String> sids = new ArrayList<>();
        statements.forEach(statement -> sids.add(statement.path("sid").asText()));
        return sids;
    }
}
