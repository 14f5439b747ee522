package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import software.constructs.Construct;

/** Every IAM role of the environment ({@link IamAccess}), with the configuration's values. */
public final class AccessStack extends PlatformStack {
    private static final String CALLER_ID = "caller";

    private final IamAccess access;

    /** @param repositoryArn the ECR repository of this environment, from the registry stack */
    public AccessStack(Construct scope, EnvironmentConfig config, String repositoryArn) {
        super(scope, config, EnvironmentNames.ACCESS);
        AwsArns arns = lookUpArns(CALLER_ID);
        access = new IamAccess(this, AccessSettings.of(config, () -> arns), Shapes.configured(), repositoryArn);
        access.outputs(false);
    }

    public String executionRoleArn() {
        return access.executionRoleArn();
    }

    public String taskRoleArn() {
        return access.taskRoleArn();
    }

    public String codeDeployRoleArn() {
        return access.codeDeployRoleArn();
    }

    public String releaseRoleArn() {
        return access.releaseRoleArn();
    }

    public String infraRoleArn() {
        return access.infraRoleArn();
    }

    public String planRoleArn() {
        return access.planRoleArn();
    }
}
