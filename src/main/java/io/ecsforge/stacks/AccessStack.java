package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_openid_connect_provider.DataAwsIamOpenidConnectProvider;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocument;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementCondition;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatementPrincipals;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartition;
import com.hashicorp.cdktf.providers.aws.iam_openid_connect_provider.IamOpenidConnectProvider;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import com.hashicorp.cdktf.providers.aws.iam_role_policy_attachment.IamRolePolicyAttachment;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.GithubConfig;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import io.ecsforge.config.StateConfig;
import io.ecsforge.stacks.EnvironmentNames.Role;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import software.constructs.Construct;

/**
 * The IAM roles of one environment: the roles ECS tasks run with, the role CodeDeploy shifts
 * traffic with, and the roles GitHub Actions assume through OIDC: to release the app (release), to
 * apply the stacks (infra) and to plan pull requests (plan). Every policy names the resources of this environment only; a
 * {@code "*"} resource appears only where AWS offers nothing narrower, with the reason beside it.
 */
public final class AccessStack extends PlatformStack {
    /** GitHub's OIDC issuer; the role trust policies name its claims by this host. */
    static final String GITHUB_OIDC_HOST = "token.actions.githubusercontent.com";
    static final String GITHUB_OIDC_URL = "https://" + GITHUB_OIDC_HOST;
    /** The audience aws-actions/configure-aws-credentials asks GitHub to put in the token. */
    static final String GITHUB_OIDC_AUDIENCE = "sts.amazonaws.com";
    /**
     * The thumbprints GitHub published for its OIDC certificate chain (2023-06). IAM no longer
     * checks them for this issuer, which it verifies through its own trusted CAs, but the API
     * still requires at least one.
     */
    static final List<String> GITHUB_OIDC_THUMBPRINTS = List.of(
            "1c58a3a8518e8759bf075b76b750d4f2df264fcd", "6938fd4d98bab03faadb97b34396831e3780aea1");

    private static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
    private static final String CODEDEPLOY = "codedeploy.amazonaws.com";

    // Construct ids of the roles: their Terraform addresses, which a renamed role must keep.
    private static final String EXECUTION_ID = "execution";
    private static final String TASK_ID = "task";
    private static final String CODEDEPLOY_ID = "codedeploy";
    private static final String RELEASE_ID = "github_release";
    private static final String INFRA_ID = "github_infra";
    private static final String PLAN_ID = "github_plan";

    private final EnvironmentConfig config;
    private final String partition;
    private final String account;
    private final IamRole executionRole;
    private final IamRole taskRole;
    private final IamRole codeDeployRole;
    private final IamRole releaseRole;
    private final IamRole infraRole;
    private final IamRole planRole;

