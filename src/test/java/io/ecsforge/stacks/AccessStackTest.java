package io.ecsforge.stacks;

import static io.ecsforge.testing.Resources.assertAt;
import static io.ecsforge.testing.Resources.show;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.GithubConfig;
import io.ecsforge.config.ServiceConfig;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import io.ecsforge.testing.PolicyDocuments;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Resources;
import io.ecsforge.testing.Synthesized;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessStackTest {
    private static final String ACCOUNT = "${data.aws_caller_identity.caller.account_id}";
    private static final String PARTITION = "${data.aws_partition.partition.partition}";

    /** The registry stack's repository ARN, as cdktf references it across stacks. */
    private static String repositoryArn(String environment) {
        return "${data.terraform_remote_state.cross-stack-reference-input-webapp-" + environment
                + "-registry.outputs.cross-stack-output-aws_ecr_repositoryrepositoryarn}";
    }

    /**
     * The statements allowed a {@code "*"} resource, by stack and sid, with the reason AWS gives
     * no narrower resource. Every entry must still be found, so the list cannot go stale.
     */
    /**
     * The state key's policy statement: KMS's default key policy, which gives the account (its
     * root principal) kms:* so that IAM policies decide who uses the key and no one is locked out.
     */
    private static final String KEY_POLICY_SID = "AccountUsesAndManagesTheKeyThroughIam";
    /** The state key's statement for CloudWatch Logs, narrowed by the encryption context to this environment's log groups. */
    private static final String LOGS_KEY_SID = "CloudWatchLogsUsesTheKeyForThisEnvironmentsLogGroups";

    private static final Map<String, String> STAR_RESOURCES = Map.of(
            "webapp-dev-access EcrAuthorizationToken", "ecr:GetAuthorizationToken has no resource-level permissions",
            "webapp-prod-access EcrAuthorizationToken", "ecr:GetAuthorizationToken has no resource-level permissions",
            "webapp-dev-access ReadAnywhere", "the infrastructure role's Describe calls (EC2, ELB, autoscaling, log groups,"
                    + " alarms, task definitions) have no resource-level permissions",
            "webapp-dev-state " + KEY_POLICY_SID, "in a key policy \"*\" is the key itself",
            "webapp-prod-state " + KEY_POLICY_SID, "in a key policy \"*\" is the key itself",
            "webapp-dev-state " + LOGS_KEY_SID, "in a key policy \"*\" is the key itself",
            "webapp-prod-state " + LOGS_KEY_SID, "in a key policy \"*\" is the key itself");


    private final Resources dev = Synthesized.examples().resources("webapp-dev-access");
    private final Resources prod = Synthesized.examples().resources("webapp-prod-access");

    private static Synthesized variants;

    /**
     * Variations of dev.yaml the examples do not cover: "bare" has no secrets, two task policy
     * statements and looks the OIDC provider up; "mixed" reads secrets of both kinds, one with a
     * JSON key.
     */
    private static synchronized Synthesized variants() {
        if (variants == null) {
            EnvironmentConfig dev = new ConfigLoader(Repo.config()).load("dev");
            ServiceConfig s = dev.service();
            ServiceConfig bareService = new ServiceConfig(s.containerName(), s.containerPort(), s.cpu(), s.memory(),
                    s.cpuArchitecture(), s.desiredCount(), s.healthCheckPath(), s.healthCheckGracePeriodSeconds(), s.imageTag(),
                    s.environment(), Map.of(), s.autoscaling(), s.logRetentionDays(), s.readonlyRootFilesystem(), List.of(
                            new PolicyStatement(List.of("s3:GetObject"), List.of("arn:aws:s3:::webapp-uploads/*")),
                            new PolicyStatement(List.of("sqs:ReceiveMessage", "sqs:DeleteMessage"),
                                    List.of("arn:aws:sqs:us-east-1:123456789012:webapp-jobs"))), List.of());
            Map<String, String> secrets = new LinkedHashMap<>();
            secrets.put("DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:123456789012:secret:webapp/db-AbCdEf:password::");
            secrets.put("DB_USER", "arn:aws:secretsmanager:us-east-1:123456789012:secret:webapp/db-AbCdEf:username::");
            secrets.put("API_KEY", "arn:aws:ssm:us-east-1:123456789012:parameter/webapp/api-key");
            ServiceConfig mixedService = new ServiceConfig(s.containerName(), s.containerPort(), s.cpu(), s.memory(),
                    s.cpuArchitecture(), s.desiredCount(), s.healthCheckPath(), s.healthCheckGracePeriodSeconds(), s.imageTag(),
                    s.environment(), secrets, s.autoscaling(), s.logRetentionDays(), s.readonlyRootFilesystem(), List.of(), List.of());
            GithubConfig lookedUp = new GithubConfig(dev.github().repository(), "release", false);
            EnvironmentConfig bare = new EnvironmentConfig(dev.file(), dev.app(), "bare", dev.aws(), dev.state(), dev.network(),
                    dev.registry(), lookedUp, dev.cluster(), bareService, dev.loadBalancer(), dev.deployment(), dev.tags());
            EnvironmentConfig mixed = new EnvironmentConfig(dev.file(), dev.app(), "mixed", dev.aws(), dev.state(), dev.network(),
                    dev.registry(), lookedUp, dev.cluster(), mixedService, dev.loadBalancer(), dev.deployment(), dev.tags());
            variants = Synthesized.of(List.of(bare, mixed));
        }
        return variants;
    }

    // --- task execution role ---

    @Test
    void taskRolesAreAssumedOnlyByEcsTasksOnBehalfOfThisAccount() {
        JsonNode trust = statement(dev, "ecs_tasks_trust", "AssumedByEcsTasks");
        assertAt(trust, "principals", List.of(Map.of("type", "Service", "identifiers", List.of("ecs-tasks.amazonaws.com"))));
        assertAt(trust, "actions", List.of("sts:AssumeRole"));
        assertAt(trust, "condition", List.of(Map.of("test", "StringEquals", "variable", "aws:SourceAccount", "values", List.of(ACCOUNT))));
        for (String role : List.of("execution", "task")) {
            assertAt(dev.resource("aws_iam_role", role), "assume_role_policy", "${data.aws_iam_policy_document.ecs_tasks_trust.json}");
        }
    }

    @Test
    void executionRolePullsFromThisRepositoryOnly() {
        JsonNode pull = statement(prod, "execution_permissions", "PullImage");
        assertAt(pull, "actions", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"));
        assertAt(pull, "resources", List.of(repositoryArn("prod")));
        assertAt(statement(dev, "execution_permissions", "PullImage"), "resources", List.of(repositoryArn("dev")));
    }

    @Test
    void ecrAuthorizationTokenIsTheOnlyActionGrantedOnEveryResource() {
        for (String document : List.of("execution_permissions", "release_permissions")) {
            JsonNode token = statement(dev, document, "EcrAuthorizationToken");
            assertAt(token, "actions", List.of("ecr:GetAuthorizationToken"));
            assertAt(token, "resources", List.of("*"));
        }
    }

    @Test
    void executionRoleWritesOnlyToTheServiceLogGroup() {
        JsonNode logs = statement(dev, "execution_permissions", "WriteLogs");
        assertAt(logs, "actions", List.of("logs:CreateLogStream", "logs:PutLogEvents"));
        assertAt(logs, "resources", List.of("arn:" + PARTITION + ":logs:us-east-1:" + ACCOUNT + ":log-group:/ecs/webapp-dev:*"));
    }

    @Test
    void executionRoleReadsExactlyTheConfiguredSsmParameters() {
        JsonNode read = statement(dev, "execution_permissions", "ReadParameters");
        assertAt(read, "actions", List.of("ssm:GetParameters"));
        assertAt(read, "resources", List.of("arn:aws:ssm:us-east-1:123456789012:parameter/webapp/db-password"));
        assertEquals(Set.of("EcrAuthorizationToken", "PullImage", "WriteLogs", "ReadParameters"), sids(dev, "execution_permissions"));
    }

    @Test
    void executionRoleReadsExactlyTheConfiguredSecretsManagerSecrets() {
        JsonNode read = statement(prod, "execution_permissions", "ReadSecrets");
        assertAt(read, "actions", List.of("secretsmanager:GetSecretValue"));
        assertAt(read, "resources", List.of("arn:aws:secretsmanager:us-east-1:210987654321:secret:webapp/db-password-AbCdEf"));
        assertEquals(Set.of("EcrAuthorizationToken", "PullImage", "WriteLogs", "ReadSecrets"), sids(prod, "execution_permissions"));
    }

    @Test
    void secretsReferencedWithAJsonKeyAreGrantedOnTheSecretOnceAndParametersBeside() {
        Resources mixed = variants().resources("webapp-mixed-access");
        assertAt(statement(mixed, "execution_permissions", "ReadSecrets"), "resources",
                List.of("arn:aws:secretsmanager:us-east-1:123456789012:secret:webapp/db-AbCdEf"));
        assertAt(statement(mixed, "execution_permissions", "ReadParameters"), "resources",
                List.of("arn:aws:ssm:us-east-1:123456789012:parameter/webapp/api-key"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf, arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf",
        "arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf:password::, arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf",
        "arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf:password:AWSCURRENT:, arn:aws:secretsmanager:us-east-1:1:secret:db-AbCdEf",
    })
    void secretArnDropsTheJsonKeyVersionStageAndVersionId(String valueFrom, String expected) {
        assertEquals(expected, AccessPolicies.secretArn(valueFrom));
    }

    @Test
    void executionRoleHasNoSecretStatementWithoutSecrets() {
        Resources bare = variants().resources("webapp-bare-access");
        assertEquals(Set.of("EcrAuthorizationToken", "PullImage", "WriteLogs"), sids(bare, "execution_permissions"));
    }

    @Test
    void kmsIsGrantedOnlyOnTheStateKeySinceSecretsUseAwsManagedKeys() {
        for (Resources stack : List.of(dev, prod, variants().resources("webapp-mixed-access"))) {
            List<String> kms = PolicyDocuments.statements(stack.json()).stream()
                    .filter(s -> !s.sid().equals("StateKey"))
                    // Listing alias names, for the state key's lookup, uses no key.
                    .flatMap(s -> s.actions().stream()).filter(a -> a.startsWith("kms:") && !a.equals("kms:ListAliases")).toList();
            assertEquals(List.of(), kms, () -> "kms actions beside the state key's in " + show(stack.json().path("data")));
        }
    }

    // --- task role ---

    @Test
    void taskRoleHasNoPermissionsWithoutTaskPolicy() {
        for (Resources stack : List.of(dev, prod)) {
            assertFalse(stack.has("aws_iam_role_policy", "task_policy"), () -> show(stack.json().path("resource").path("aws_iam_role_policy")));
            assertFalse(stack.json().path("data").path("aws_iam_policy_document").has("task_permissions"));
            assertFalse(attachedTo(stack, "task"), () -> show(stack.json().path("resource").path("aws_iam_role_policy_attachment")));
        }
    }

    @Test
    void taskRoleGetsExactlyTheConfiguredStatements() {
        Resources bare = variants().resources("webapp-bare-access");
        JsonNode document = bare.data("aws_iam_policy_document", "task_permissions");
        assertAt(document, "statement", List.of(
                Map.of("sid", "TaskPolicy1", "effect", "Allow", "actions", List.of("s3:GetObject"),
                        "resources", List.of("arn:aws:s3:::webapp-uploads/*")),
                Map.of("sid", "TaskPolicy2", "effect", "Allow", "actions", List.of("sqs:ReceiveMessage", "sqs:DeleteMessage"),
                        "resources", List.of("arn:aws:sqs:us-east-1:123456789012:webapp-jobs"))));
        JsonNode policy = bare.resource("aws_iam_role_policy", "task_policy");
        assertAt(policy, "role", "${aws_iam_role.task.id}");
        assertAt(policy, "policy", "${data.aws_iam_policy_document.task_permissions.json}");
    }

    // --- CodeDeploy role ---

    @Test
    void codeDeployRoleIsAssumedByCodeDeployForThisDeploymentGroupOnly() {
        JsonNode trust = statement(dev, "codedeploy_trust", "AssumedByCodedeploy");
        assertAt(trust, "principals", List.of(Map.of("type", "Service", "identifiers", List.of("codedeploy.amazonaws.com"))));
        assertAt(trust, "condition", List.of(
                Map.of("test", "StringEquals", "variable", "aws:SourceAccount", "values", List.of(ACCOUNT)),
                Map.of("test", "ArnLike", "variable", "aws:SourceArn", "values",
                        List.of("arn:" + PARTITION + ":codedeploy:us-east-1:" + ACCOUNT + ":deploymentgroup:webapp-dev/webapp-dev"))));
    }

    @Test
    void codeDeployRoleHasAwsLimitedEcsBlueGreenPolicy() {
        JsonNode attachment = dev.resource("aws_iam_role_policy_attachment", "codedeploy_ecs");
        assertAt(attachment, "role", "${aws_iam_role.codedeploy.name}");
        assertAt(attachment, "policy_arn", "arn:" + PARTITION + ":iam::aws:policy/AWSCodeDeployRoleForECSLimited");
    }

    // --- GitHub OIDC ---

    @Test
    void oidcProviderIsCreatedWhenConfigured() {
        JsonNode provider = dev.resource("aws_iam_openid_connect_provider", "github");
        assertAt(provider, "url", "https://token.actions.githubusercontent.com");
        assertAt(provider, "client_id_list", List.of("sts.amazonaws.com"));
        assertAt(provider, "thumbprint_list",
                List.of("1c58a3a8518e8759bf075b76b750d4f2df264fcd", "6938fd4d98bab03faadb97b34396831e3780aea1"));
        assertTrue(dev.json().path("data").path("aws_iam_openid_connect_provider").isMissingNode(), () -> show(dev.json().path("data")));
        assertAt(statement(dev, "release_trust", "AssumedByGithubActions"), "principals[0].identifiers",
                List.of("${aws_iam_openid_connect_provider.github.arn}"));
    }

    @Test
    void oidcProviderIsLookedUpByUrlWhenNotCreated() {
        Resources bare = variants().resources("webapp-bare-access");
        assertAt(bare.data("aws_iam_openid_connect_provider", "github"), "url", "https://token.actions.githubusercontent.com");
        assertEquals(0, bare.count("aws_iam_openid_connect_provider"), () -> show(bare.json().path("resource")));
        for (String trust : List.of("release_trust", "infra_trust", "plan_trust")) {
            assertAt(statement(bare, trust, "AssumedByGithubActions"), "principals[0].identifiers",
                    List.of("${data.aws_iam_openid_connect_provider.github.arn}"));
        }
    }

    @ParameterizedTest
    @CsvSource({"release_trust", "infra_trust"})
    void releaseAndInfraRolesTrustOnlyJobsInTheGithubEnvironmentOfThisEnvironment(String document) {
        JsonNode trust = statement(prod, document, "AssumedByGithubActions");
        assertAt(trust, "actions", List.of("sts:AssumeRoleWithWebIdentity"));
        assertAt(trust, "principals[0].type", "Federated");
        assertAt(trust, "condition", List.of(
                Map.of("test", "StringEquals", "variable", "token.actions.githubusercontent.com:aud", "values", List.of("sts.amazonaws.com")),
                Map.of("test", "StringEquals", "variable", "token.actions.githubusercontent.com:sub", "values",
                        List.of("repo:my-org/webapp:environment:prod"))));
        assertAt(statement(variants().resources("webapp-bare-access"), document, "AssumedByGithubActions"), "condition[1].values",
                List.of("repo:my-org/webapp:environment:bare"));
    }

    /**
     * Prod's required reviewers guard the GitHub environment: a role that can reach the admin role
     * must not be assumable by a workflow that merely runs on the branch.
     */
    @Test
    void noRoleThatTrustsABranchSubjectCanReachTheAdminRole() {
        List<String> reachAdmin = new ArrayList<>();
        for (PolicyDocuments.Statement statement : PolicyDocuments.statements(prod.json())) {
            if (statement.allows() && statement.actions().contains("sts:AssumeRole")
                    && statement.resources().contains("arn:aws:iam::210987654321:role/platform-admin")) {
                reachAdmin.add(statement.where());
            }
        }
        assertEquals(List.of("data.aws_iam_policy_document.infra_permissions"), reachAdmin);
        String trust = show(prod.data("aws_iam_policy_document", "infra_trust"));
        assertFalse(trust.contains(":ref:"), trust);
        for (JsonNode document : prod.json().path("data").path("aws_iam_policy_document")) {
            String text = show(document);
            assertFalse(text.contains(":ref:refs/heads/"), "no role trusts a branch subject:\n" + text);
        }
    }

    @Test
    void planRoleTrustsOnlyPullRequestsOfTheRepository() {
        JsonNode trust = statement(dev, "plan_trust", "AssumedByGithubActions");
        assertAt(trust, "condition", List.of(
                Map.of("test", "StringEquals", "variable", "token.actions.githubusercontent.com:aud", "values", List.of("sts.amazonaws.com")),
                Map.of("test", "StringEquals", "variable", "token.actions.githubusercontent.com:sub", "values",
                        List.of("repo:my-org/webapp:pull_request"))));
    }

    // --- CodeDeploy role ---

    @ParameterizedTest
    @CsvSource({"codedeploy_permissions", "release_permissions"})
    void codeDeployAndReleaseRolesPassExactlyTheTaskRolesAndOnlyToEcsTasks(String document) {
        for (Resources env : List.of(dev, prod)) {
            JsonNode pass = statement(env, document, "PassTaskRoles");
            assertAt(pass, "actions", List.of("iam:PassRole"));
            assertAt(pass, "resources", List.of("${aws_iam_role.execution.arn}", "${aws_iam_role.task.arn}"));
            assertAt(pass, "condition", List.of(
                    Map.of("test", "StringEquals", "variable", "iam:PassedToService", "values", List.of("ecs-tasks.amazonaws.com"))));
        }
    }

    @Test
    void codeDeployRolesOwnPolicyOnlyPassesTheTaskRoles() {
        assertAt(prod.resource("aws_iam_role_policy", "codedeploy_policy"), "role", "${aws_iam_role.codedeploy.id}");
        assertEquals(Set.of("PassTaskRoles"), sids(prod, "codedeploy_permissions"));
    }

    // --- release role ---

    @Test
    void releaseRolePushesToThisRepositoryOnly() {
        JsonNode push = statement(prod, "release_permissions", "PushImage");
        assertAt(push, "resources", List.of(repositoryArn("prod")));
        assertAt(push, "actions", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload",
                "ecr:DescribeImages", "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"));
    }

    @Test
    void releaseRoleRegistersRevisionsOfThisEnvironmentsTaskDefinitionFamilyOnly() {
        JsonNode register = statement(dev, "release_permissions", "RegisterTaskDefinition");
        assertAt(register, "actions", List.of("ecs:RegisterTaskDefinition"));
        assertAt(register, "resources", List.of("arn:" + PARTITION + ":ecs:us-east-1:" + ACCOUNT + ":task-definition/webapp-dev:*"));
    }

    @Test
    void releaseRoleDescribesOnlyThisService() {
        JsonNode describe = statement(dev, "release_permissions", "DescribeService");
        assertAt(describe, "actions", List.of("ecs:DescribeServices"));
        assertAt(describe, "resources", List.of("arn:" + PARTITION + ":ecs:us-east-1:" + ACCOUNT + ":service/webapp-dev/webapp-dev"));
    }

    @Test
    void releaseRoleDeploysOnlyThroughThisApplicationAndDeploymentGroup() {
        String codedeploy = "arn:" + PARTITION + ":codedeploy:us-east-1:" + ACCOUNT + ":";
        JsonNode group = statement(dev, "release_permissions", "DeployToDeploymentGroup");
        assertAt(group, "actions", List.of("codedeploy:CreateDeployment", "codedeploy:GetDeployment", "codedeploy:GetDeploymentGroup",
                "codedeploy:UpdateDeploymentGroup"));
        assertAt(group, "resources", List.of(codedeploy + "deploymentgroup:webapp-dev/webapp-dev"));
        JsonNode revision = statement(dev, "release_permissions", "RegisterRevision");
        assertAt(revision, "actions", List.of("codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"));
        assertAt(revision, "resources", List.of(codedeploy + "application:webapp-dev"));
        JsonNode configs = statement(dev, "release_permissions", "ReadDeploymentConfigs");
        assertAt(configs, "actions", List.of("codedeploy:GetDeploymentConfig"));
        assertAt(configs, "resources", List.of(
                codedeploy + "deploymentconfig:CodeDeployDefault.ECS*", codedeploy + "deploymentconfig:webapp-dev-*"));
    }

    @Test
    void releaseRoleCannotTouchStateOrInfrastructure() {
        assertEquals(Set.of("EcrAuthorizationToken", "PushImage", "RegisterTaskDefinition", "PassTaskRoles", "DescribeService",
                        "DeployToDeploymentGroup", "RegisterRevision", "ReadDeploymentConfigs"),
                sids(prod, "release_permissions"));
        assertFalse(attachedTo(prod, "release"), () -> show(prod.json().path("resource").path("aws_iam_role_policy_attachment")));
    }

    // --- infrastructure role ---

    @Test
    void infraRoleOnlyAssumesTheAdminRoleWhenOneIsConfigured() {
        assertEquals(Set.of("AssumeAdminRole"), sids(prod, "infra_permissions"));
        JsonNode assume = statement(prod, "infra_permissions", "AssumeAdminRole");
        assertAt(assume, "actions", List.of("sts:AssumeRole"));
        assertAt(assume, "resources", List.of("arn:aws:iam::210987654321:role/platform-admin"));
    }

    @Test
    void withoutAnAdminRoleTheInfraRoleReadsAndWritesOnlyThisEnvironmentsState() {
        JsonNode list = statement(dev, "infra_permissions", "StateList");
        assertAt(list, "actions", List.of("s3:ListBucket"));
        assertAt(list, "resources", List.of("arn:" + PARTITION + ":s3:::webapp-tfstate-123456789012"));
        assertAt(list, "condition", List.of(Map.of("test", "StringLike", "variable", "s3:prefix", "values", List.of("webapp/dev/*"))));
        JsonNode objects = statement(dev, "infra_permissions", "StateObjects");
        assertAt(objects, "actions", List.of("s3:DeleteObject", "s3:GetObject", "s3:PutObject"));
        assertAt(objects, "resources", List.of("arn:" + PARTITION + ":s3:::webapp-tfstate-123456789012/webapp/dev/*"));
        JsonNode key = statement(dev, "infra_permissions", "StateKey");
        assertAt(key, "actions", List.of("kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"));
        assertAt(key, "resources", List.of("arn:" + PARTITION + ":kms:us-east-1:" + ACCOUNT + ":key/*"));
        assertAt(key, "condition", List.of(Map.of("test", "ForAnyValue:StringEquals", "variable", "kms:ResourceAliases",
                "values", List.of("alias/webapp-dev-state"))));
        assertFalse(sids(dev, "infra_permissions").contains("AssumeAdminRole"));
    }

    /** Without an admin role, infra-apply runs as this role: it must be able to apply the stacks itself. */
    @Test
    void withoutAnAdminRoleTheInfraRoleMayApplyTheStacks() {
        Set<String> sids = sids(dev, "infra_permissions");
        List<String> expected = InfraPermissions.statements(new ConfigLoader(Repo.config()).load("dev"), PARTITION, ACCOUNT).stream()
                .map(InfraPermissions.Statement::sid).toList();
        assertTrue(expected.size() > 5, expected.toString());
        assertTrue(sids.containsAll(expected), "missing " + expected + " in " + sids);
        List<String> actions = PolicyDocuments.statements(dev.json()).stream()
                .filter(s -> s.where().equals("data.aws_iam_policy_document.infra_permissions"))
                .flatMap(s -> s.actions().stream()).toList();
        for (String action : List.of("ec2:CreateVpc", "ecs:CreateService", "elasticloadbalancing:CreateLoadBalancer",
                "codedeploy:CreateDeploymentGroup", "iam:CreateRole", "ecr:CreateRepository")) {
            assertTrue(actions.contains(action), action + " missing from " + actions);
        }
    }

    // --- plan role ---

    @Test
    void planRoleReadsStateAndWritesOnlyLockFiles() {
        assertAt(statement(dev, "plan_permissions", "StateList"), "condition[0].values", List.of("webapp/dev/*"));
        JsonNode read = statement(dev, "plan_permissions", "StateRead");
        assertAt(read, "actions", List.of("s3:GetObject"));
        assertAt(read, "resources", List.of("arn:" + PARTITION + ":s3:::webapp-tfstate-123456789012/webapp/dev/*"));
        JsonNode lock = statement(dev, "plan_permissions", "StateLockFiles");
        assertAt(lock, "actions", List.of("s3:DeleteObject", "s3:PutObject"));
        assertAt(lock, "resources", List.of("arn:" + PARTITION + ":s3:::webapp-tfstate-123456789012/webapp/dev/*.tflock"));
    }

    @Test
    void planRoleDecryptsStateAndEncryptsLockFilesWithTheStateKeyOnly() {
        JsonNode key = statement(dev, "plan_permissions", "StateKey");
        assertAt(key, "actions", List.of("kms:Decrypt", "kms:GenerateDataKey"));
        assertAt(key, "resources", List.of("arn:" + PARTITION + ":kms:us-east-1:" + ACCOUNT + ":key/*"));
        assertAt(key, "condition", List.of(Map.of("test", "ForAnyValue:StringEquals", "variable", "kms:ResourceAliases",
                "values", List.of("alias/webapp-dev-state"))));
    }

    @Test
    void planRoleLocksTheTableWithoutWritingStateDigests() {
        assertAt(statement(prod, "plan_permissions", "StateLockTableRead"), "condition[0].values",
                List.of("webapp-tfstate-210987654321/webapp/prod/*"));
        JsonNode lock = statement(prod, "plan_permissions", "StateLockTableLock");
        assertAt(lock, "actions", List.of("dynamodb:DeleteItem", "dynamodb:PutItem"));
        assertAt(lock, "condition[0].values", List.of("webapp-tfstate-210987654321/webapp/prod/*.tfstate"));
        assertFalse(sids(dev, "plan_permissions").contains("StateLockTableLock"));
    }

    @Test
    void planRoleReadsEverythingThroughReadOnlyAccessButNotOtherStateOrParameterValues() {
        JsonNode attachment = dev.resource("aws_iam_role_policy_attachment", "plan_read_only");
        assertAt(attachment, "role", "${aws_iam_role.github_plan.name}");
        assertAt(attachment, "policy_arn", "arn:" + PARTITION + ":iam::aws:policy/ReadOnlyAccess");
        JsonNode objects = statement(dev, "plan_permissions", "DenyObjectsOutsideThisState");
        assertAt(objects, "effect", "Deny");
        assertAt(objects, "actions", List.of("s3:GetObject", "s3:GetObjectVersion"));
        assertAt(objects, "not_resources", List.of("arn:" + PARTITION + ":s3:::webapp-tfstate-123456789012/webapp/dev/*"));
        JsonNode parameters = statement(dev, "plan_permissions", "DenyParameterValues");
        assertAt(parameters, "effect", "Deny");
        assertAt(parameters, "resources", List.of("arn:" + PARTITION + ":ssm:*:" + ACCOUNT + ":parameter/*"));
    }

    @Test
    void planRoleCannotAssumeTheAdminRole() {
        List<String> actions = PolicyDocuments.statements(prod.json()).stream()
                .filter(s -> s.where().equals("data.aws_iam_policy_document.plan_permissions"))
                .flatMap(s -> s.actions().stream()).filter(a -> a.startsWith("sts:")).toList();
        assertEquals(List.of(), actions, () -> show(prod.data("aws_iam_policy_document", "plan_permissions")));
    }

    // --- names and outputs ---

    @Test
    void rolesAreNamedAfterTheEnvironment() {
        Map<String, String> expected = Map.of("execution", "webapp-prod-execution", "task", "webapp-prod-task",
                "codedeploy", "webapp-prod-codedeploy", "github_release", "webapp-prod-github-release",
                "github_infra", "webapp-prod-github-infra", "github_plan", "webapp-prod-github-plan");
        expected.forEach((id, name) -> assertAt(prod.resource("aws_iam_role", id), "name", name));
        assertEquals(expected.size(), prod.count("aws_iam_role"), () -> show(prod.json().path("resource").path("aws_iam_role")));
    }

    @Test
    void everyRoleArnIsAnOutput() {
        Map<String, String> outputs = Map.of("execution_role_arn", "execution", "task_role_arn", "task",
                "codedeploy_role_arn", "codedeploy", "release_role_arn", "github_release", "infra_role_arn", "github_infra",
                "plan_role_arn", "github_plan");
        outputs.forEach((output, role) -> assertAt(dev.json().path("output").path(output), "value", "${aws_iam_role." + role + ".arn}"));
    }

    @Test
    void accessStackComesAfterTheStateStack() {
        List<String> stacks = Synthesized.examples().stacks().get("dev");
        assertTrue(stacks.indexOf("webapp-dev-access") > stacks.indexOf("webapp-dev-state"), () -> stacks.toString());
    }

    // --- every policy of every stack ---

    @Test
    void noPolicyInAnyStackAllowsAStarActionOrAnUnexplainedStarResource() {
        List<String> problems = new ArrayList<>();
        Set<String> starResourcesSeen = new TreeSet<>();
        Map<String, List<String>> stacks = Synthesized.examples().stacks();
        for (String stackName : stacks.values().stream().flatMap(List::stream).toList()) {
            JsonNode stack = Synthesized.examples().stack(stackName);
            for (PolicyDocuments.Unreadable unreadable : PolicyDocuments.unreadable(stack)) {
                problems.add(stackName + " " + unreadable.where() + ": not a policy document this test can read (use data"
                        + " aws_iam_policy_document): " + unreadable.value());
            }
            for (PolicyDocuments.Statement statement : PolicyDocuments.statements(stack)) {
                String at = stackName + " " + statement.where() + " sid \"" + statement.sid() + "\"";
                // A wildcard in a Deny only takes away (the state bucket denies s3:* without TLS).
                if (statement.allows() && !(stackName.endsWith("-state") && statement.sid().equals(KEY_POLICY_SID))) {
                    statement.actions().stream().filter(a -> a.equals("*") || a.endsWith(":*"))
                            .forEach(a -> problems.add(at + ": allows the action \"" + a + "\"; name each action:\n" + show(statement.node())));
                }
                if (statement.resources().contains("*")) {
                    String key = stackName + " " + statement.sid();
                    if (STAR_RESOURCES.containsKey(key)) {
                        starResourcesSeen.add(key);
                    } else {
                        problems.add(at + ": resource \"*\" without a reviewed reason; name the resources, or add (stack, sid)"
                                + " with the reason AWS allows nothing narrower to STAR_RESOURCES:\n" + show(statement.node()));
                    }
                }
            }
        }
        Set<String> stale = new TreeSet<>(STAR_RESOURCES.keySet());
        stale.removeAll(starResourcesSeen);
        stale.forEach(key -> problems.add(key + ": listed in STAR_RESOURCES but no such statement has a \"*\" resource; remove it"));
        assertTrue(problems.isEmpty(), () -> problems.size() + " problem(s):\n" + String.join("\n", problems));
    }

    // --- helpers ---

    /** The statement {@code sid} of data.aws_iam_policy_document.{@code document}; fails printing the document. */
    private static JsonNode statement(Resources stack, String document, String sid) {
        JsonNode doc = stack.data("aws_iam_policy_document", document);
        for (JsonNode statement : doc.path("statement")) {
            if (statement.path("sid").asText().equals(sid)) {
                return statement;
            }
        }
        throw new AssertionError("no statement " + sid + " in data.aws_iam_policy_document." + document + ":\n" + show(doc));
    }

    private static Set<String> sids(Resources stack, String document) {
        return StreamSupport.stream(stack.data("aws_iam_policy_document", document).path("statement").spliterator(), false)
                .map(s -> s.path("sid").asText()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static boolean attachedTo(Resources stack, String roleId) {
        return stack.ofType("aws_iam_role_policy_attachment").stream()
                .anyMatch(e -> e.getValue().path("role").asText().startsWith("${aws_iam_role." + roleId + "."));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
