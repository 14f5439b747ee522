package io.ecsforge.review.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.review.Action;
import io.ecsforge.review.Plan;
import io.ecsforge.review.PlannedStack;
import io.ecsforge.review.ResourceChange;
import io.ecsforge.review.Secrets;
import io.ecsforge.review.Values;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every rule, table-driven: a change (or a few changes of one stack) in, the exact "Review first"
 * lines out, as {@code category: text}. Values are written with single quotes; a policy's JSON is
 * given as an object and encoded into a string as Terraform holds it.
 */
class RulesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REPO = "arn:aws:ecr:us-east-1:123456789012:repository/webapp";

    static Stream<Arguments> cases() {
        return Stream.of(
                // ---- policy-statements
                row("a new inline policy widens by everything it allows",
                        List.of(change("aws_iam_role_policy.task", Action.CREATE, null,
                                "{'policy':" + policy("{'Sid':'Pull','Effect':'Allow','Action':'ecr:BatchGetImage','Resource':'" + REPO + "'}") + "}")),
                        "permissions-widened: allows `ecr:BatchGetImage` on `repository/webapp` (new; statement `Pull`)"),
                row("a gained action is named with the statement's resources",
                        List.of(change("aws_iam_role_policy.release", Action.UPDATE,
                                "{'policy':" + policy("{'Sid':'Pull','Effect':'Allow','Action':'ecr:BatchGetImage','Resource':'" + REPO + "'}") + "}",
                                "{'policy':" + policy("{'Sid':'Pull','Effect':'Allow','Action':['ecr:PutImage','ecr:BatchGetImage'],'Resource':['" + REPO + "']}") + "}")),
                        "permissions-widened: allows `ecr:PutImage` on `repository/webapp` (new; statement `Pull`)"),
                row("reordered statements and a lone string for a list are no change",
                        List.of(change("aws_iam_policy.p", Action.UPDATE,
                                "{'policy':" + policy("{'Sid':'A','Effect':'Allow','Action':['s3:GetObject','s3:ListBucket'],'Resource':'arn:aws:s3:::b'}",
                                        "{'Sid':'B','Effect':'Allow','Action':'sqs:SendMessage','Resource':'arn:aws:sqs:us-east-1:1:q'}") + "}",
                                "{'policy':" + policy("{'Sid':'B','Effect':'Allow','Action':['sqs:SendMessage'],'Resource':['arn:aws:sqs:us-east-1:1:q']}",
                                        "{'Sid':'A','Effect':'Allow','Action':['s3:ListBucket','s3:GetObject'],'Resource':'arn:aws:s3:::b'}") + "}")),
                        ""),
                row("a dropped condition widens",
                        List.of(change("aws_s3_bucket_policy.state", Action.UPDATE,
                                "{'policy':" + policy("{'Sid':'TlsOnly','Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::b/*','Condition':{'Bool':{'aws:SecureTransport':'false'}}}") + "}",
                                "{'policy':" + policy("{'Sid':'TlsOnly','Effect':'Deny','Principal':'*','Action':'s3:*','Resource':'arn:aws:s3:::b/*'}") + "}")),
                        "permissions-narrowed: no longer requires `aws:SecureTransport` (`Bool` `false`) (statement `TlsOnly`)"),
                row("a dropped condition of an Allow widens",
                        List.of(change("aws_iam_role_policy.infra", Action.UPDATE,
                                "{'policy':" + policy("{'Sid':'Tag','Effect':'Allow','Action':'ec2:CreateTags','Resource':'*','Condition':{'StringEquals':{'ec2:CreateAction':'RunInstances'}}}") + "}",
                                "{'policy':" + policy("{'Sid':'Tag','Effect':'Allow','Action':'ec2:CreateTags','Resource':'*'}") + "}")),
                        "permissions-widened: no longer requires `ec2:CreateAction` (`StringEquals` `RunInstances`) (statement `Tag`)"),
                row("a gained wildcard resource says so",
                        List.of(change("aws_iam_role_policy.task", Action.UPDATE,
                                "{'policy':" + policy("{'Sid':'Read','Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b/*'}") + "}",
                                "{'policy':" + policy("{'Sid':'Read','Effect':'Allow','Action':'s3:GetObject','Resource':['arn:aws:s3:::b/*','*']}") + "}")),
                        "permissions-widened: allows `s3:GetObject` on `*` (new; a wildcard; statement `Read`)"),
                row("a new iam:PassRole says what it lets the holder do",
                        List.of(change("aws_iam_role_policy.release", Action.UPDATE,
                                "{'policy':" + policy("{'Sid':'Deploy','Effect':'Allow','Action':'codedeploy:CreateDeployment','Resource':'*'}") + "}",
                                "{'policy':" + policy("{'Sid':'Deploy','Effect':'Allow','Action':'codedeploy:CreateDeployment','Resource':'*'}",
                                        "{'Sid':'Pass','Effect':'Allow','Action':'iam:PassRole','Resource':'arn:aws:iam::1:role/webapp-dev-task'}") + "}")),
                        "permissions-widened: allows `iam:PassRole` on `role/webapp-dev-task` (new; lets the holder hand a role to an AWS service; statement `Pass`)"),
                row("a lost action and a deleted statement narrow",
                        List.of(change("aws_iam_role_policy.release", Action.UPDATE,
                                "{'policy':" + policy("{'Sid':'Pull','Effect':'Allow','Action':['ecr:BatchGetImage','ecr:PutImage'],'Resource':'" + REPO + "'}",
                                        "{'Sid':'Logs','Effect':'Allow','Action':'logs:PutLogEvents','Resource':'arn:aws:logs:us-east-1:1:log-group:g'}") + "}",
                                "{'policy':" + policy("{'Sid':'Pull','Effect':'Allow','Action':'ecr:BatchGetImage','Resource':'" + REPO + "'}") + "}")),
                        "permissions-narrowed: no longer allows `logs:PutLogEvents` on `log-group:g` (statement `Logs`)",
                        "permissions-narrowed: no longer allows `ecr:PutImage` on `repository/webapp` (statement `Pull`)"),
                row("statements without a Sid are matched by content",
                        List.of(change("aws_iam_policy.p", Action.UPDATE,
                                "{'policy':" + policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::a'}",
                                        "{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b'}") + "}",
                                "{'policy':" + policy("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::b'}",
                                        "{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::a'}") + "}")),
                        ""),
                row("a policy known only after apply is flagged, not guessed",
                        List.of(change("aws_iam_role_policy.task", Action.CREATE, null, "{'name':'task'}", "{'policy':true}", "{}")),
                        "permissions-widened: `policy` is known only after apply, so the plan cannot show what it will allow"),
                row("a role's inline_policy block, matched by name",
                        List.of(change("aws_iam_role.flow_logs", Action.UPDATE,
                                "{'inline_policy':[{'name':'write','policy':" + policy("{'Sid':'Logs','Effect':'Allow','Action':'logs:PutLogEvents','Resource':'arn:aws:logs:us-east-1:1:log-group:g'}") + "}]}",
                                "{'inline_policy':[{'name':'write','policy':" + policy("{'Sid':'Logs','Effect':'Allow','Action':['logs:PutLogEvents','logs:DeleteLogGroup'],'Resource':'arn:aws:logs:us-east-1:1:log-group:g'}") + "}]}")),
                        "permissions-widened: inline policy `write`: allows `logs:DeleteLogGroup` on `log-group:g` (new; statement `Logs`)"),
                row("a managed policy attached widens",
                        List.of(change("aws_iam_role_policy_attachment.admin", Action.CREATE, null,
                                "{'policy_arn':'arn:aws:iam::aws:policy/AdministratorAccess','role':'r'}")),
                        "permissions-widened: attaches `policy/AdministratorAccess` (new)"),
                // ---- trust-policy
                row("a new GitHub subject in a role's trust widens",
                        List.of(change("aws_iam_role.release", Action.UPDATE,
                                "{'name':'r','assume_role_policy':" + policy(githubTrust("'repo:my-org/webapp:environment:dev'")) + "}",
                                "{'name':'r','assume_role_policy':" + policy(githubTrust("['repo:my-org/webapp:environment:dev','repo:my-org/other:pull_request']")) + "}")),
                        "permissions-widened: lets GitHub Actions runs with subject `repo:my-org/other:pull_request` assume it (new; statement `GitHub`)"),
                row("a new role trusts its principals and subjects",
                        List.of(change("aws_iam_role.release", Action.CREATE, null,
                                "{'name':'r','assume_role_policy':" + policy(githubTrust("'repo:my-org/webapp:environment:dev'")) + "}")),
                        "permissions-widened: trusts Federated `oidc-provider/token.actions.githubusercontent.com` (new; statement `GitHub`)",
                        "permissions-widened: lets GitHub Actions runs with subject `repo:my-org/webapp:environment:dev` assume it (new; statement `GitHub`)"),
                row("a gained service principal widens and a lost one narrows",
                        List.of(change("aws_iam_role.task", Action.UPDATE,
                                "{'assume_role_policy':" + policy("{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':'ecs-tasks.amazonaws.com'}}") + "}",
                                "{'assume_role_policy':" + policy("{'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':['lambda.amazonaws.com']}}") + "}")),
                        "permissions-widened: trusts Service `lambda.amazonaws.com` (new)",
                        "permissions-narrowed: no longer trusts Service `ecs-tasks.amazonaws.com`"),
                // ---- ingress
                row("an ingress rule opened to the internet",
                        List.of(change("aws_vpc_security_group_ingress_rule.test_listener", Action.UPDATE,
                                "{'cidr_ipv4':'10.0.0.0/8','from_port':8443,'to_port':8443,'ip_protocol':'tcp'}",
                                "{'cidr_ipv4':'0.0.0.0/0','from_port':8443,'to_port':8443,'ip_protocol':'tcp'}")),
                        "network-exposure: opens port 8443 (tcp) to `0.0.0.0/0` (new)"),
                row("a new inline ingress block open to IPv6",
                        List.of(change("aws_security_group.alb", Action.UPDATE,
                                "{'ingress':[{'cidr_blocks':['10.0.0.0/16'],'ipv6_cidr_blocks':[],'from_port':80,'to_port':80,'protocol':'tcp'}]}",
                                "{'ingress':[{'cidr_blocks':['10.0.0.0/16'],'ipv6_cidr_blocks':[],'from_port':80,'to_port':80,'protocol':'tcp'},"
                                        + "{'cidr_blocks':[],'ipv6_cidr_blocks':['::/0'],'from_port':0,'to_port':0,'protocol':'-1'}]}")),
                        "network-exposure: opens all ports to `::/0` (new)"),
                row("a widened port range",
                        List.of(change("aws_security_group_rule.db", Action.UPDATE,
                                "{'type':'ingress','cidr_blocks':['10.0.0.0/16'],'from_port':5432,'to_port':5432,'protocol':'tcp'}",
                                "{'type':'ingress','cidr_blocks':['10.0.0.0/16'],'from_port':5000,'to_port':6000,'protocol':'tcp'}")),
                        "network-exposure: widens ingress from `10.0.0.0/16` from port 5432 (tcp) to ports 5000–6000 (tcp)"),
                row("egress to the internet is not ingress",
                        List.of(change("aws_security_group_rule.out", Action.CREATE, null,
                                "{'type':'egress','cidr_blocks':['0.0.0.0/0'],'from_port':0,'to_port':0,'protocol':'-1'}")),
                        ""),
                // ---- load-balancer-exposure
                row("a load balancer becoming internet-facing",
                        List.of(change("aws_lb.alb", Action.DELETE_THEN_CREATE, "{'internal':true}", "{'internal':false}")),
                        "network-exposure: becomes internet-facing (`internal` false)"),
                row("a listener losing TLS",
                        List.of(change("aws_lb_listener.production", Action.UPDATE, "{'port':443,'protocol':'HTTPS'}",
                                "{'port':443,'protocol':'HTTP'}")),
                        "network-exposure: listener on port 443 stops using TLS: `HTTPS` → `HTTP`"),
                // ---- data-deletion
                row("the state bucket replaced",
                        List.of(change("aws_s3_bucket.bucket", Action.DELETE_THEN_CREATE, "{'bucket':'webapp-tfstate-1'}",
                                "{'bucket':'webapp-tfstate-1-renamed'}")),
                        "data-at-risk: the state bucket is replaced: deleted and made again; it holds the Terraform state of every stack of the environment"
                                + " (ecsforge makes it with prevent_destroy, which must have been removed for Terraform to plan this)"),
                row("a lock table and a log group deleted, a route not",
                        List.of(change("aws_cloudwatch_log_group.app", Action.DELETE, "{'name':'/ecs/app'}", null),
                                change("aws_dynamodb_table.lock", Action.DELETE, "{'name':'lock'}", null),
                                change("aws_route.r", Action.DELETE, "{'route_table_id':'x'}", null)),
                        "data-at-risk: is deleted; lost with it: its logs",
                        "data-at-risk: is deleted; lost with it: its items"),
                // ---- deletion-protection
                row("force_destroy turned on",
                        List.of(change("aws_s3_bucket.logs", Action.UPDATE, "{'force_destroy':false}", "{'force_destroy':true}")),
                        "data-at-risk: `force_destroy` turned on: deleting it will no longer stop at its contents"),
                row("deletion protection turned off",
                        List.of(change("aws_lb.alb", Action.UPDATE, "{'internal':false,'enable_deletion_protection':true}",
                                "{'internal':false,'enable_deletion_protection':false}")),
                        "data-at-risk: deletion protection turned off (`enable_deletion_protection`)"),
                row("a KMS key's deletion window shortened",
                        List.of(change("aws_kms_key.state", Action.UPDATE, "{'deletion_window_in_days':30}",
                                "{'deletion_window_in_days':7}")),
                        "data-at-risk: deletion window shortened from 30 to 7 days"),
                // ---- release safety
                row("a new canary percentage",
                        List.of(change("aws_codedeploy_deployment_config.canary", Action.CREATE_THEN_DELETE,
                                "{'deployment_config_name':'c','traffic_routing_config':[{'type':'TimeBasedCanary','time_based_canary':[{'percentage':25,'interval':10}]}]}",
                                "{'deployment_config_name':'c','traffic_routing_config':[{'type':'TimeBasedCanary','time_based_canary':[{'percentage':50,'interval':5}]}]}")),
                        "release-safety: deployment configuration `c` changes: canary: 25% first, the rest after 10 minutes → canary: 50% first, the rest after 5 minutes"),
                row("a rollback alarm dropped and rollback turned off",
                        List.of(change("aws_codedeploy_deployment_group.group", Action.UPDATE,
                                "{'deployment_config_name':'c','alarm_configuration':[{'enabled':true,'alarms':['5xx','hosts']}],"
                                        + "'auto_rollback_configuration':[{'enabled':true,'events':['DEPLOYMENT_FAILURE','DEPLOYMENT_STOP_ON_ALARM']}]}",
                                "{'deployment_config_name':'c','alarm_configuration':[{'enabled':true,'alarms':['hosts']}],"
                                        + "'auto_rollback_configuration':[{'enabled':false,'events':[]}]}")),
                        "release-safety: rollback changes: rolls back on DEPLOYMENT_FAILURE, DEPLOYMENT_STOP_ON_ALARM; alarms `5xx`, `hosts` stop a release → no automatic rollback; alarms `hosts` stop a release"),
                row("the threshold of an alarm a release rolls back on, not of another alarm",
                        List.of(change("aws_codedeploy_deployment_group.group", Action.NO_OP,
                                "{'alarm_configuration':[{'enabled':true,'alarms':['webapp-5xx']}]}",
                                "{'alarm_configuration':[{'enabled':true,'alarms':['webapp-5xx']}]}"),
                                change("aws_cloudwatch_metric_alarm.blue_5xx", Action.UPDATE,
                                        "{'alarm_name':'webapp-5xx','threshold':5}", "{'alarm_name':'webapp-5xx','threshold':50}"),
                                change("aws_cloudwatch_metric_alarm.cpu", Action.UPDATE,
                                        "{'alarm_name':'webapp-cpu','threshold':5}", "{'alarm_name':'webapp-cpu','threshold':50}")),
                        "release-safety: alarm `webapp-5xx`, which stops a release and rolls it back, changes: `threshold` `5` → `50`"),
                row("a task definition Terraform would put back under CodeDeploy",
                        List.of(change("aws_ecs_service.service", Action.UPDATE,
                                "{'deployment_controller':[{'type':'CODE_DEPLOY'}],'task_definition':'app:3'}",
                                "{'deployment_controller':[{'type':'CODE_DEPLOY'}],'task_definition':'app:1'}")),
                        "release-safety: Terraform changes `task_definition`, which CodeDeploy owns between releases: the drift guard (`ignore_changes`) no longer covers it, and applying would undo the last release"),
                row("the same change to a service ECS deploys itself",
                        List.of(change("aws_ecs_service.service", Action.UPDATE,
                                "{'deployment_controller':[{'type':'ECS'}],'task_definition':'app:3'}",
                                "{'deployment_controller':[{'type':'ECS'}],'task_definition':'app:4'}")),
                        ""),
                // ---- values Terraform marks sensitive never reach a sentence
                row("a sensitive policy is flagged without its content",
                        List.of(change("aws_iam_policy.p", Action.UPDATE, "{'policy':" + policy() + "}",
                                "{'policy':" + policy("{'Effect':'Allow','Action':'*','Resource':'*'}") + "}",
                                "{}", "{'policy':true}")),
                        "permissions-widened: `policy` is sensitive, so what it allows cannot be shown; review it where it is set"),
                row("a sensitive CIDR is not shown",
                        List.of(change("aws_vpc_security_group_ingress_rule.r", Action.CREATE, null,
                                "{'cidr_ipv4':'0.0.0.0/0','from_port':22,'to_port':22,'ip_protocol':'tcp'}", "{}", "{'cidr_ipv4':true}")),
                        ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reviewItems(String name, List<ResourceChange> changes, List<String> expected) {
        Plan plan = new Plan("1.10.10", changes, List.of(), List.of(), List.of(), false, false, Secrets.none());
        List<String> found = Rules.review(List.of(new PlannedStack("dev", "stack", plan))).stream()
                .map(item -> item.category().id() + ": " + item.text()).toList();
        assertEquals(expected, found);
    }

    private static Arguments row(String name, List<ResourceChange> changes, String... expected) {
        List<String> lines = new ArrayList<>();
        for (String line : expected) {
            if (!line.isEmpty()) {
                lines.add(line);
            }
        }
        return Arguments.of(name, changes, lines);
    }

    private static ResourceChange change(String address, Action action, String before, String after) {
        return change(address, action, before, after, "{}", "{}");
    }

    private static ResourceChange change(String address, Action action, String before, String after,
            String afterUnknown, String afterSensitive) {
        return new ResourceChange(address, Optional.empty(), Optional.empty(), action, Optional.empty(), List.of(),
                false, Optional.empty(), new Values(json(before), json(after), json(afterUnknown),
                        json(before == null ? null : "{}"), json(after == null ? null : afterSensitive), true));
    }

    /** A policy document of these statements, as the JSON string literal Terraform holds it in. */
    private static String policy(String... statements) {
        JsonNode document = json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
        try {
            String literal = JSON.writeValueAsString(JSON.writeValueAsString(document));
            return "'" + literal.substring(1, literal.length() - 1) + "'";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String githubTrust(String subjects) {
        return "{'Sid':'GitHub','Effect':'Allow','Action':'sts:AssumeRoleWithWebIdentity',"
                + "'Principal':{'Federated':'arn:aws:iam::1:oidc-provider/token.actions.githubusercontent.com'},"
                + "'Condition':{'StringEquals':{'token.actions.githubusercontent.com:aud':'sts.amazonaws.com'},"
                + "'StringLike':{'token.actions.githubusercontent.com:sub':" + subjects + "}}}";
    }

    private static JsonNode json(String singleQuoted) {
        if (singleQuoted == null) {
            return null;
        }
        try {
            return JSON.readTree(singleQuoted.replace("'", "\""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
