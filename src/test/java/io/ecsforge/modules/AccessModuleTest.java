package io.ecsforge.modules;

import static io.ecsforge.testing.Resources.assertAt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.testing.Resources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The access module's document: the stack's roles, named from variables, with what settings leave out counted or dynamic. */
class AccessModuleTest {
    private final Resources access = BuiltModules.module("access");

    @Test
    void theRolesHaveTheStacksAddressesAndAreNamedFromAppAndEnvironment() {
        assertEquals(List.of("codedeploy", "execution", "github_infra", "github_plan", "github_release", "task"),
                NetworkModuleTest.fieldNames(access.json().path("resource").path("aws_iam_role")));
        assertAt(access.resource("aws_iam_role", "github_infra"), "name", "${var.app}-${var.environment}-github-infra");
        assertEquals(List.of("codedeploy_policy", "execution_policy", "infra_policy", "plan_policy", "release_policy",
                "task_policy"), NetworkModuleTest.fieldNames(access.json().path("resource").path("aws_iam_role_policy")));
    }

    @Test
    void theTaskPolicyIsMadeOnlyWhenItHasAStatement() {
        assertAt(access.resource("aws_iam_role_policy", "task_policy"), "count",
                "${(length(var.task_policy) > 0 || var.execute_command) ? 1 : 0}");
        assertAt(access.resource("aws_iam_role_policy", "task_policy"), "policy",
                "${data.aws_iam_policy_document.task_permissions[0].json}");
        assertFalse(access.resource("aws_iam_role_policy", "execution_policy").has("count"),
                () -> Resources.show(access.resource("aws_iam_role_policy", "execution_policy")));
    }

    @Test
    void theOidcProviderIsMadeOrLookedUpByTheFlagAndTheTrustNamesTheOneThereIs() {
        assertAt(access.resource("aws_iam_openid_connect_provider", "github"), "count", "${var.create_oidc_provider ? 1 : 0}");
        assertAt(access.data("aws_iam_openid_connect_provider", "github_lookup"), "count",
                "${!(var.create_oidc_provider) ? 1 : 0}");
        assertAt(access.data("aws_iam_policy_document", "plan_trust"), "statement[0].principals[0].identifiers", List.of(
                "${var.create_oidc_provider ? aws_iam_openid_connect_provider.github[0].arn"
                        + " : data.aws_iam_openid_connect_provider.github_lookup[0].arn}"));
        assertAt(access.data("aws_iam_policy_document", "release_trust"), "statement[0].condition[1].values",
                List.of("repo:${var.github_repository}:environment:${var.environment}"));
    }

    @Test
    void eachTaskPolicyStatementIsADynamicBlockNumberedFromOne() {
        JsonNode first = access.data("aws_iam_policy_document", "task_permissions").path("dynamic").path("statement").path(0);
        assertAt(first, "for_each", "${var.task_policy}");
        assertAt(first, "content.sid", "TaskPolicy${statement.key + 1}");
        assertAt(first, "content.actions", "${statement.value.actions}");
    }

    @Test
    void theInfraRolesStatementsKeepTheStacksOrderWithTheAdminRoleFirst() {
        List<String> sids = new ArrayList<>();
        access.data("aws_iam_policy_document", "infra_permissions").path("dynamic").path("statement")
                .forEach(block -> sids.add(block.path("content").path("sid").asText()));
        assertEquals(List.of("AssumeAdminRole", "ReadAnywhere", "StateList", "StateObjects", "StateKey", "StateLockTable", "Ec2CreateTagged",
                "Ec2TagOnCreate", "Ec2OwnTagged", "Ec2AdoptDefaultSg", "EndpointDns", "ManagedPolicies", "PassToEcsTasks",
                "PassToCodedeploy", "PassToFlowLogs", "ServiceLinkedRoles", "LogDelivery", "NamedResources"), sids);
        JsonNode lockTable = access.data("aws_iam_policy_document", "infra_permissions").path("dynamic").path("statement").path(5);
        assertAt(lockTable, "for_each", "${(var.state_lock != \"lockfile\" && !(var.assume_role_arn != \"\")) ? [1] : []}");
    }

    @Test
    void namesOfLoadBalancersAreShortenedAsTheStacksShortenThem() {
        String local = access.json().path("locals").path("load_balancer_name").asText();
        assertTrue(local.contains("sha256(\"${var.app}-${var.environment}\"), 0, 6)"), local);
        assertTrue(local.startsWith("${length(\"${var.app}-${var.environment}\") <= 32 ? "), local);
    }

