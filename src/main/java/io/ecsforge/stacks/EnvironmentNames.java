package io.ecsforge.stacks;

import io.ecsforge.config.DeploymentConfig;
import io.ecsforge.config.EnvironmentConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every physical name of one environment and where its state lives, each written once: the stacks
 * name their resources here, the release files and the release workflow name the same resources
 * through it, and the runner finds an environment's stacks by the same rule. Names that several
 * parts must agree on without a cross-stack reference (a policy in the access stack names the log
 * group the service stack creates) can then never drift apart.
 *
 * <p>Almost every name is {@code <app>-<env>} or {@code <app>-<env>-<suffix>}; load balancers and
 * target groups are shortened to ELB's 32 characters ({@link ElbNames}).
 */
public final class EnvironmentNames {
    /** The stacks of an environment, by the part after {@code <app>-<env>-} in their names. */
    public static final String STATE = "state";
    public static final String NETWORK = "network";
    public static final String REGISTRY = "registry";
    public static final String ACCESS = "access";
    public static final String CLUSTER = "cluster";
    public static final String SERVICE = "service";
    public static final String DELIVERY = "delivery";

    /** The target group production traffic goes to before the first release. */
    public static final String BLUE = "blue";
    /** The other target group; the two swap roles at every release. */
    public static final String GREEN = "green";
    /** The two target groups CodeDeploy swaps between, by their role. */
    public static final List<String> TARGET_GROUP_ROLES = List.of(BLUE, GREEN);

    /** The alarms that roll a release back, by what they watch; each target group has its own. */
    public enum ReleaseAlarm {
        HTTP_5XX("5xx"),
        UNHEALTHY_HOSTS("unhealthy-hosts"),
        P99_LATENCY("p99-latency");

        private final String suffix;

        ReleaseAlarm(String suffix) {
            this.suffix = suffix;
        }
    }

    /** The IAM roles of an environment, with the name of the inline policy each carries. */
    public enum Role {
        /** ECS pulls the image, reads secrets and writes logs with it. */
        EXECUTION("execution", "execution"),
        /** The application's code runs as it. */
        TASK("task", "task"),
        /** CodeDeploy shifts traffic with it. */
        CODEDEPLOY("codedeploy", "codedeploy"),
        /** GitHub Actions releases new versions with it. */
        RELEASE("github-release", "release"),
        /** GitHub Actions applies the stacks with it. */
        INFRA("github-infra", "infra"),
        /** GitHub Actions plans pull requests with it. */
        PLAN("github-plan", "plan"),
        /** The VPC flow logs service writes the flow log group with it. */
        FLOW_LOGS("vpc-flow-logs", "write-flow-logs");

        private final String suffix;
        private final String policy;

        Role(String suffix, String policy) {
            this.suffix = suffix;
            this.policy = policy;
        }

        /** The name of the role's inline policy, unique only among the role's own policies. */
        public String policyName() {
            return policy;
        }
    }

    private final String app;
    private final String environment;
    /** Null for names made from {@code app} and {@code environment} alone. */
    private final EnvironmentConfig config;

    private EnvironmentNames(String app, String environment, EnvironmentConfig config) {
        this.app = app;
        this.environment = environment;
        this.config = config;
    }

    public static EnvironmentNames of(EnvironmentConfig config) {
        return new EnvironmentNames(config.app(), config.environment(), config);
    }

    /**
     * The names made from {@code app} and {@code environment} alone, such as a module's, whose
     * are its variables ({@code ${var.app}}); the names that take more of the configuration (the
     * state bucket, the repository, the deployment's) cannot be asked of them.
     */
    public static EnvironmentNames of(String app, String environment) {
        return new EnvironmentNames(app, environment, null);
    }

    private EnvironmentConfig config() {
        if (config == null) {
            throw new IllegalStateException("the names of " + app + "-" + environment + " were made without a configuration");
        }
        return config;
    }

    /** {@code <app>-<env>}: the prefix of every stack and resource name of this environment. */
    public String prefix() {
        return app + "-" + environment;
    }

    /** {@code <app>-<env>-<suffix>}: a resource name unique in the account. */
    public String resource(String suffix) {
        return prefix() + "-" + suffix;
    }

    /** {@code <app>-<env>-*}: every resource name of this environment, as an IAM pattern. */
    public String anyResource() {
        return resource("*");
    }

    // Stacks and their state

    /** {@code <app>-<env>-<part>}, e.g. {@code webapp-dev-network}: a stack's name in cdktf.out and in messages. */
    public String stack(String part) {
        return stackPrefix() + part;
    }

    /** {@code <app>-<env>-}: what every stack name of this environment starts with. */
    public String stackPrefix() {
        return prefix() + "-";
    }