    /** @param repositoryArn the ECR repository of this environment, from the registry stack */
    public AccessStack(Construct scope, EnvironmentConfig config, String repositoryArn) {
        super(scope, config, EnvironmentNames.ACCESS);
        this.config = config;
        partition = DataAwsPartition.Builder.create(this, "partition").build().getPartition();
        account = DataAwsCallerIdentity.Builder.create(this, "caller").build().getAccountId();

        DataAwsIamPolicyDocument ecsTasksTrust = document("ecs_tasks_trust", List.of(ecsTasksTrust()));
        executionRole = role(EXECUTION_ID, Role.EXECUTION, "Pulls this environment's image, writes its logs and reads its secrets when ECS starts a task.",
                ecsTasksTrust);
        inlinePolicy("execution", Role.EXECUTION, executionRole, executionStatements(repositoryArn));
        taskRole = role(TASK_ID, Role.TASK, "The application's own AWS identity: only the statements of service.taskPolicy.", ecsTasksTrust);
        inlinePolicy("task", Role.TASK, taskRole, taskStatements());

        codeDeployRole = role(CODEDEPLOY_ID, Role.CODEDEPLOY, "Lets CodeDeploy shift traffic between task sets of this environment's service.",
                document("codedeploy_trust", List.of(codeDeployTrust())));
        // AWS's policy for ECS blue/green, in its limited form: unlike AWSCodeDeployRoleForECS it
        // cannot read every S3 object, invoke every Lambda function or publish to every SNS topic
        // (hooks must be named CodeDeployHook_*, topics CodeDeployTopic_*). A policy of our own
        // would need the listener and rule ARNs of another stack; AWS keeps this one current.
        IamRolePolicyAttachment.Builder.create(this, "codedeploy_ecs")
                .role(codeDeployRole.getName())
                .policyArn(awsManagedPolicy("AWSCodeDeployRoleForECSLimited"))
                .build();

        // ECS blue/green: CodeDeploy creates the replacement task set with the task definition's
        // roles, which it must pass. The managed policy passes only roles named ecsTaskExecutionRole
        // or ECSTaskExecution*, so without this every deployment is denied (AWS's ECS blue/green
        // guide: add iam:PassRole for the task roles to the CodeDeploy role).
        inlinePolicy("codedeploy", Role.CODEDEPLOY, codeDeployRole, List.of(passTaskRoles()));

        String githubProvider = githubOidcProvider(config.github());
        // Both GitHub roles that can touch this environment trust only jobs that run in the GitHub
        // environment of the same name: its required reviewers and branch rule then guard them. A
        // branch subject would let any workflow on the branch without that environment in.
        List<String> environmentSubject = List.of(environmentSubject(config));
        releaseRole = role(RELEASE_ID, Role.RELEASE, "Assumed by GitHub Actions jobs in the " + config.environment()
                        + " environment to release the app: pushes its image, registers task definitions, starts CodeDeploy deployments.",
                document("release_trust", List.of(githubTrust(githubProvider, environmentSubject))));
        inlinePolicy("release", Role.RELEASE, releaseRole, releaseStatements(repositoryArn));

        infraRole = role(INFRA_ID, Role.INFRA, "Assumed by GitHub Actions jobs in the " + config.environment()
                        + " environment to apply this environment's stacks" + (config.aws().assumeRoleArn().isPresent()
                                ? ", through the configured admin role." : "."),
                document("infra_trust", List.of(githubTrust(githubProvider, environmentSubject))));
        inlinePolicy("infra", Role.INFRA, infraRole, infraStatements());

        planRole = role(PLAN_ID, Role.PLAN, "Assumed by GitHub Actions for pull requests to plan changes; read-only.",
                document("plan_trust", List.of(githubTrust(githubProvider, List.of("repo:" + config.github().repository() + ":pull_request")))));
        // AWS's read-only policy covers what refresh reads across every service the stacks use.
        IamRolePolicyAttachment.Builder.create(this, "plan_read_only")
                .role(planRole.getName())
                .policyArn(awsManagedPolicy("ReadOnlyAccess"))
                .build();
        inlinePolicy("plan", Role.PLAN, planRole, planStatements());

        output("execution_role_arn", executionRole);
        output("task_role_arn", taskRole);
        output("codedeploy_role_arn", codeDeployRole);
        output("release_role_arn", releaseRole);
        output("infra_role_arn", infraRole);
        output("plan_role_arn", planRole);
    }

    public String executionRoleArn() {
        return executionRole.getArn();
    }

    public String taskRoleArn() {
        return taskRole.getArn();
    }

    public String codeDeployRoleArn() {
        return codeDeployRole.getArn();
    }

    public String releaseRoleArn() {
        return releaseRole.getArn();
    }

    public String infraRoleArn() {
        return infraRole.getArn();
    }

    public String planRoleArn() {
        return planRole.getArn();
    }

    /** The subject GitHub gives a job that runs in the GitHub environment named after this one. */
    static String environmentSubject(EnvironmentConfig config) {
        return "repo:" + config.github().repository() + ":environment:" + config.environment();
    }

