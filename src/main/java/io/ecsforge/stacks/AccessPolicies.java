package io.ecsforge.stacks;

import static io.ecsforge.stacks.PolicyBuilder.allow;

import com.hashicorp.cdktf.providers.aws.data_aws_iam_policy_document.DataAwsIamPolicyDocumentStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What each role of the access stack may do, as policy statements. Every statement names the
 * resources of this environment only; a {@code "*"} resource appears only where AWS offers
 * nothing narrower, with the reason beside it.
 */
final class AccessPolicies {
    static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
    static final String CODEDEPLOY = "codedeploy.amazonaws.com";

    private final AccessSettings settings;
    private final EnvironmentNames names;
    private final AwsArns arns;

    AccessPolicies(AccessSettings settings, AwsArns arns) {
        this.settings = settings;
        this.names = settings.names();
        this.arns = arns;
    }

    /** ECS tasks of this account may assume the role (confused deputy prevention). */
    DataAwsIamPolicyDocumentStatement ecsTasksTrust() {
        return PolicyBuilder.assumedBy("Service", ECS_TASKS)
                .sid("AssumedByEcsTasks")
                .when("StringEquals", "aws:SourceAccount", arns.account())
                .build();
    }

    /** CodeDeploy names the deployment group it acts for; only this environment's may use the role. */
    DataAwsIamPolicyDocumentStatement codeDeployTrust() {
        return PolicyBuilder.assumedBy("Service", CODEDEPLOY)
                .sid("AssumedByCodedeploy")
                .when("StringEquals", "aws:SourceAccount", arns.account())
                .when("ArnLike", "aws:SourceArn", deploymentGroup())
                .build();
    }