    /**
     * The {@link #stackPrefix} of the state stack named {@code stackName}, or empty when that is
     * not a state stack's name: how the runner, which reads cdktf.out without the configuration,
     * finds an environment's stacks.
     */
    public static Optional<String> stackPrefixOfStateStack(String stackName) {
        return stackName.endsWith("-" + STATE)
                ? Optional.of(stackName.substring(0, stackName.length() - STATE.length()))
                : Optional.empty();
    }

    /** {@code <app>/<env>/}: the keys of this environment's state objects. */
    public String statePrefix() {
        return app + "/" + environment + "/";
    }

    /** {@code <app>/<env>/<part>.tfstate}: a stack's object in the state bucket (or below the local state folder). */
    public String stateKey(String part) {
        return statePrefix() + part + ".tfstate";
    }

    /** The bucket every stack's state is kept in ({@code state.bucket}). */
    public String stateBucket() {
        return config().state().bucket();
    }

    /**
     * {@code alias/<app>-<env>-state}: the alias of the KMS key the state stack makes, which every
     * state object is encrypted with. Backends cannot refer to resources, so they name the key by
     * this alias, which is known before the key exists.
     */
    public String stateKmsAlias() {
        return "alias/" + resource(STATE);
    }

    /**
     * The backends' {@code kms_key_id}: the alias's ARN in the bucket's region when the
     * configuration names the account, so that state is never encrypted with a key of another
     * account; the alias name alone otherwise, which S3 resolves in the account of the
     * credentials, the account the state stack made the key in.
     */
    public String stateKmsKeyId() {
        return config().aws().accountId()
                .map(account -> new AwsArns(AwsArns.partitionOf(config().state().region()), config().state().region(), account)
                        .regional("kms", stateKmsAlias()))
                .orElse(stateKmsAlias());
    }

    /** The DynamoDB lock table ({@code state.dynamodbTable}), when there is one. */
    public Optional<String> lockTable() {
        return config().state().dynamodbTable();
    }

    // Network

    /** The names of the network's resources, made from this environment's prefix. */
    public NetworkNames network() {
        return new NetworkNames(prefix());
    }

    /** The Name tag of the VPC, its internet gateway and its flow log. */
    public String vpc() {
        return network().vpc();
    }

    /** The Name tag of the public or private subnet in zone {@code index}, and of that zone's private route table. */
    public String subnet(String tier, int index) {
        return network().subnet(tier, String.valueOf(index));
    }

    /** The Name tag of the public route table. */
    public String publicRouteTable() {
        return network().publicRouteTable();
    }

    /** The Name tag of the NAT gateway in zone {@code index} and of its address. */
    public String natGateway(int index) {
        return network().natGateway(String.valueOf(index));
    }

    /** The Name tag of the VPC endpoint of {@code service} ({@code s3}, {@code ecr.api}, ...). */
    public String vpcEndpoint(String service) {
        return network().vpcEndpoint(service);
    }

    public String vpcEndpointsSecurityGroup() {
        return network().vpcEndpointsSecurityGroup();
    }

    /** The log group VPC flow logs are written to, when {@code network.flowLogs} is on. */
    public String flowLogGroup() {
        return network().flowLogGroup();
    }

    /**
     * The network's names from a prefix alone: {@code <app>-<env>} in a stack, the module's
     * {@code name} variable in the network module, which knows no more of the environment.
     *
     * @param prefix what every name starts with
     */
    public record NetworkNames(String prefix) {
        private String resource(String suffix) {
            return prefix + "-" + suffix;
        }

        /** The Name tag of the VPC, its internet gateway and its flow log. */
        public String vpc() {
            return prefix;
        }

        /** The Name tag of the public or private subnet in zone {@code index}, and of that zone's private route table. */
        public String subnet(String tier, String index) {
            return resource(tier + "-" + index);
        }

        /** The Name tag of the public route table. */
        public String publicRouteTable() {
            return resource("public");
        }

        /** The Name tag of the NAT gateway in zone {@code index} and of its address. */
        public String natGateway(String index) {
            return resource("nat-" + index);
        }

        /** The Name tag of the VPC endpoint of {@code service} ({@code s3}, {@code ecr.api}, ...). */
        public String vpcEndpoint(String service) {
            return resource(service);
        }

        public String vpcEndpointsSecurityGroup() {
            return resource("vpc-endpoints");
        }

        /** The log group VPC flow logs are written to. */
        public String flowLogGroup() {
            return "/vpc/" + prefix + "/flow-logs";
        }

        /** The role the VPC Flow Logs service writes that group with. */
        public String flowLogsRole() {
            return resource(Role.FLOW_LOGS.suffix);
        }
    }

    // Registry, cluster and service

