package io.ecsforge.stacks;

import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import com.hashicorp.cdktf.providers.aws.iam_role.IamRole;
import com.hashicorp.cdktf.providers.aws.iam_role_policy.IamRolePolicy;
import io.ecsforge.stacks.EnvironmentNames.Role;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * The IAM roles of one environment: the roles ECS tasks run with, the role CodeDeploy shifts
 * traffic with, and the roles GitHub Actions assume through OIDC: to release the app (release), to
 * apply the stacks (infra) and to plan pull requests (plan). What each may do is
 * {@link AccessPolicies} and, for the state, {@link StateAccess}. The access stack and the access
 * module are both this part, made directly in the given scope.
 */
public final class IamAccess {
    /** The outputs, with what each gives. */
    public static final Map<String, String> OUTPUTS = outputs();

    // Construct ids: the Terraform addresses of the roles and their policies, which must not
    // follow the roles' names. Each role's inline policy is <id>_policy, its document <id>_permissions.
    private static final String EXECUTION_ID = "execution";
    private static final String TASK_ID = "task";
    private static final String CODEDEPLOY_ID = "codedeploy";
    private static final String RELEASE_ID = "github_release";
    private static final String INFRA_ID = "github_infra";
    private static final String PLAN_ID = "github_plan";

    private final Construct scope;
    private final AccessSettings settings;
    private final Shapes shapes;
    private final EnvironmentNames names;
    private final AwsArns arns;
    private final AccessPolicies policies;
    private final RoleBuilder roles;
    private final IamRole executionRole;
    private final IamRole taskRole;
    private final IamRole codeDeployRole;
    private final IamRole releaseRole;
    private final IamRole infraRole;
    private final IamRole planRole;

    /** @param repositoryArn the ECR repository of this environment, from the registry */
    public IamAccess(Construct scope, AccessSettings settings, Shapes shapes, String repositoryArn) {
        this.scope = scope;
        this.settings = settings;
        this.shapes = shapes;
        this.names = settings.names();
        this.arns = settings.arns().get();
        this.roles = new RoleBuilder(scope);
        policies = new AccessPolicies(settings, arns);

        String ecsTasksTrust = trust("ecs_tasks_trust", policies.ecsTasksTrust());
        executionRole = roles.role(EXECUTION_ID, names.role(Role.EXECUTION),
                "Pulls this environment's image, writes its logs and reads its secrets when ECS starts a task.", ecsTasksTrust);
        inlinePolicy("execution", Role.EXECUTION, executionRole, policies.execution(repositoryArn));
        taskRole = roles.role(TASK_ID, names.role(Role.TASK),
                "The application's own AWS identity: only the statements of service.taskPolicy.", ecsTasksTrust);
        inlinePolicy("task", Role.TASK, taskRole, policies.task());
        DataAwsIamPolicyDocumentStatement passTaskRoles = policies.passTaskRoles(List.of(executionRole.getArn(), taskRole.getArn()));
        codeDeployRole = codeDeployRole(passTaskRoles);

        String github = GithubOidc.provider(scope, settings.createOidcProvider(), shapes);
        releaseRole = releaseRole(github, repositoryArn, passTaskRoles);
        infraRole = infraRole(github);
        planRole = planRole(github);
    }

    private static Map<String, String> outputs() {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("execution_role_arn", "The ARN of the role ECS starts the service's tasks with: it pulls the image,"
                + " writes the logs and reads the secrets.");
        outputs.put("task_role_arn", "The ARN of the role the application's code runs as.");
        outputs.put("codedeploy_role_arn", "The ARN of the role CodeDeploy shifts traffic between task sets with.");
        outputs.put("release_role_arn", "The ARN of the role GitHub Actions jobs in the environment assume to release the app.");
        outputs.put("infra_role_arn", "The ARN of the role GitHub Actions jobs in the environment assume to apply the"
                + " infrastructure.");
        outputs.put("plan_role_arn", "The ARN of the read-only role GitHub Actions assumes to plan pull requests.");
        return Map.copyOf(outputs);
    }

