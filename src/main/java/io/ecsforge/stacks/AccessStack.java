package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.stacks.EnvironmentNames.Role;
import java.util.List;
import software.constructs.Construct;

/**
 * The IAM roles of one environment: the roles ECS tasks run with, the role CodeDeploy shifts
 * traffic with, and the roles GitHub Actions assume through OIDC: to release the app (release), to
 * apply the stacks (infra) and to plan pull requests (plan). What each may do is
 * {@link AccessPolicies} and, for the state, {@link StateAccess}.
 */
public final class AccessStack extends PlatformStack {
    // Construct ids: the Terraform addresses of the roles and their policies, which must not
    // follow the roles' names. Each role's inline policy is <id>_policy, its document <id>_permissions.
    private static final String EXECUTION_ID = "execution";
    private static final String TASK_ID = "task";
    private static final String CODEDEPLOY_ID = "codedeploy";
    private static final String RELEASE_ID = "github_release";
    private static final String INFRA_ID = "github_infra";
    private static final String PLAN_ID = "github_plan";
    private static final String CALLER_ID = "caller";

    private final EnvironmentConfig config;
    private final AwsArns arns;
    private final AccessPolicies policies;
    private final RoleBuilder roles = new RoleBuilder(this);
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
        arns = lookUpArns(CALLER_ID);
        policies = new AccessPolicies(config, arns);

        String ecsTasksTrust = trust("ecs_tasks_trust", policies.ecsTasksTrust());
        executionRole = roles.role(EXECUTION_ID, names().role(Role.EXECUTION),
                "Pulls this environment's image, writes its logs and reads its secrets when ECS starts a task.", ecsTasksTrust);
        inlinePolicy("execution", Role.EXECUTION, executionRole, policies.execution(repositoryArn));
        taskRole = roles.role(TASK_ID, names().role(Role.TASK),
                "The application's own AWS identity: only the statements of service.taskPolicy.", ecsTasksTrust);
        inlinePolicy("task", Role.TASK, taskRole, policies.task());
        DataAwsIamPolicyDocumentStatement passTaskRoles = policies.passTaskRoles(List.of(executionRole.getArn(), taskRole.getArn()));
        codeDeployRole = codeDeployRole(passTaskRoles);

        String github = GithubOidc.provider(this, config.github());
        releaseRole = releaseRole(github, repositoryArn, passTaskRoles);
        infraRole = infraRole(github);
        planRole = planRole(github);

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

    private IamRole codeDeployRole(DataAwsIamPolicyDocumentStatement passTaskRoles) {
        IamRole role = roles.role(CODEDEPLOY_ID, names().role(Role.CODEDEPLOY),
                "Lets CodeDeploy shift traffic between task sets of this environment's service.",
                trust("codedeploy_trust", policies.codeDeployTrust()));
        // AWS's policy for ECS blue/green, in its limited form: unlike AWSCodeDeployRoleForECS it
        // cannot read every S3 object, invoke every Lambda function or publish to every SNS topic
        // (hooks must be named CodeDeployHook_*, topics CodeDeployTopic_*). A policy of our own
        // would need the listener and rule ARNs of another stack; AWS keeps this one current.
        roles.attach("codedeploy_ecs", role, arns.awsManagedPolicy("AWSCodeDeployRoleForECSLimited"));
        // ECS blue/green: CodeDeploy creates the replacement task set with the task definition's
        // roles, which it must pass. The managed policy passes only roles named ecsTaskExecutionRole
        // or ECSTaskExecution*, so without this every deployment is denied (AWS's ECS blue/green
        // guide: add iam:PassRole for the task roles to the CodeDeploy role).
        inlinePolicy("codedeploy", Role.CODEDEPLOY, role, List.of(passTaskRoles));
        return role;
    }

    private IamRole releaseRole(String github, String repositoryArn, DataAwsIamPolicyDocumentStatement passTaskRoles) {
        IamRole role = roles.role(RELEASE_ID, names().role(Role.RELEASE), "Assumed by GitHub Actions jobs in the " + config.environment()
                        + " environment to release the app: pushes its image, registers task definitions, starts CodeDeploy deployments.",
                trust("release_trust", environmentJobs(github)));
        inlinePolicy("release", Role.RELEASE, role, policies.release(repositoryArn, passTaskRoles));
        return role;
    }

    private IamRole infraRole(String github) {
        IamRole role = roles.role(INFRA_ID, names().role(Role.INFRA), "Assumed by GitHub Actions jobs in the " + config.environment()
                        + " environment to apply this environment's stacks"
                        + (config.aws().assumeRoleArn().isPresent() ? ", through the configured admin role." : "."),
                trust("infra_trust", environmentJobs(github)));
        inlinePolicy("infra", Role.INFRA, role, policies.infra());
        return role;
    }

    private IamRole planRole(String github) {
        IamRole role = roles.role(PLAN_ID, names().role(Role.PLAN), "Assumed by GitHub Actions for pull requests to plan changes; read-only.",
                trust("plan_trust", GithubOidc.trust(github, List.of(GithubOidc.pullRequestSubject(config)))));
        // AWS's read-only policy covers what refresh reads across every service the stacks use.
        roles.attach("plan_read_only", role, arns.awsManagedPolicy("ReadOnlyAccess"));
        inlinePolicy("plan", Role.PLAN, role, new StateAccess(names(), config.state(), arns).plan());
        return role;
    }

    /**
     * Both GitHub roles that can touch this environment trust only jobs that run in the GitHub
     * environment of the same name: its required reviewers and branch rule then guard them. A
     * branch subject would let any workflow on the branch without that environment in.
     */
    private DataAwsIamPolicyDocumentStatement environmentJobs(String github) {
        return GithubOidc.trust(github, List.of(GithubOidc.environmentSubject(config)));
    }

    /** The trust policy document {@code id}, holding {@code statement}; returns its JSON. */
    private String trust(String id, DataAwsIamPolicyDocumentStatement statement) {
        return PolicyBuilder.document(this, id, List.of(statement)).getJson();
    }

    /** The inline policy of {@code role}: construct ids {@code <id>_permissions} and {@code <id>_policy}. */
    private void inlinePolicy(String id, Role name, IamRole role,
            List<DataAwsIamPolicyDocumentStatement> statements) {
        roles.inlinePolicy(id + "_permissions", id + "_policy", name.policyName(), role, statements);
    }

    private void output(String id, IamRole role) {
        TerraformOutput.Builder.create(this, id).value(role.getArn()).build();
    }
}