    /** Pull the image, write the logs and read the secrets; a statement for each kind of secret there is. */
    List<Statements.Item> execution(String repositoryArn) {
        List<Statements.Item> statements = new ArrayList<>();
        statements.add(Statements.allow("EcrAuthorizationToken", List.of("ecr:GetAuthorizationToken"), List.of("*")));
        statements.add(Statements.allow("PullImage", List.of("ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage",
                "ecr:GetDownloadUrlForLayer"), List.of(repositoryArn)));
        statements.add(Statements.allow("WriteLogs", List.of("logs:CreateLogStream", "logs:PutLogEvents"),
                List.of(logStreams(names.serviceLogGroup()))));
        // Secrets under AWS managed keys (aws/ssm, aws/secretsmanager) need no kms:Decrypt here:
        // those keys' policies allow any principal of the account through the service.
        statements.add(Statements.allow("ReadParameters", Statements.literal(List.of("ssm:GetParameters")), settings.parameterArns())
                .when(notEmpty(settings.parameterArns())));
        statements.add(Statements.allow("ReadSecrets", Statements.literal(List.of("secretsmanager:GetSecretValue")), settings.secretArns())
                .when(notEmpty(settings.secretArns())));
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

    /** {@code service.taskPolicy}'s statements, and what ECS Exec needs when it is on. */
    List<Statements.Item> task() {
        List<Statements.Item> statements = new ArrayList<>();
        statements.add(new Statements.Each(settings.taskPolicy(), "TaskPolicy"));
        // ECS Exec runs the SSM agent in the task under the task role. Its message channels
        // have no resource-level permissions, so "*" is the only resource AWS accepts.
        statements.add(Statements.allow("EcsExecChannels", List.of("ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"), List.of("*")).when(settings.executeCommand()));
        // The agent looks its log group up before writing the session log; listing groups
        // has no resource-level permission either.
        statements.add(Statements.allow("EcsExecLogGroups", List.of("logs:DescribeLogGroups"), List.of("*"))
                .when(settings.executeCommand()));
        statements.add(Statements.allow("EcsExecSessionLogs", List.of("logs:CreateLogStream", "logs:DescribeLogStreams",
                "logs:PutLogEvents"), List.of(logStreams(names.execLogGroup()))).when(settings.executeCommand()));
        return statements;
    }

    /**
     * Exactly what the generated release workflow calls (see {@code ReleaseStep}): log in to the
     * registry, push this repository's image, register the task definition, check the deployment
     * group, start a deployment and watch it. Nothing that changes infrastructure, no state.
     */
    List<DataAwsIamPolicyDocumentStatement> release(String repositoryArn, DataAwsIamPolicyDocumentStatement passTaskRoles) {
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
                List.of(arns.regional("ecs", "task-definition/" + names.taskDefinitionFamily() + ":*"))));
        statements.add(passTaskRoles);
        // A hotfix release reads which target group is live from the service's task sets.
        statements.add(allow("DescribeService", List.of("ecs:DescribeServices"), List.of(arns.regional("ecs", names.scalableService()))));
        // UpdateDeploymentGroup: CodeDeploy requires it of a deployment that overrides the group's
        // alarms, as a hotfix release does. It lets this role change this one deployment group,
        // which the next apply of the delivery stack puts back.
        statements.add(allow("DeployToDeploymentGroup", List.of("codedeploy:CreateDeployment", "codedeploy:GetDeployment",
                "codedeploy:GetDeploymentGroup", "codedeploy:UpdateDeploymentGroup"), List.of(deploymentGroup())));
        // CreateDeployment's dependent actions (Service Authorization Reference, AWS CodeDeploy): it
        // registers the AppSpec as a revision of the application and reads the group's configuration.
        statements.add(allow("RegisterRevision", List.of("codedeploy:GetApplicationRevision", "codedeploy:RegisterApplicationRevision"),
                List.of(arns.regional("codedeploy", "application:" + names.codeDeployApplication()))));
        statements.add(allow("ReadDeploymentConfigs", List.of("codedeploy:GetDeploymentConfig"), List.of(
                arns.regional("codedeploy", "deploymentconfig:CodeDeployDefault.ECS*"),
                arns.regional("codedeploy", "deploymentconfig:" + names.anyResource()))));
        return statements;
    }

    /**
     * What applying this environment's stacks takes. With {@code aws.assumeRoleArn}, Terraform's
     * provider and backend assume that role, and this role may do nothing else. Without one, this
     * role applies the stacks itself: this environment's state and the resources of its stacks.
     */
    List<Statements.Item> infra() {
        Setting<String> admin = settings.assumeRoleArn();
        List<Statements.Item> statements = new ArrayList<>();
        statements.add(Statements.allow("AssumeAdminRole", Statements.literal(List.of("sts:AssumeRole")), admin.isLiteral()
                        ? Statements.literal(List.of(admin.literal()))
                        : Setting.expression("[" + admin.expression() + "]", List.<String>of(), admin.label()))
                .when(settings.assumesAdminRole()));
        Setting<Boolean> applies = Statements.not(settings.assumesAdminRole());
        for (Statements.Entry entry : InfraPermissions.entries(settings, arns)) {
            statements.add(entry.when(applies));
        }
        return statements;
    }

    /** {@code roleArns} (the execution and task roles) may be passed, to ECS tasks only. */
    DataAwsIamPolicyDocumentStatement passTaskRoles(List<String> roleArns) {
        return allow("PassTaskRoles").actions("iam:PassRole").resources(roleArns)
                .when("StringEquals", "iam:PassedToService", ECS_TASKS)
                .build();
    }

    /** The ECR login token is account-wide: GetAuthorizationToken accepts only {@code "*"}. */
    private static DataAwsIamPolicyDocumentStatement ecrAuthorizationToken() {
        return allow("EcrAuthorizationToken", List.of("ecr:GetAuthorizationToken"), List.of("*"));
    }

    private static Setting<Boolean> notEmpty(Setting<List<String>> list) {
        return list.isLiteral() ? Setting.of(!list.literal().isEmpty(), list.label())
                : Setting.expression("length(" + list.expression() + ") > 0", false, list.label());
    }

    private String deploymentGroup() {
        return arns.regional("codedeploy", "deploymentgroup:" + names.codeDeployApplication() + "/" + names.deploymentGroup());
    }

    private String logStreams(String logGroup) {
        return arns.regional("logs", "log-group:" + logGroup + ":*");
    }
}