    /**
     * The outputs, in the stack's order. A stack's carry no description: adding one would change
     * every stack's JSON, and users' plans with it.
     */
    public void outputs(boolean described) {
        output("execution_role_arn", executionRole, described);
        output("task_role_arn", taskRole, described);
        output("codedeploy_role_arn", codeDeployRole, described);
        output("release_role_arn", releaseRole, described);
        output("infra_role_arn", infraRole, described);
        output("plan_role_arn", planRole, described);
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
        IamRole role = roles.role(CODEDEPLOY_ID, names.role(Role.CODEDEPLOY),
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
        roles.inlinePolicy("codedeploy_permissions", "codedeploy_policy", Role.CODEDEPLOY.policyName(), role, List.of(passTaskRoles));
        return role;
    }

    private IamRole releaseRole(String github, String repositoryArn, DataAwsIamPolicyDocumentStatement passTaskRoles) {
        IamRole role = roles.role(RELEASE_ID, names.role(Role.RELEASE), "Assumed by GitHub Actions jobs in the "
                        + settings.environment().text() + " environment to release the app: pushes its image, registers task"
                        + " definitions, starts CodeDeploy deployments.",
                trust("release_trust", environmentJobs(github)));
        roles.inlinePolicy("release_permissions", "release_policy", Role.RELEASE.policyName(), role,
                policies.release(repositoryArn, passTaskRoles));
        return role;
    }

    private IamRole infraRole(String github) {
        Setting<Boolean> admin = settings.assumesAdminRole();
        String through = admin.isLiteral() ? (admin.literal() ? ", through the configured admin role." : ".")
                : "${" + admin.expression() + " ? \", through the configured admin role.\" : \".\"}";
        IamRole role = roles.role(INFRA_ID, names.role(Role.INFRA), "Assumed by GitHub Actions jobs in the "
                        + settings.environment().text() + " environment to apply this environment's stacks" + through,
                trust("infra_trust", environmentJobs(github)));
        inlinePolicy("infra", Role.INFRA, role, policies.infra());
        return role;
    }

    private IamRole planRole(String github) {
        IamRole role = roles.role(PLAN_ID, names.role(Role.PLAN), "Assumed by GitHub Actions for pull requests to plan changes; read-only.",
                trust("plan_trust", GithubOidc.trust(github, List.of(GithubOidc.pullRequestSubject(settings)))));
        // AWS's read-only policy covers what refresh reads across every service the stacks use.
        roles.attach("plan_read_only", role, arns.awsManagedPolicy("ReadOnlyAccess"));
        inlinePolicy("plan", Role.PLAN, role, new StateAccess(settings, arns).plan());
        return role;
    }

    /**
     * Both GitHub roles that can touch this environment trust only jobs that run in the GitHub
     * environment of the same name: its required reviewers and branch rule then guard them. A
     * branch subject would let any workflow on the branch without that environment in.
     */
    private DataAwsIamPolicyDocumentStatement environmentJobs(String github) {
        return GithubOidc.trust(github, List.of(GithubOidc.environmentSubject(settings)));
    }

    /** The trust policy document {@code id}, holding {@code statement}; returns its JSON. */
    private String trust(String id, DataAwsIamPolicyDocumentStatement statement) {
        return PolicyBuilder.document(scope, id, List.of(statement)).getJson();
    }

    /**
     * The inline policy of {@code role}: construct ids {@code <id>_permissions} and
     * {@code <id>_policy}; none at all when no statement is on, since IAM refuses an empty policy.
     */
    private void inlinePolicy(String id, Role name, IamRole role, List<Statements.Item> statements) {
        Runnable make = () -> IamRolePolicy.Builder.create(scope, id + "_policy")
                .name(name.policyName())
                .role(role.getId())
                .policy(Statements.document(scope, id + "_permissions", statements).getJson())
                .build();
        Setting<Boolean> any = Statements.any(statements);
        // A policy that always has a statement is made without a count, also in a module.
        if (any.isLiteral() && any.literal()) {
            make.run();
        } else {
            shapes.optional(any, make);
        }
    }

    private void output(String id, IamRole role, boolean described) {
        TerraformOutput.Builder output = TerraformOutput.Builder.create(scope, id).value(role.getArn());
        if (described) {
            output.description(OUTPUTS.get(id));
        }
        output.build();
    }
}
