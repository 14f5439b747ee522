package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.stacks.InfraPermissions.Condition;
import io.ecsforge.stacks.InfraPermissions.Needs;
import io.ecsforge.stacks.InfraPermissions.Scope;
import io.ecsforge.stacks.InfraPermissions.Statement;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InfraPermissionsTest {
    private static final String PARTITION = "${data.aws_partition.partition.partition}";
    private static final String ACCOUNT = "${data.aws_caller_identity.caller.account_id}";
    /** What IAM counts once Terraform has resolved the references: the examples' regions are in the aws partition. */
    private static final String RESOLVED_PARTITION = "aws";
    private static final String ACCOUNT_ID = "123456789012";
    /** Verbs whose actions only read; a prefix wildcard on them is allowed. */
    private static final List<String> READ_VERBS = List.of("Describe", "List", "Get");
    private static final String LOG_DELIVERY_SID = "LogDelivery";

    private static EnvironmentConfig example(String environment) {
        return new ConfigLoader(Repo.config()).load(environment);
    }

    private static List<Statement> statements(String environment) {
        List<Statement> statements = InfraPermissions.statements(example(environment), PARTITION, ACCOUNT);
        assertTrue(statements.size() >= 12, () -> environment + ": expected at least 20 statements, found " + statements);
        return statements;
    }

    /** Every resource and data source type in the environment's stacks but the state stack, as {@code aws_x} or {@code data.aws_x}. */
    private static Set<String> typesInStacks(String environment) {
        Synthesized examples = Synthesized.examples();
        List<String> stacks = examples.stacks().get(environment);
        assertEquals(7, stacks.size(), () -> "stacks of " + environment + ": " + stacks);
        Set<String> types = new TreeSet<>();
        for (String stack : stacks) {
            if (stack.endsWith("-state")) {
                continue;
            }
            JsonNode json = examples.stack(stack);
            json.path("resource").fieldNames().forEachRemaining(types::add);
            json.path("data").fieldNames().forEachRemaining(type -> types.add("data." + type));
        }
        return types;
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyTypeInTheStacksIsDeclaredForTheEnvironmentThatUsesIt(String environment) {
        EnvironmentConfig config = example(environment);
        Set<String> types = typesInStacks(environment);
        assertTrue(types.size() >= 30, () -> environment + ": expected at least 30 types, found " + types);
        List<String> missing = new ArrayList<>();
        for (String type : types) {
            Needs needs = InfraPermissions.BY_TYPE.get(type);
            if (needs == null) {
                missing.add(type + " (not in InfraPermissions.BY_TYPE)");
            } else if (!needs.when().test(config)) {
                missing.add(type + " (declared, but its condition says " + environment + " has none)");
            }
        }
        assertEquals(List.of(), missing, () -> environment + ": types of the stacks the infrastructure role cannot manage");
    }

    @Test
    void typesThatNeedNoPermissionSayWhy() {
        Map<String, String> reasons = new TreeMap<>();
        InfraPermissions.BY_TYPE.forEach((type, needs) -> {
            if (needs.grants().isEmpty()) {
                reasons.put(type, needs.reason());
            }
        });
        assertEquals(Set.of("data.aws_caller_identity", "data.aws_iam_policy_document", "data.aws_partition"), reasons.keySet(),
                () -> "types declared with no grant: " + reasons);
        reasons.forEach((type, reason) -> assertTrue(!reason.isBlank(), () -> type + " needs no permission but gives no reason"));
    }

    @Test
    void remoteStateIsReadFromThisEnvironmentsStateObjectsOnly() {
        Statement objects = statement(statements("dev"), "StateObjects");
        assertEquals(List.of("arn:" + PARTITION + ":s3:::webapp-tfstate-123456789012/webapp/dev/*"), objects.resources(), objects::toString);
        assertTrue(objects.actions().contains("s3:GetObject"), objects::toString);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void noStatementAllowsEveryActionOrAWildcardOnAWriteAction(String environment) {
        List<Statement> statements = statements(environment);
        List<String> wide = new ArrayList<>();
        for (Statement statement : statements) {
            assertTrue(!statement.actions().isEmpty(), () -> "statement without actions: " + statement);
            for (String action : statement.actions()) {
                if (!action.contains("*")) {
                    continue;
                }
                String[] parts = action.split(":", 2);
                boolean readPrefix = parts.length == 2 && READ_VERBS.stream()
                        .anyMatch(verb -> parts[1].startsWith(verb) && parts[1].indexOf('*') >= verb.length());
                if (!readPrefix) {
                    wide.add(statement.sid() + ": " + action);
                }
            }
        }
        assertEquals(List.of(), wide, () -> environment + ": actions that are * or a wildcard beyond Describe*/List*/Get*");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyResourceWildcardStatementIsAReadOrIsNarrowedByTags(String environment) {
        List<String> unscoped = new ArrayList<>();
        for (Statement statement : statements(environment)) {
            // WAF sets up the log delivery with calls that take no resource narrower than "*".
            if (!statement.resources().contains("*") || statement.sid().equals(LOG_DELIVERY_SID)) {
                continue;
            }
            boolean reads = statement.actions().stream()
                    .allMatch(action -> READ_VERBS.stream().anyMatch(verb -> action.split(":", 2)[1].startsWith(verb)));
            boolean tagged = statement.conditions().stream().anyMatch(c -> c.variable().startsWith("aws:RequestTag/"));
            if (!reads && !tagged) {
                unscoped.add(statement.toString());
            }
        }
        assertEquals(List.of(), unscoped, () -> environment + ": statements on every resource that write without a tag condition");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void policyFitsTheInlinePolicyBudgetOnceReferencesAreResolved(String environment) {
        int length = InfraPermissions.policyLength(InfraPermissions.statements(example(environment), RESOLVED_PARTITION, ACCOUNT_ID));
        assertTrue(length > 1_000, () -> environment + ": a policy of " + length + " characters cannot hold the statements");
        assertTrue(length <= InfraPermissions.INLINE_POLICY_BUDGET, () -> environment + ": the policy has " + length
                + " characters without whitespace; the budget is " + InfraPermissions.INLINE_POLICY_BUDGET
                + " of IAM's " + InfraPermissions.INLINE_POLICY_LIMIT + " for a role's inline policies");
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void passRoleNamesThisEnvironmentsRolesAndTheServiceTheyArePassedTo(String environment) {
        List<Statement> passing = statements(environment).stream().filter(s -> s.actions().contains("iam:PassRole")).toList();
        assertEquals(3, passing.size(), () -> environment + ": statements that allow iam:PassRole: " + passing);
        String roles = "arn:" + PARTITION + ":iam::" + ACCOUNT + ":role/webapp-" + environment + "-";
        for (Statement statement : passing) {
            assertEquals(List.of("iam:PassRole"), statement.actions(), statement::toString);
            assertTrue(statement.resources().stream().allMatch(arn -> arn.startsWith(roles) && !arn.contains("*")), statement::toString);
            List<Condition> passedTo = statement.conditions().stream()
                    .filter(c -> c.test().equals("StringEquals") && c.variable().equals("iam:PassedToService")).toList();
            assertEquals(1, passedTo.size(), statement::toString);
            assertEquals(1, passedTo.get(0).values().size(), statement::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void onlyTheManagedPoliciesTheAccessStackAttachesMayBeAttached(String environment) {
        JsonNode attachments = Synthesized.examples().stack("webapp-" + environment + "-access").path("resource").path("aws_iam_role_policy_attachment");
        assertEquals(2, attachments.size(), attachments::toString);
        Statement attach = statement(statements(environment), Scope.MANAGED_POLICIES.sid());
        List<String> allowed = attach.conditions().get(0).values();
        for (JsonNode attachment : attachments) {
            assertTrue(allowed.contains(attachment.path("policy_arn").asText()), () -> attachment + " is not among " + allowed);
        }
    }

    @Test
    void newNetworkResourcesMustCarryThisEnvironmentsTags() {
        Statement create = statement(statements("prod"), Scope.EC2_CREATE_TAGGED.sid());
        assertEquals(List.of(
                new Condition("StringEquals", "aws:RequestTag/app", List.of("webapp")),
                new Condition("StringEquals", "aws:RequestTag/environment", List.of("prod"))), create.conditions());
        assertTrue(create.actions().contains("ec2:CreateVpcEndpoint"), create::toString);
        assertTrue(!create.actions().contains("ec2:CreateTags"), () -> "tags outside a create request: " + create);
    }

    @Test
    void mergedNamedStatementHasNoServiceWideArnAndNoArnWithoutActionsOfItsService() {
        Statement named = statement(statements("prod"), InfraPermissions.NAMED_SID);
        assertTrue(named.conditions().isEmpty(), named::toString);
        assertTrue(named.resources().size() >= 10, named::toString);
        List<String> wrong = new ArrayList<>();
        for (String arn : named.resources()) {
            String[] parts = arn.split(":", 6);
            boolean used = named.actions().stream().anyMatch(action -> action.startsWith(parts[2] + ":"));
            if (!used || parts[5].equals("*")) {
                wrong.add(arn);
            }
        }
        assertEquals(List.of(), wrong, () -> "ARNs for every resource of a service, or of a service with no action here: " + named);
    }

    @Test
    void vpcEndpointPermissionsComeOnlyWithVpcEndpoints() {
        assertTrue(statements("dev").stream().noneMatch(s -> s.actions().contains("ec2:CreateVpcEndpoint")
                || s.actions().contains("route53:AssociateVPCWithHostedZone")), () -> "dev has no VPC endpoints: " + statements("dev"));
    }

    @Test
    void lockTableIsGrantedOnlyWhereStateIsLockedWithDynamodb() {
        assertTrue(statements("dev").stream().noneMatch(s -> s.sid().equals("StateLockTable")), "dev locks with lock files only");
        Statement table = statement(statements("prod"), "StateLockTable");
        assertEquals(List.of("arn:" + PARTITION + ":dynamodb:us-east-1:" + ACCOUNT + ":table/webapp-tflock"), table.resources());
    }

    /** Prod with the team's own web ACL in place of ecsforge's. */
    private static EnvironmentConfig prodWithOwnWebAcl() throws IOException {
        String yaml = Files.readString(Repo.config().resolve("prod.yaml")).replace("  waf: managed\n",
                "  wafWebAclArn: \"arn:aws:wafv2:us-east-1:210987654321:regional/webacl/webapp-prod/"
                        + "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b\"\n");
        return ConfigLoader.parse("config/prod.yaml", yaml, "prod");
    }

    @Test
    void webAclAssociationIsGrantedOnTheTeamsWebAclOnlyWhenItsArnIsGiven() throws IOException {
        List<Statement> statements = InfraPermissions.statements(prodWithOwnWebAcl(), PARTITION, ACCOUNT);
        Statement named = statement(statements, InfraPermissions.NAMED_SID);
        List<String> acls = named.resources().stream().filter(arn -> arn.contains(":wafv2:")).toList();
        assertEquals(List.of("arn:aws:wafv2:us-east-1:210987654321:regional/webacl/webapp-prod/"
                + "0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"), acls, named::toString);
        assertTrue(named.actions().containsAll(List.of("wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
                "wafv2:Get*", "elasticloadbalancing:SetWebACL")), named::toString);
        assertTrue(named.actions().stream().noneMatch(action -> action.equals("wafv2:CreateWebACL")
                || action.equals("wafv2:PutLoggingConfiguration")), named::toString);
        assertTrue(statements.stream().noneMatch(s -> s.sid().equals(LOG_DELIVERY_SID)), statements::toString);
    }

    @Test
    void managedWebAclIsGrantedByItsNameWithItsLoggingAndLogGroup() {
        Statement named = statement(statements("prod"), InfraPermissions.NAMED_SID);
        List<String> acls = named.resources().stream().filter(arn -> arn.contains(":wafv2:")).toList();
        assertEquals(List.of("arn:" + PARTITION + ":wafv2:us-east-1:" + ACCOUNT + ":regional/webacl/webapp-prod/*"), acls,
                named::toString);
        // GetWebACL, GetWebACLForResource and GetLoggingConfiguration are wafv2:Get*, ListTagsForResource wafv2:List*.
        assertTrue(named.actions().containsAll(List.of("wafv2:CreateWebACL", "wafv2:UpdateWebACL", "wafv2:DeleteWebACL",
                "wafv2:Get*", "wafv2:List*", "wafv2:TagResource", "wafv2:UntagResource",
                "wafv2:PutLoggingConfiguration", "wafv2:DeleteLoggingConfiguration",
                "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL", "elasticloadbalancing:SetWebACL")), named::toString);
        assertTrue(named.resources().contains("arn:" + PARTITION + ":logs:us-east-1:" + ACCOUNT
                + ":log-group:aws-waf-logs-webapp-prod*"), named::toString);
    }

    @Test
    void managedWebAclLoggingMayCreateTheLogDeliveryWafSetsUpAsTheCaller() {
        Statement delivery = statement(statements("prod"), LOG_DELIVERY_SID);
        assertEquals(List.of("logs:CreateLogDelivery", "logs:DeleteLogDelivery", "logs:PutResourcePolicy"), delivery.actions());
        assertTrue(statement(statements("prod"), "ReadAnywhere").actions().containsAll(List.of("logs:DescribeLogGroups",
                "logs:DescribeResourcePolicies")), () -> statements("prod").toString());
        assertEquals(List.of("*"), delivery.resources());
    }

    @Test
    void devHasNoWafPermissionsSinceItHasNoWebAcl() {
        assertTrue(statements("dev").stream().noneMatch(s -> s.actions().stream().anyMatch(action -> action.startsWith("wafv2:")
                || action.equals("elasticloadbalancing:SetWebACL") || action.equals("logs:CreateLogDelivery"))),
                () -> "dev has no web ACL: " + statements("dev"));
    }

    private static Statement statement(List<Statement> statements, String sid) {
        return statements.stream().filter(s -> s.sid().equals(sid)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + statements.stream().map(Statement::sid).toList()));
    }
}
