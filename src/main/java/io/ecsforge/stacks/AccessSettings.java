package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import io.ecsforge.stacks.InfraPermissions.Feature;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * What {@link IamAccess} is built from: the names of the environment, what GitHub may assume, what
 * the service's roles may read, where the state is, and which of the other stacks' resources
 * exist, which the infra role's permissions follow.
 *
 * @param app the {@code app} tag EC2 resources are scoped by
 * @param environment the {@code environment} tag, and the GitHub environment the release and infra jobs run in
 * @param names the names of the environment's resources, made from {@code app} and {@code environment}
 * @param githubRepository {@code owner/name} of the repository whose workflows may assume the GitHub roles
 * @param createOidcProvider whether the account's GitHub OIDC provider is made here rather than looked up
 * @param assumeRoleArn the admin role the infra role applies through; empty for none
 * @param assumesAdminRole whether there is one
 * @param parameterArns the SSM parameters of {@code service.secrets}, sorted, without repeats
 * @param secretArns the Secrets Manager secrets of {@code service.secrets}, without their JSON key and version, sorted
 * @param taskPolicy {@code service.taskPolicy}: the task role's statements
 * @param executeCommand whether ECS Exec is on, which the task role then needs
 * @param stateBucket the state bucket
 * @param stateRegion the state bucket's region, which the lock table is in too
 * @param dynamodbLock whether the state is locked in a DynamoDB table
 * @param lockTable the lock table; empty for none
 * @param repositoryName the ECR repository the infra role manages
 * @param loadBalancer the load balancer's name
 * @param blueTargetGroup the blue target group's name
 * @param greenTargetGroup the green target group's name
 * @param webAclArn the WAF web ACL the load balancer is associated with; empty for none
 * @param features which of the other stacks' optional resources exist
 * @param arns the partition, region and account of the roles' ARNs
 */
public record AccessSettings(Setting<String> app, Setting<String> environment, EnvironmentNames names,
        Setting<String> githubRepository, Setting<Boolean> createOidcProvider, Setting<String> assumeRoleArn,
        Setting<Boolean> assumesAdminRole, Setting<List<String>> parameterArns, Setting<List<String>> secretArns,
        Setting<List<PolicyStatement>> taskPolicy, Setting<Boolean> executeCommand, Setting<String> stateBucket,
        Setting<String> stateRegion, Setting<Boolean> dynamodbLock, Setting<String> lockTable,
        Setting<String> repositoryName, Setting<String> loadBalancer, Setting<String> blueTargetGroup,
        Setting<String> greenTargetGroup, Setting<String> webAclArn, Map<Feature, Setting<Boolean>> features,
        Supplier<AwsArns> arns) {

    public AccessSettings {
        features = Map.copyOf(features);
    }

    /** A stack's settings: the configuration's values, named by their keys. */
    static AccessSettings of(EnvironmentConfig config, Supplier<AwsArns> arns) {
        EnvironmentNames names = EnvironmentNames.of(config);
        // Secrets under AWS managed keys (aws/ssm, aws/secretsmanager) need no kms:Decrypt here:
        // those keys' policies allow any principal of the account through the service.
        TreeSet<String> parameters = new TreeSet<>();
        TreeSet<String> secrets = new TreeSet<>();
        for (String arn : config.service().secrets().values()) {
            if (arn.split(":", 4)[2].equals("ssm")) {
                parameters.add(arn);
            } else {
                secrets.add(AccessPolicies.secretArn(arn));
            }
        }
        Map<Feature, Setting<Boolean>> features = new EnumMap<>(Feature.class);
        for (Feature feature : Feature.values()) {
            features.put(feature, Setting.of(feature.test(config), feature.name()));
        }
        return new AccessSettings(
                Setting.of(config.app(), "app"),
                Setting.of(config.environment(), "environment"),
                names,
                Setting.of(config.github().repository(), "github.repository"),
                Setting.of(config.github().createOidcProvider(), "github.createOidcProvider"),
                Setting.of(config.aws().assumeRoleArn().orElse(""), "aws.assumeRoleArn"),
                Setting.of(config.aws().assumeRoleArn().isPresent(), "aws.assumeRoleArn"),
                Setting.of(List.copyOf(parameters), "service.secrets"),
                Setting.of(List.copyOf(secrets), "service.secrets"),
                Setting.of(config.service().taskPolicy(), "service.taskPolicy"),
                Setting.of(config.cluster().executeCommand(), "cluster.executeCommand"),
                Setting.of(config.state().bucket(), "state.bucket"),
                Setting.of(config.state().region(), "state.region"),
                Setting.of(config.state().lock().usesDynamodb(), "state.lock"),
                Setting.of(config.state().dynamodbTable().orElse(""), "state.dynamodbTable"),
                Setting.of(config.registry().repositoryName(), "registry.repositoryName"),
                Setting.of(names.loadBalancer(), "loadBalancer"),
                Setting.of(names.targetGroup(EnvironmentNames.BLUE), "blue"),
                Setting.of(names.targetGroup(EnvironmentNames.GREEN), "green"),
                Setting.of(config.loadBalancer().wafWebAclArn().orElse(""), "loadBalancer.wafWebAclArn"),
                features,
                arns);
    }

    /** Whether {@code feature}'s resources exist. */
    Setting<Boolean> feature(Feature feature) {
        return features.get(feature);
    }
}