    private List<DataAwsIamPolicyDocumentStatement> executionStatements(String repositoryArn) {
        List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>();
        statements.add(ecrAuthorizationToken());
        statements.add(allow("PullImage", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"),
                List.of(repositoryArn)));
        statements.add(allow("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(arn("logs", "log-group:" + names().serviceLogGroup() + ":*"))));
        // Secrets under AWS managed keys (aws/ssm, aws/secretsmanager) need no kms:Decrypt here:
        // those keys' policies allow any principal of the account through the service.
        TreeSet<String> parameters = new TreeSet<>();
        TreeSet<String> secrets = new TreeSet<>();
        for (String arn : config.service().secrets().values()) {
            if (arn.split(":", 4)[2].equals("ssm")) {
                parameters.add(arn);
            } else {
                secrets.add(secretArn(arn));
            }
        }
        if (!parameters.isEmpty()) {
            statements.add(allow("ReadParameters", List.of("ssm:GetParameters"), List.copyOf(parameters)));
        }
        if (!secrets.isEmpty()) {
            statements.add(allow("ReadSecrets", List.of("secretsmanager:GetSecretValue"), List.copyOf(secrets)));
        }
        return statements;
    }

    /**
     * The secret itself, without the JSON key, version stage and version id ECS accepts after it
     * ({@code arn:aws:secretsmanager:region:account:secret:name-AbCdEf:key:stage:id}).
     */
    static String secretArn(String valueFrom) {
        String[] parts = valueFrom.split(":", -1);
        return parts.length <= 7 ? valueFrom : String.join(":", Arrays.copyOf(parts, 7));
    }

    private List<DataAwsIamPolicyDocumentStatement> taskStatements() {
        List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>();
        List<PolicyStatement> taskPolicy = config.service().taskPolicy();
        for (int i = 0; i < taskPolicy.size(); i++) {
            statements.add(allow("TaskPolicy" + (i + 1), taskPolicy.get(i).actions(), taskPolicy.get(i).resources()));
        }
        if (config.cluster().executeCommand()) {
            // ECS Exec runs the SSM agent in the task under the task role. Its message channels
            // have no resource-level permissions, so "*" is the only resource AWS accepts.
            statements.add(allow("EcsExecChannels", List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                    "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"), List.of("*")));
            // The agent looks its log group up before writing the session log; listing groups
            // has no resource-level permission either.
            statements.add(allow("EcsExecLogGroups", List.of("logs:DescribeLogGroups"), List.of("*")));
            statements.add(allow("EcsExecSessionLogs", List.of("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"),
                    List.of(arn("logs", "log-group:" + names().execLogGroup() + ":*"))));
        }
        return statements;
    }

    /**
     * Exactly what the generated release workflow calls (see {@code ReleaseStep}): log in to the
     * registry, push this repository's image, register the task definition, check the deployment
     * group, start a deployment and watch it. Nothing that changes infrastructure, no state.
     */
    private List<DataAwsIamPolicyDocumentStatement> releaseStatements(String repositoryArn) {
        String group = arn("codedeploy", "deploymentgroup:" + names().codeDeployApplication() + "/" + names().deploymentGroup());
        List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>();
        statements.add(ecrAuthorizationToken());
        // What pushing an image takes (Amazon ECR User Guide, "IAM permissions for pushing an
        // image"), and reading which tags exist, which the release checks before it pushes to an
        // immutable tag.
        statements.add(allow("PushImage", List.of(
                        "ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:CompleteLayerUpload", "ecr:DescribeImages",
                        "ecr:InitiateLayerUpload", "ecr:PutImage", "ecr:UploadLayerPart"),
                List.of(repositoryArn)));
        // Revisions of this environment's family only; what they may run as is limited below.
        statements.add(allow("RegisterTaskDefinition", List.of("ecs:RegisterTaskDefinition"),
                List.of(arn("ecs", "task-definition/" + names().taskDefinitionFamily() + ":*"))));
        statements.add(passTaskRoles());
        // A hotfix release reads which target group is live from the service's task sets.
        statements.add(allow("DescribeService", List.of("ecs:DescribeServices"),
                List.of(arn("ecs", names().scalableService()))));
        // UpdateDeploymentGroup: CodeDeploy requires it of a deployment that overrides the group's
        // alarms, as a hotfix release does. It lets this role change this one deployment group,
        // which the next apply of the delivery stack puts back.
        statements.add(allow("DeployToDeploymentGroup", List.of("codedeploy:CreateDeployment", "codedeploy:GetDeployment",
                "codedeploy:GetDeploymentGroup", "codedeploy:UpdateDeploymentGroup"), List.of(group)));
        // CreateDeployment's dependent actions (Service Authorization Reference, AWS CodeDeploy): it
        // registers the AppSpec as a revision of the application and reads the group's configuration.
        statements.add(allow("RegisterRevision", List.of("codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"),
                List.of(arn("codedeploy", "application:" + names().codeDeployApplication()))));
        statements.add(allow("ReadDeploymentConfigs", List.of("codedeploy:GetDeploymentConfig"), List.of(
                arn("codedeploy", "deploymentconfig:CodeDeployDefault.ECS*"),
                arn("codedeploy", "deploymentconfig:" + names().anyResource()))));
        return statements;
    }

    /**
     * What applying this environment's stacks takes. With {@code aws.assumeRoleArn}, Terraform's
     * provider and backend assume that role, and this role may do nothing else. Without one, this
     * role applies the stacks itself: this environment's state and the resources of its stacks.
     */
    private List<DataAwsIamPolicyDocumentStatement> infraStatements() {
        Optional<String> admin = config.aws().assumeRoleArn();
        if (admin.isPresent()) {
            return List.of(allow("AssumeAdminRole", List.of("sts:AssumeRole"), List.of(admin.get())));
        }
        List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>();
        for (InfraPermissions.Statement statement : InfraPermissions.statements(config, partition, account)) {
            statements.add(statement(statement.sid(), "Allow", statement.actions(), statement.resources(), statement.conditions().stream()
                    .map(c -> condition(c.test(), c.variable(), c.values())).toList()));
        }
        return statements;
    }

    /** The execution and task roles, to ECS tasks only. */
    private DataAwsIamPolicyDocumentStatement passTaskRoles() {
        return statement("PassTaskRoles", "Allow", List.of("iam:PassRole"),
                List.of(executionRole.getArn(), taskRole.getArn()),
                List.of(condition("StringEquals", "iam:PassedToService", List.of(ECS_TASKS))));
    }

    private List<DataAwsIamPolicyDocumentStatement> planStatements() {
        List<DataAwsIamPolicyDocumentStatement> statements = new ArrayList<>();
        statements.add(stateList());
        statements.add(allow("StateRead", List.of("s3:GetObject"), List.of(stateObjects("*"))));
        // Plan takes the state lock; it may create and remove lock files, never state.
        statements.add(allow("StateLockFiles", List.of("s3:DeleteObject", "s3:PutObject"), List.of(stateObjects("*.tflock"))));
        lockTable().ifPresent(table -> {
            statements.add(statement("StateLockTableRead", "Allow", List.of("dynamodb:GetItem"), List.of(table),
                    List.of(leadingKeys("*"))));
            // Lock items are keyed <bucket>/<state key>; the state digests (<key>-md5) stay read-only.
            statements.add(statement("StateLockTableLock", "Allow", List.of("dynamodb:DeleteItem", "dynamodb:PutItem"), List.of(table),
                    List.of(leadingKeys("*.tfstate"))));
        });
        // ReadOnlyAccess grants s3:Get* and ssm:Get* on everything: it would let a pull request
        // read other environments' state files and parameter values. Explicit denies win.
        statements.add(DataAwsIamPolicyDocumentStatement.builder()
                .sid("DenyObjectsOutsideThisState")
                .effect("Deny")
                .actions(List.of("s3:GetObject", "s3:GetObjectVersion"))
                .notResources(List.of(stateObjects("*")))
                .build());
        statements.add(statement("DenyParameterValues", "Deny",
                List.of("ssm:GetParameter", "ssm:GetParameterHistory", "ssm:GetParameters", "ssm:GetParametersByPath"),
                List.of("arn:" + partition + ":ssm:*:" + account + ":parameter/*"), List.of()));
        return statements;
    }

    /** The ECR login token is account-wide: GetAuthorizationToken accepts only {@code "*"}. */
    private static DataAwsIamPolicyDocumentStatement ecrAuthorizationToken() {
        return allow("EcrAuthorizationToken", List.of("ecr:GetAuthorizationToken"), List.of("*"));
    }

    /** Listing limited to this environment's keys; Terraform ignores the denied listing of workspaces (env:/). */
    private DataAwsIamPolicyDocumentStatement stateList() {
        StateConfig state = config.state();
        return statement("StateList", "Allow", List.of("s3:ListBucket"), List.of("arn:" + partition + ":s3:::" + state.bucket()),
                List.of(condition("StringLike", "s3:prefix", List.of(names().statePrefix() + "*"))));
    }

    private String stateObjects(String pattern) {
        return "arn:" + partition + ":s3:::" + config.state().bucket() + "/" + names().statePrefix() + pattern;
    }

    private Optional<String> lockTable() {
        StateConfig state = config.state();
        if (!state.lock().usesDynamodb()) {
            return Optional.empty();
        }
        return state.dynamodbTable().map(table -> "arn:" + partition + ":dynamodb:" + state.region() + ":" + account + ":table/" + table);
    }

    /** Items of this environment only: the lock table's key is {@code <bucket>/<state key>[-md5]}. */
    private DataAwsIamPolicyDocumentStatementCondition leadingKeys(String pattern) {
        return condition("ForAllValues:StringLike", "dynamodb:LeadingKeys",
                List.of(config.state().bucket() + "/" + names().statePrefix() + pattern));
    }

    private DataAwsIamPolicyDocumentStatement ecsTasksTrust() {
        return DataAwsIamPolicyDocumentStatement.builder()
                .sid("AssumedByEcsTasks")
                .effect("Allow")
                .actions(List.of("sts:AssumeRole"))
                .principals(List.of(DataAwsIamPolicyDocumentStatementPrincipals.builder()
                        .type("Service").identifiers(List.of(ECS_TASKS)).build()))
                // Only on behalf of this account's resources (confused deputy prevention).
                .condition(List.of(condition("StringEquals", "aws:SourceAccount", List.of(account))))
                .build();
    }

    private DataAwsIamPolicyDocumentStatement codeDeployTrust() {
        return DataAwsIamPolicyDocumentStatement.builder()
                .sid("AssumedByCodedeploy")
                .effect("Allow")
                .actions(List.of("sts:AssumeRole"))
                .principals(List.of(DataAwsIamPolicyDocumentStatementPrincipals.builder()
                        .type("Service").identifiers(List.of(CODEDEPLOY)).build()))
                // CodeDeploy names the deployment group it acts for; only this environment's may use the role.
                .condition(List.of(
                        condition("StringEquals", "aws:SourceAccount", List.of(account)),
                        condition("ArnLike", "aws:SourceArn", List.of(arn("codedeploy", "deploymentgroup:"
                                + names().codeDeployApplication() + "/" + names().deploymentGroup())))))
                .build();
    }

    private static DataAwsIamPolicyDocumentStatement githubTrust(String provider, List<String> subjects) {
        return DataAwsIamPolicyDocumentStatement.builder()
                .sid("AssumedByGithubActions")
                .effect("Allow")
                .actions(List.of("sts:AssumeRoleWithWebIdentity"))
                .principals(List.of(DataAwsIamPolicyDocumentStatementPrincipals.builder()
                        .type("Federated").identifiers(List.of(provider)).build()))
                .condition(List.of(
                        condition("StringEquals", GITHUB_OIDC_HOST + ":aud", List.of(GITHUB_OIDC_AUDIENCE)),
                        condition("StringEquals", GITHUB_OIDC_HOST + ":sub", subjects)))
                .build();
    }

    /** The account's GitHub OIDC provider: made here when configured, otherwise looked up (one per account). */
    private String githubOidcProvider(GithubConfig github) {
        if (github.createOidcProvider()) {
            return IamOpenidConnectProvider.Builder.create(this, "github")
                    .url(GITHUB_OIDC_URL)
                    .clientIdList(List.of(GITHUB_OIDC_AUDIENCE))
                    .thumbprintList(GITHUB_OIDC_THUMBPRINTS)
                    .build()
                    .getArn();
        }
        return DataAwsIamOpenidConnectProvider.Builder.create(this, "github").url(GITHUB_OIDC_URL).build().getArn();
    }

    private IamRole role(String id, Role role, String description, DataAwsIamPolicyDocument trust) {
        return IamRole.Builder.create(this, id)
                .name(names().role(role))
                .description(description)
                .assumeRolePolicy(trust.getJson())
                .build();
    }

    /** An inline policy on {@code role}; none at all when there are no statements. */
    private void inlinePolicy(String id, Role name, IamRole role, List<DataAwsIamPolicyDocumentStatement> statements) {
        if (statements.isEmpty()) {
            return;
        }
        DataAwsIamPolicyDocument document = document(id + "_permissions", statements);
        IamRolePolicy.Builder.create(this, id + "_policy")
                .name(name.policyName())
                .role(role.getId())
                .policy(document.getJson())
                .build();
    }

    private DataAwsIamPolicyDocument document(String id, List<DataAwsIamPolicyDocumentStatement> statements) {
        return DataAwsIamPolicyDocument.Builder.create(this, id).statement(statements).build();
    }

    private void output(String id, IamRole role) {
        TerraformOutput.Builder.create(this, id).value(role.getArn()).build();
    }

    /** {@code arn:<partition>:<service>:<region>:<account>:<resource>} in this environment's region and account. */
    private String arn(String service, String resource) {
        return "arn:" + partition + ":" + service + ":" + config.aws().region() + ":" + account + ":" + resource;
    }

    private String awsManagedPolicy(String name) {
        return "arn:" + partition + ":iam::aws:policy/" + name;
    }

    private static DataAwsIamPolicyDocumentStatement allow(String sid, List<String> actions, List<String> resources) {
        return statement(sid, "Allow", actions, resources, List.of());
    }

    private static DataAwsIamPolicyDocumentStatement statement(String sid, String effect, List<String> actions, List<String> resources,
            List<DataAwsIamPolicyDocumentStatementCondition> conditions) {
        DataAwsIamPolicyDocumentStatement.Builder statement = DataAwsIamPolicyDocumentStatement.builder()
                .sid(sid).effect(effect).actions(actions).resources(resources);
        if (!conditions.isEmpty()) {
            statement.condition(conditions);
        }
        return statement.build();
    }

    private static DataAwsIamPolicyDocumentStatementCondition condition(String test, String variable, List<String> values) {
        return DataAwsIamPolicyDocumentStatementCondition.builder().test(test).variable(variable).values(values).build();
    }
}