    @Test
    void theRequiredVariablesAreTheInputsAndTheNamesOthersHaveTheFilesDefaults() {
        JsonNode variables = access.json().path("variable");
        List<String> required = new ArrayList<>();
        variables.fields().forEachRemaining(entry -> {
            if (!entry.getValue().has("default")) {
                required.add(entry.getKey());
            }
        });
        assertEquals(List.of("app", "environment", "github_repository", "repository_arn", "repository_name", "state_bucket"),
                required.stream().sorted().toList());
        assertAt(variables, "state_lock.default", "lockfile");
        assertAt(variables, "assume_role_arn.default", "");
        assertAt(variables, "task_policy.type", "list(object({ actions = list(string), resources = list(string) }))");
    }

    @Test
    void theInfraRoleMayAssociateTheWebAclOnlyWhenOneIsGivenOrMadeAndOnlyThatOne() {
        JsonNode named = access.data("aws_iam_policy_document", "infra_permissions").path("dynamic").path("statement").path(17)
                .path("content");
        assertAt(named, "sid", "NamedResources");
        String actions = named.path("actions").asText();
        String resources = named.path("resources").asText();
        String webAcl = "var.waf_web_acl_arn != \"\" || var.waf == \"managed\"";
        assertTrue(actions.contains(webAcl + " ? [\"elasticloadbalancing:SetWebACL\"] : []")
                && actions.contains(webAcl + " ? [\"wafv2:AssociateWebACL\",\"wafv2:DisassociateWebACL\",\"wafv2:Get*\"] : []"),
                actions);
        assertTrue(resources.contains("!(var.waf == \"managed\")) ? [\"${var.waf_web_acl_arn}\"] : []"), resources);
        assertAt(access.json().path("variable"), "waf_web_acl_arn.default", "");
    }

    @Test
    void theInfraRoleMayMakeTheManagedWebAclByItsNameWithItsLoggingOnlyWhenWafIsManaged() {
        JsonNode statements = access.data("aws_iam_policy_document", "infra_permissions").path("dynamic").path("statement");
        JsonNode named = statements.path(17).path("content");
        String actions = named.path("actions").asText();
        String resources = named.path("resources").asText();
        assertTrue(actions.contains("var.waf == \"managed\" ? [\"wafv2:CreateWebACL\",\"wafv2:DeleteLoggingConfiguration\","
                + "\"wafv2:DeleteWebACL\",\"wafv2:Get*\",\"wafv2:List*\",\"wafv2:PutLoggingConfiguration\","
                + "\"wafv2:TagResource\",\"wafv2:UntagResource\",\"wafv2:UpdateWebACL\"] : []"), actions);
        assertTrue(resources.contains("var.waf == \"managed\") ? [\"arn:${data.aws_partition.partition.partition}:wafv2:"
                + "${data.aws_region.region.name}:${data.aws_caller_identity.caller.account_id}:regional/webacl/"
                + "${var.app}-${var.environment}/*\"] : []"), resources);
        assertTrue(resources.contains(":log-group:aws-waf-logs-${var.app}-${var.environment}*"), resources);
        JsonNode delivery = statements.path(16);
        assertAt(delivery, "content.sid", "LogDelivery");
        assertAt(delivery, "for_each", "${(var.waf == \"managed\" && !(var.assume_role_arn != \"\")) ? [1] : []}");
        assertAt(access.json().path("variable"), "waf.default", "none");
    }

    @Test
    void aLockTableWithLockFilesIsRefusedInTheLoadersWords() {
        assertAt(access.json().path("variable"), "state_dynamodb_table.validation[2]", Map.of(
                "condition", "${var.state_lock != \"lockfile\" || var.state_dynamodb_table == \"\"}",
                "error_message", "\"${var.state_dynamodb_table}\" is set but state_lock is lockfile, which uses no table;"
                        + " allowed: state_lock dynamodb or both, or no state_dynamodb_table"));
    }

    @Test
    void everyStackOutputIsThereAndDescribed() {
        JsonNode outputs = access.json().path("output");
        assertEquals(List.of("codedeploy_role_arn", "execution_role_arn", "infra_role_arn", "plan_role_arn", "release_role_arn",
                "task_role_arn"), NetworkModuleTest.fieldNames(outputs));
        outputs.forEach(output -> assertFalse(output.path("description").asText().isEmpty(), output::toString));
    }
}