    /** The ECR repository ({@code registry.repositoryName}). */
    public String repository() {
        return config().registry().repositoryName();
    }

    /** The names of the cluster's and the service's resources, made from this environment's prefix. */
    public ServiceNames services() {
        return new ServiceNames(prefix());
    }

    public String cluster() {
        return services().cluster();
    }

    /** The log group of ECS Exec sessions, when the cluster allows them. */
    public String execLogGroup() {
        return services().execLogGroup();
    }

    public String service() {
        return services().service();
    }

    /** {@code service/<cluster>/<service>}: the service's id in Application Auto Scaling. */
    public String scalableService() {
        return "service/" + cluster() + "/" + service();
    }

    /** The target tracking policy on the service's CPU. */
    public String cpuScalingPolicy() {
        return services().cpuScalingPolicy();
    }

    /** The container log group. */
    public String serviceLogGroup() {
        return services().serviceLogGroup();
    }

    /** The log group of the web ACL ecsforge makes with {@code loadBalancer.waf: managed}. */
    public String webAclLogGroup() {
        return services().webAclLogGroup();
    }

    /** The task definition family: the service stack and every release register revisions of it. */
    public String taskDefinitionFamily() {
        return services().taskDefinitionFamily();
    }

    public String serviceSecurityGroup() {
        return services().serviceSecurityGroup();
    }

    /** The Application Load Balancer, within ELB's 32-character limit. */
    public String loadBalancer() {
        return services().loadBalancer();
    }

    public String loadBalancerSecurityGroup() {
        return services().loadBalancerSecurityGroup();
    }

    /** A target group of the service's load balancer; {@code role} is one of {@link #TARGET_GROUP_ROLES}. */
    public String targetGroup(String role) {
        return services().targetGroup(role);
    }

    // Delivery

    /** The names of the delivery's resources, made from this environment's prefix. */
    public DeliveryNames delivery() {
        return new DeliveryNames(prefix());
    }

    public String codeDeployApplication() {
        return delivery().codeDeployApplication();
    }

    public String deploymentGroup() {
        return delivery().deploymentGroup();
    }

    /**
     * The delivery stack's own deployment configuration, named after its settings
     * ({@code <app>-<env>-canary-10pct-5min}); empty for all-at-once, which uses AWS's.
     */
    public Optional<String> deploymentConfig() {
        DeploymentConfig deployment = config().deployment();
        if (deployment.strategy() == DeploymentConfig.Strategy.ALL_AT_ONCE) {
            return Optional.empty();
        }
        return Optional.of(delivery().deploymentConfig(deployment.strategy().yamlName(),
                String.valueOf(deployment.percent()), String.valueOf(deployment.intervalMinutes())));
    }

    /** The alarm of {@code kind} on the target group of {@code role}. */
    public String releaseAlarm(String role, ReleaseAlarm kind) {
        return delivery().releaseAlarm(role, kind);
    }

    /**
     * The alarms that watch one target group and roll a release back, in the delivery stack's
     * order: 5xx rate, unhealthy targets and, when configured, p99 latency.
     */
    public List<String> releaseAlarms(String role) {
        List<String> alarms = new ArrayList<>(List.of(
                releaseAlarm(role, ReleaseAlarm.HTTP_5XX), releaseAlarm(role, ReleaseAlarm.UNHEALTHY_HOSTS)));
        if (config().deployment().alarms().p99LatencySeconds().isPresent()) {
            alarms.add(releaseAlarm(role, ReleaseAlarm.P99_LATENCY));
        }
        return List.copyOf(alarms);
    }

    /**
     * The delivery's names from a prefix alone: {@code <app>-<env>} in a stack, made from the
     * module's {@code app} and {@code environment} variables in the blue-green module.
     *
     * @param prefix what every name starts with
     */
    public record DeliveryNames(String prefix) {
        private String resource(String suffix) {
            return prefix + "-" + suffix;
        }

        public String codeDeployApplication() {
            return prefix;
        }

        public String deploymentGroup() {
            return prefix;
        }

        /**
         * A deployment configuration of its own, named after its settings
         * ({@code <prefix>-canary-10pct-5min}), for a {@code strategy} of canary or linear.
         */
        public String deploymentConfig(String strategy, String percent, String intervalMinutes) {
            return resource(strategy + "-" + percent + "pct-" + intervalMinutes + "min");
        }

        /** The alarm of {@code kind} on the target group of {@code role}. */
        public String releaseAlarm(String role, ReleaseAlarm kind) {
            return resource(role + "-" + kind.suffix);
        }
    }

    // Access

    /** {@code <app>-<env>-<role>}, e.g. {@code webapp-dev-github-release}. */
    public String role(Role role) {
        return resource(role.suffix);
    }
}
