package io.ecsforge.stacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.DeploymentConfig;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.LoadBalancerConfig;
import io.ecsforge.config.NetworkConfig.NatGateways;
import io.ecsforge.stacks.EnvironmentNames.Role;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The permissions of the role GitHub Actions' infra-apply job uses to apply an environment's
 * stacks (network, registry, access, cluster, service, delivery) when the environment has no
 * admin role to assume. The state stack is applied by {@code ecsforge bootstrap} with an
 * administrator; of it this role only reads and writes the environment's own state objects.
 *
 * <p>{@link #BY_TYPE} is the one declaration: every Terraform resource and data source type the
 * stacks make, with the actions the AWS provider (5.23) calls to create, read, update, delete
 * and tag it, each in the {@link Scope} that says which resources the action is allowed on. The
 * statements are built from it: one per scope, with the actions of every type in use.
 *
 * <p>The policy fits one inline policy ({@link #policyLength}); should it outgrow
 * {@link #INLINE_POLICY_BUDGET}, the statements split into customer-managed policies of 6,144
 * characters each, the network statements being the natural first part.
 *
 * <p>Resources are named wherever the ARN carries a name. EC2 resources are known by ids only,
 * so they are scoped by the provider's default tags {@code app} and {@code environment}
 * (see {@link PlatformStack}): {@code aws:RequestTag} where they are made, {@code aws:ResourceTag}
 * where they are changed. {@code "*"} remains for reads that have no resource-level permission.
 *
 * <p>Note that a role that may write the policies of {@code role/<prefix>-*} may also widen its
 * own, if it is one of them: no policy can stop that short of a permissions boundary.
 */
public final class InfraPermissions {
    /** IAM's limit on the inline policies of one role together, in characters without whitespace. */
    public static final int INLINE_POLICY_LIMIT = 10_240;
    /** What the worst example may use, leaving room for the limit's other inline policies and for growth. */
    public static final int INLINE_POLICY_BUDGET = 9_500;

    /** The default tags that mark a resource as this environment's (set by {@link PlatformStack}). */
    static final List<String> OWNER_TAGS = List.of("app", "environment");

    /** The AWS managed policies the access stack attaches to its roles; nothing else may be attached. */
    static final List<String> ATTACHABLE_MANAGED_POLICIES = List.of("AWSCodeDeployRoleForECSLimited", "ReadOnlyAccess");

    private static final String ECS_TASKS = "ecs-tasks.amazonaws.com";
    private static final String CODEDEPLOY = "codedeploy.amazonaws.com";
    private static final String FLOW_LOGS = "vpc-flow-logs.amazonaws.com";

    /** The service-linked roles AWS makes on first use of ECS, ELB and ECS service auto scaling. */
    static final List<String> SERVICE_LINKED_ROLE_SERVICES = List.of(
            "ecs.amazonaws.com", "elasticloadbalancing.amazonaws.com", "ecs.application-autoscaling.amazonaws.com");

    /**
     * Reads on {@code "*"} that are written as one prefix wildcard each: these services' Describe
     * calls have no resource-level permission, they only read metadata, and the provider's reads
     * of them grow between provider versions (one more attribute, one more Describe call).
     */
    static final List<String> READ_PREFIXES = List.of("ec2:Describe", "elasticloadbalancing:Describe", "application-autoscaling:Describe");

    /**
     * Scopes with named ARNs and no condition, written as one statement to stay within IAM's size
     * limit. Merging them allows nothing more: every ARN names its service, so an action can only
     * ever match the ARNs of its own service, which are the same either way.
     */
    static final Set<Scope> NAMED = Set.of(Scope.ROLES, Scope.GITHUB_OIDC_PROVIDER, Scope.LOG_GROUPS,
            Scope.REPOSITORY, Scope.ECS, Scope.LOAD_BALANCER, Scope.WEB_ACL, Scope.SCALABLE_TARGET, Scope.CODEDEPLOY, Scope.ALARMS);
    static final String NAMED_SID = "NamedResources";
    /** The verbs of the reads {@link #NAMED} scopes grant, which may be written as one prefix wildcard a service. */
    static final List<String> NAMED_READ_VERBS = List.of("Get", "List", "Describe");

    /**
     * What decides whether the stacks contain a type: a stack knows it from its configuration, a
     * module from its variables ({@link AccessSettings#features}).
     */
    public enum Feature implements Predicate<EnvironmentConfig> {
        ALWAYS(config -> true),
        NAT_GATEWAYS(config -> config.network().natGateways() != NatGateways.NONE),
        FLOW_LOGS(config -> config.network().flowLogs()),
        VPC_ENDPOINTS(config -> config.network().vpcEndpoints()),
        AUTOSCALING(config -> config.service().autoscaling().isPresent()),
        OIDC_PROVIDER_CREATED(config -> config.github().createOidcProvider()),
        OIDC_PROVIDER_LOOKED_UP(config -> !config.github().createOidcProvider()),
        /** The load balancer's association with a WAF web ACL: the team's ({@code loadBalancer.wafWebAclArn}) or ecsforge's. */
        WEB_ACL(config -> config.loadBalancer().webAcl()),
        /** The web ACL ecsforge makes, and its logging ({@code loadBalancer.waf: managed}). */
        MANAGED_WEB_ACL(config -> config.loadBalancer().waf() == LoadBalancerConfig.Waf.MANAGED),
        /** The delivery stack's own deployment configuration, made for every strategy but all-at-once. */
        DEPLOYMENT_CONFIG(config -> config.deployment().strategy() != DeploymentConfig.Strategy.ALL_AT_ONCE);

        private final Predicate<EnvironmentConfig> test;

        Feature(Predicate<EnvironmentConfig> test) {
            this.test = test;
        }

        @Override
        public boolean test(EnvironmentConfig config) {
            return test.test(config);
        }
    }

    /** A lifecycle step of a resource; documents why an action is there. */
    public enum Phase { CREATE, READ, UPDATE, DELETE, TAG }

    /**
     * Where an action is allowed: each scope is one statement, but those of {@link #NAMED}, which
     * share one. Sids are the names in UpperCamelCase.
     */
    public enum Scope {
        /** Reads with no resource-level permission in the Service Authorization Reference. */
        READ_ANYWHERE,
        STATE_LIST,
        STATE_OBJECTS,
        /** The KMS key state objects are encrypted with, by its alias. */
        STATE_KEY,
        STATE_LOCK_TABLE,
        /** EC2 resources the request creates: only with this environment's tags. */
        EC2_CREATE_TAGGED,
        /** Tags written by a create request of {@link #EC2_CREATE_TAGGED} (derived, never declared). */
        EC2_TAG_ON_CREATE,
        /** EC2 resources that already carry this environment's tags. */
        EC2_OWN_TAGGED,
        /** The VPC's default security group: made by AWS without tags, adopted by tagging it. */
        EC2_ADOPT_DEFAULT_SG,
        /** Private DNS of interface endpoints: AWS associates its own hosted zone with the VPC. */
        ENDPOINT_DNS,
        ROLES,
        MANAGED_POLICIES,
        PASS_TO_ECS_TASKS,
        PASS_TO_CODEDEPLOY,
        PASS_TO_FLOW_LOGS,
        SERVICE_LINKED_ROLES,
        GITHUB_OIDC_PROVIDER,
        LOG_GROUPS,
        REPOSITORY,
        ECS,
        LOAD_BALANCER,
        /** The team's web ACL by its ARN, or ecsforge's by its name; WAF's association calls also name the load balancer. */
        WEB_ACL,
        /**
         * CloudWatch Logs' delivery of the web ACL's logs, which WAF sets up with the caller's
         * permissions: these calls take no resource narrower than "*".
         */
        LOG_DELIVERY,
        SCALABLE_TARGET,
        CODEDEPLOY,
        ALARMS;

        String sid() {
            StringBuilder sid = new StringBuilder();
            for (String word : name().split("_")) {
                sid.append(word.charAt(0)).append(word.substring(1).toLowerCase());
            }
            return sid.toString();
        }
    }

    /** Actions needed in one phase, allowed in one scope. */
    public record Grant(Phase phase, Scope scope, List<String> actions) {
        public Grant {
            actions = List.copyOf(actions);
        }
    }

    /**
     * What one Terraform type needs.
     *
     * @param when whether the environment's stacks contain the type at all
     * @param grants empty for types the provider computes without calling AWS
     * @param reason why a type needs no grant; empty otherwise
     */
    public record Needs(Feature when, List<Grant> grants, String reason) {
        public Needs {
            grants = List.copyOf(grants);
        }
    }

    /** A condition of a statement, as cdktf's DataAwsIamPolicyDocumentStatementCondition has it. */
    public record Condition(String test, String variable, List<String> values) {
        public Condition {
            values = List.copyOf(values);
        }
    }

    /** An Allow statement; actions sorted and without repeats. */
    public record Statement(String sid, List<String> actions, List<String> resources, List<Condition> conditions) {
        public Statement {
            actions = List.copyOf(new TreeSet<>(actions));
            resources = List.copyOf(resources);
            conditions = List.copyOf(conditions);
        }
    }

    /** Types as they appear in cdk.tf.json: {@code aws_vpc}, {@code data.aws_partition}; plus the S3 backend. */
    public static final Map<String, Needs> BY_TYPE = declare();

    /** The terraform block's backend: not a type, but it reads and writes state like one. */
    public static final String S3_BACKEND = "terraform.backend.s3";

    private InfraPermissions() {}

    private static Map<String, Needs> declare() {
        Map<String, Needs> types = new LinkedHashMap<>();
        Feature always = Feature.ALWAYS;
        Feature nat = Feature.NAT_GATEWAYS;
        Feature flowLogs = Feature.FLOW_LOGS;
        Feature endpoints = Feature.VPC_ENDPOINTS;
        Feature autoscaling = Feature.AUTOSCALING;

        // State: the backend of every stack, and the outputs of the stacks a stack reads.
        types.put(S3_BACKEND, needs(always,
                grant(Phase.READ, Scope.STATE_LIST, "s3:ListBucket"),
                grant(Phase.UPDATE, Scope.STATE_OBJECTS, "s3:GetObject", "s3:PutObject", "s3:DeleteObject"),
                // The backend names the state key: S3 encrypts and decrypts with it for the caller.
                grant(Phase.UPDATE, Scope.STATE_KEY, "kms:Decrypt", "kms:Encrypt", "kms:GenerateDataKey"),
                grant(Phase.UPDATE, Scope.STATE_LOCK_TABLE, "dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:DeleteItem")));
        types.put("data.terraform_remote_state", needs(always,
                grant(Phase.READ, Scope.STATE_OBJECTS, "s3:GetObject"),
                grant(Phase.READ, Scope.STATE_KEY, "kms:Decrypt")));
        // The state key's ARN, for a log group under it: listing aliases has no resource type, the
        // key is the state key. Always, as the modules' caller looks the key up in its own root,
        // which the access module cannot tell, and so that choosing the state key changes no role.
        types.put("data.aws_kms_alias", needs(always,
                grant(Phase.READ, Scope.READ_ANYWHERE, "kms:ListAliases"),
                grant(Phase.READ, Scope.STATE_KEY, "kms:DescribeKey")));
        types.put("data.aws_iam_policy_document", none("rendered by the provider itself"));
        types.put("data.aws_partition", none("known to the provider from the region"));
        types.put("data.aws_caller_identity", none("sts:GetCallerIdentity needs no permission"));
        types.put("data.aws_availability_zones", needs(always, grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeAvailabilityZones")));

        // Network.
        types.put("aws_vpc", needs(always,
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:CreateVpc"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute", "ec2:DescribeNetworkAcls",
                        "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups"),
                grant(Phase.UPDATE, Scope.EC2_OWN_TAGGED, "ec2:ModifyVpcAttribute"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DeleteVpc"),
                ec2Tags()));
        types.put("aws_default_security_group", needs(always,
                grant(Phase.CREATE, Scope.EC2_ADOPT_DEFAULT_SG, "ec2:CreateTags"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeSecurityGroups"),
                grant(Phase.UPDATE, Scope.EC2_OWN_TAGGED, "ec2:RevokeSecurityGroupIngress", "ec2:RevokeSecurityGroupEgress",
                        "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress"),
                ec2Tags()));
        types.put("aws_internet_gateway", needs(always,
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:CreateInternetGateway"),
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:AttachInternetGateway"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeInternetGateways"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DetachInternetGateway", "ec2:DeleteInternetGateway"),
                ec2Tags()));
        types.put("aws_subnet", needs(always,
                // The new subnet carries the request's tags, the VPC it goes into its own.
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:CreateSubnet"),
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:CreateSubnet"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeSubnets"),
                grant(Phase.UPDATE, Scope.EC2_OWN_TAGGED, "ec2:ModifySubnetAttribute"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DeleteSubnet"),
                ec2Tags()));
        types.put("aws_eip", needs(nat,
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:AllocateAddress"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeAddresses"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DisassociateAddress", "ec2:ReleaseAddress"),
                ec2Tags()));
        types.put("aws_nat_gateway", needs(nat,
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:CreateNatGateway"),
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:CreateNatGateway"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeNatGateways"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DeleteNatGateway"),
                ec2Tags()));
        types.put("aws_route_table", needs(always,
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:CreateRouteTable"),
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:CreateRouteTable"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeRouteTables"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DeleteRouteTable"),
                ec2Tags()));
        types.put("aws_route", needs(always,
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:CreateRoute"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeRouteTables"),
                grant(Phase.UPDATE, Scope.EC2_OWN_TAGGED, "ec2:ReplaceRoute"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DeleteRoute")));
        types.put("aws_route_table_association", needs(always,
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:AssociateRouteTable"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeRouteTables"),
                grant(Phase.UPDATE, Scope.EC2_OWN_TAGGED, "ec2:ReplaceRouteTableAssociation"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DisassociateRouteTable")));
        types.put("aws_flow_log", needs(flowLogs,
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:CreateFlowLogs"),
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:CreateFlowLogs"),
                grant(Phase.CREATE, Scope.PASS_TO_FLOW_LOGS, "iam:PassRole"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeFlowLogs"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DeleteFlowLogs"),
                ec2Tags()));
        types.put("aws_security_group", needs(always,
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:CreateSecurityGroup"),
                // Into a VPC of ours; then the provider revokes AWS's default egress rule.
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:CreateSecurityGroup", "ec2:RevokeSecurityGroupEgress"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeSecurityGroups", "ec2:DescribeNetworkInterfaces"),
                grant(Phase.UPDATE, Scope.EC2_OWN_TAGGED, "ec2:AuthorizeSecurityGroupIngress", "ec2:AuthorizeSecurityGroupEgress",
                        "ec2:RevokeSecurityGroupIngress", "ec2:UpdateSecurityGroupRuleDescriptionsIngress",
                        "ec2:UpdateSecurityGroupRuleDescriptionsEgress"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DeleteSecurityGroup"),
                ec2Tags()));
        for (String direction : List.of("Ingress", "Egress")) {
            types.put("aws_vpc_security_group_" + direction.toLowerCase() + "_rule", needs(always,
                    // The rule is new and tagged; the group it joins is ours.
                    grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:AuthorizeSecurityGroup" + direction),
                    grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:AuthorizeSecurityGroup" + direction),
                    grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeSecurityGroupRules"),
                    grant(Phase.UPDATE, Scope.EC2_OWN_TAGGED, "ec2:ModifySecurityGroupRules"),
                    grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:RevokeSecurityGroup" + direction),
                    ec2Tags()));
        }
        types.put("aws_vpc_endpoint", needs(endpoints,
                grant(Phase.CREATE, Scope.EC2_CREATE_TAGGED, "ec2:CreateVpcEndpoint"),
                // The VPC, subnets, route tables and security group it attaches to are ours.
                grant(Phase.CREATE, Scope.EC2_OWN_TAGGED, "ec2:CreateVpcEndpoint"),
                grant(Phase.CREATE, Scope.ENDPOINT_DNS, "route53:AssociateVPCWithHostedZone"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ec2:DescribeVpcEndpoints", "ec2:DescribePrefixLists",
                        "ec2:DescribeVpcEndpointServices"),
                grant(Phase.UPDATE, Scope.EC2_OWN_TAGGED, "ec2:ModifyVpcEndpoint"),
                grant(Phase.DELETE, Scope.EC2_OWN_TAGGED, "ec2:DeleteVpcEndpoints"),
                ec2Tags()));

        // Logs: the service's, ECS Exec's and the flow logs' groups. The provider reads tags with
        // the log-group API and writes them with the ARN-based one on create; both are listed.
        types.put("aws_cloudwatch_log_group", needs(always,
                grant(Phase.CREATE, Scope.LOG_GROUPS, "logs:CreateLogGroup", "logs:PutRetentionPolicy"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "logs:DescribeLogGroups"),
                grant(Phase.READ, Scope.LOG_GROUPS, "logs:ListTagsLogGroup", "logs:ListTagsForResource"),
                grant(Phase.UPDATE, Scope.LOG_GROUPS, "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy"),
                // A group's key (service.logKmsKey, network.flowLogKmsKey) changes in place.
                grant(Phase.UPDATE, Scope.LOG_GROUPS, "logs:AssociateKmsKey", "logs:DisassociateKmsKey"),
                grant(Phase.DELETE, Scope.LOG_GROUPS, "logs:DeleteLogGroup"),
                grant(Phase.TAG, Scope.LOG_GROUPS, "logs:TagLogGroup", "logs:UntagLogGroup", "logs:TagResource", "logs:UntagResource")));

        // IAM.
        types.put("aws_iam_role", needs(always,
                grant(Phase.CREATE, Scope.ROLES, "iam:CreateRole"),
                grant(Phase.READ, Scope.ROLES, "iam:GetRole", "iam:ListRolePolicies", "iam:ListAttachedRolePolicies"),
                grant(Phase.UPDATE, Scope.ROLES, "iam:UpdateRole", "iam:UpdateRoleDescription", "iam:UpdateAssumeRolePolicy"),
                grant(Phase.DELETE, Scope.ROLES, "iam:ListInstanceProfilesForRole", "iam:DeleteRole"),
                grant(Phase.TAG, Scope.ROLES, "iam:TagRole", "iam:UntagRole")));
        types.put("aws_iam_role_policy", needs(always,
                grant(Phase.CREATE, Scope.ROLES, "iam:PutRolePolicy"),
                grant(Phase.READ, Scope.ROLES, "iam:GetRolePolicy"),
                grant(Phase.DELETE, Scope.ROLES, "iam:DeleteRolePolicy")));
        types.put("aws_iam_role_policy_attachment", needs(always,
                grant(Phase.CREATE, Scope.MANAGED_POLICIES, "iam:AttachRolePolicy"),
                grant(Phase.READ, Scope.ROLES, "iam:ListAttachedRolePolicies"),
                grant(Phase.DELETE, Scope.MANAGED_POLICIES, "iam:DetachRolePolicy")));
        types.put("aws_iam_openid_connect_provider", needs(Feature.OIDC_PROVIDER_CREATED,
                grant(Phase.CREATE, Scope.GITHUB_OIDC_PROVIDER, "iam:CreateOpenIDConnectProvider"),
                grant(Phase.READ, Scope.GITHUB_OIDC_PROVIDER, "iam:GetOpenIDConnectProvider"),
                grant(Phase.UPDATE, Scope.GITHUB_OIDC_PROVIDER, "iam:UpdateOpenIDConnectProviderThumbprint",
                        "iam:AddClientIDToOpenIDConnectProvider", "iam:RemoveClientIDFromOpenIDConnectProvider"),
                grant(Phase.DELETE, Scope.GITHUB_OIDC_PROVIDER, "iam:DeleteOpenIDConnectProvider"),
                grant(Phase.TAG, Scope.GITHUB_OIDC_PROVIDER, "iam:TagOpenIDConnectProvider", "iam:UntagOpenIDConnectProvider")));
        types.put("data.aws_iam_openid_connect_provider", needs(Feature.OIDC_PROVIDER_LOOKED_UP,
                // Looked up by URL: the provider lists the account's providers to find it.
                grant(Phase.READ, Scope.READ_ANYWHERE, "iam:ListOpenIDConnectProviders"),
                grant(Phase.READ, Scope.GITHUB_OIDC_PROVIDER, "iam:GetOpenIDConnectProvider")));

        // Registry. The repository is encrypted with the AWS managed key aws/ecr, whose key policy
        // lets the account's principals use it through ECR: no kms: permission is needed.
        types.put("aws_ecr_repository", needs(always,
                grant(Phase.CREATE, Scope.REPOSITORY, "ecr:CreateRepository"),
                grant(Phase.READ, Scope.REPOSITORY, "ecr:DescribeRepositories", "ecr:ListTagsForResource"),
                grant(Phase.UPDATE, Scope.REPOSITORY, "ecr:PutImageTagMutability", "ecr:PutImageScanningConfiguration"),
                grant(Phase.DELETE, Scope.REPOSITORY, "ecr:DeleteRepository"),
                grant(Phase.TAG, Scope.REPOSITORY, "ecr:TagResource", "ecr:UntagResource")));
        types.put("aws_ecr_lifecycle_policy", needs(always,
                grant(Phase.CREATE, Scope.REPOSITORY, "ecr:PutLifecyclePolicy"),
                grant(Phase.READ, Scope.REPOSITORY, "ecr:GetLifecyclePolicy"),
                grant(Phase.DELETE, Scope.REPOSITORY, "ecr:DeleteLifecyclePolicy")));

        // Cluster and service. ECS makes its service-linked role with the first cluster.
        types.put("aws_ecs_cluster", needs(always,
                grant(Phase.CREATE, Scope.ECS, "ecs:CreateCluster"),
                grant(Phase.CREATE, Scope.SERVICE_LINKED_ROLES, "iam:CreateServiceLinkedRole"),
                grant(Phase.READ, Scope.ECS, "ecs:DescribeClusters", "ecs:ListTagsForResource"),
                grant(Phase.UPDATE, Scope.ECS, "ecs:UpdateCluster", "ecs:UpdateClusterSettings"),
                grant(Phase.DELETE, Scope.ECS, "ecs:DeleteCluster"),
                grant(Phase.TAG, Scope.ECS, "ecs:TagResource", "ecs:UntagResource")));
        types.put("aws_ecs_cluster_capacity_providers", needs(always,
                grant(Phase.CREATE, Scope.ECS, "ecs:PutClusterCapacityProviders"),
                grant(Phase.READ, Scope.ECS, "ecs:DescribeClusters")));
        types.put("aws_ecs_task_definition", needs(always,
                // skip_destroy: a replaced revision stays registered, so nothing is deregistered.
                // Scoped to this environment's family: RegisterTaskDefinition takes the task-definition
                // resource type (Service Authorization Reference, Amazon ECS).
                grant(Phase.CREATE, Scope.ECS, "ecs:RegisterTaskDefinition"),
                grant(Phase.CREATE, Scope.PASS_TO_ECS_TASKS, "iam:PassRole"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "ecs:DescribeTaskDefinition"),
                grant(Phase.TAG, Scope.ECS, "ecs:TagResource", "ecs:UntagResource", "ecs:ListTagsForResource")));
        types.put("aws_ecs_service", needs(always,
                grant(Phase.CREATE, Scope.ECS, "ecs:CreateService"),
                grant(Phase.READ, Scope.ECS, "ecs:DescribeServices"),
                grant(Phase.UPDATE, Scope.ECS, "ecs:UpdateService"),
                grant(Phase.DELETE, Scope.ECS, "ecs:DeleteService"),
                grant(Phase.TAG, Scope.ECS, "ecs:TagResource", "ecs:UntagResource")));
        types.put("aws_lb", needs(always,
                grant(Phase.CREATE, Scope.LOAD_BALANCER, "elasticloadbalancing:CreateLoadBalancer"),
                grant(Phase.CREATE, Scope.SERVICE_LINKED_ROLES, "iam:CreateServiceLinkedRole"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "elasticloadbalancing:DescribeLoadBalancers",
                        "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeTags"),
                grant(Phase.UPDATE, Scope.LOAD_BALANCER, "elasticloadbalancing:ModifyLoadBalancerAttributes",
                        "elasticloadbalancing:SetSecurityGroups", "elasticloadbalancing:SetSubnets"),
                grant(Phase.DELETE, Scope.LOAD_BALANCER, "elasticloadbalancing:DeleteLoadBalancer"),
                elbTags()));
        types.put("aws_lb_target_group", needs(always,
                grant(Phase.CREATE, Scope.LOAD_BALANCER, "elasticloadbalancing:CreateTargetGroup"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "elasticloadbalancing:DescribeTargetGroups",
                        "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTags"),
                grant(Phase.UPDATE, Scope.LOAD_BALANCER, "elasticloadbalancing:ModifyTargetGroup",
                        "elasticloadbalancing:ModifyTargetGroupAttributes"),
                grant(Phase.DELETE, Scope.LOAD_BALANCER, "elasticloadbalancing:DeleteTargetGroup"),
                elbTags()));
        types.put("aws_lb_listener", needs(always,
                grant(Phase.CREATE, Scope.LOAD_BALANCER, "elasticloadbalancing:CreateListener"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "elasticloadbalancing:DescribeListeners", "elasticloadbalancing:DescribeTags"),
                grant(Phase.UPDATE, Scope.LOAD_BALANCER, "elasticloadbalancing:ModifyListener"),
                grant(Phase.DELETE, Scope.LOAD_BALANCER, "elasticloadbalancing:DeleteListener"),
                elbTags()));
        // WAF's association calls are allowed on the web ACL and on the load balancer (named in
        // LOAD_BALANCER, which shares the named statement); ELB checks SetWebACL on the load balancer.
        types.put("aws_wafv2_web_acl_association", needs(Feature.WEB_ACL,
                grant(Phase.CREATE, Scope.WEB_ACL, "wafv2:AssociateWebACL", "wafv2:GetWebACL"),
                grant(Phase.CREATE, Scope.LOAD_BALANCER, "elasticloadbalancing:SetWebACL"),
                grant(Phase.READ, Scope.WEB_ACL, "wafv2:GetWebACLForResource"),
                grant(Phase.DELETE, Scope.WEB_ACL, "wafv2:DisassociateWebACL")));
        Feature managedWebAcl = Feature.MANAGED_WEB_ACL;
        types.put("aws_wafv2_web_acl", needs(managedWebAcl,
                grant(Phase.CREATE, Scope.WEB_ACL, "wafv2:CreateWebACL"),
                grant(Phase.READ, Scope.WEB_ACL, "wafv2:GetWebACL", "wafv2:ListTagsForResource"),
                grant(Phase.UPDATE, Scope.WEB_ACL, "wafv2:UpdateWebACL"),
                grant(Phase.DELETE, Scope.WEB_ACL, "wafv2:DeleteWebACL"),
                grant(Phase.TAG, Scope.WEB_ACL, "wafv2:TagResource", "wafv2:UntagResource")));
        // Putting a logging configuration to CloudWatch Logs makes WAF create the log delivery and
        // the log group's resource policy as the caller (WAF developer guide, "Permissions to
        // publish logs to Amazon CloudWatch Logs").
        types.put("aws_wafv2_web_acl_logging_configuration", needs(managedWebAcl,
                grant(Phase.CREATE, Scope.WEB_ACL, "wafv2:PutLoggingConfiguration"),
                grant(Phase.CREATE, Scope.LOG_DELIVERY, "logs:CreateLogDelivery", "logs:PutResourcePolicy"),
                // Reads with no resource-level permission; logs:DescribeLogGroups is granted with the log groups.
                grant(Phase.CREATE, Scope.READ_ANYWHERE, "logs:DescribeResourcePolicies"),
                grant(Phase.READ, Scope.WEB_ACL, "wafv2:GetLoggingConfiguration"),
                grant(Phase.UPDATE, Scope.WEB_ACL, "wafv2:PutLoggingConfiguration"),
                grant(Phase.DELETE, Scope.WEB_ACL, "wafv2:DeleteLoggingConfiguration"),
                grant(Phase.DELETE, Scope.LOG_DELIVERY, "logs:DeleteLogDelivery")));
        // Registering an ECS service needs the caller to describe and update it, and target
        // tracking makes CloudWatch alarms with the caller's permissions (Application Auto Scaling
        // user guide, "Permissions required for API actions on target services and CloudWatch").
        types.put("aws_appautoscaling_target", needs(autoscaling,
                grant(Phase.CREATE, Scope.SCALABLE_TARGET, "application-autoscaling:RegisterScalableTarget"),
                grant(Phase.CREATE, Scope.ECS, "ecs:DescribeServices", "ecs:UpdateService"),
                grant(Phase.CREATE, Scope.SERVICE_LINKED_ROLES, "iam:CreateServiceLinkedRole"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "application-autoscaling:DescribeScalableTargets"),
                grant(Phase.READ, Scope.SCALABLE_TARGET, "application-autoscaling:ListTagsForResource"),
                grant(Phase.DELETE, Scope.SCALABLE_TARGET, "application-autoscaling:DeregisterScalableTarget"),
                grant(Phase.TAG, Scope.SCALABLE_TARGET, "application-autoscaling:TagResource", "application-autoscaling:UntagResource")));
        types.put("aws_appautoscaling_policy", needs(autoscaling,
                grant(Phase.CREATE, Scope.SCALABLE_TARGET, "application-autoscaling:PutScalingPolicy"),
                grant(Phase.CREATE, Scope.ALARMS, "cloudwatch:PutMetricAlarm"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "application-autoscaling:DescribeScalingPolicies", "cloudwatch:DescribeAlarms"),
                grant(Phase.DELETE, Scope.SCALABLE_TARGET, "application-autoscaling:DeleteScalingPolicy"),
                grant(Phase.DELETE, Scope.ALARMS, "cloudwatch:DeleteAlarms")));

        // Delivery.
        types.put("aws_codedeploy_app", needs(always,
                grant(Phase.CREATE, Scope.CODEDEPLOY, "codedeploy:CreateApplication"),
                grant(Phase.READ, Scope.CODEDEPLOY, "codedeploy:GetApplication", "codedeploy:ListTagsForResource"),
                grant(Phase.UPDATE, Scope.CODEDEPLOY, "codedeploy:UpdateApplication"),
                grant(Phase.DELETE, Scope.CODEDEPLOY, "codedeploy:DeleteApplication"),
                codedeployTags()));
        types.put("aws_codedeploy_deployment_config", needs(Feature.DEPLOYMENT_CONFIG,
                grant(Phase.CREATE, Scope.CODEDEPLOY, "codedeploy:CreateDeploymentConfig"),
                grant(Phase.READ, Scope.CODEDEPLOY, "codedeploy:GetDeploymentConfig"),
                grant(Phase.DELETE, Scope.CODEDEPLOY, "codedeploy:DeleteDeploymentConfig")));
        types.put("aws_codedeploy_deployment_group", needs(always,
                grant(Phase.CREATE, Scope.CODEDEPLOY, "codedeploy:CreateDeploymentGroup", "codedeploy:GetDeploymentConfig"),
                grant(Phase.CREATE, Scope.PASS_TO_CODEDEPLOY, "iam:PassRole"),
                grant(Phase.READ, Scope.CODEDEPLOY, "codedeploy:GetDeploymentGroup", "codedeploy:ListTagsForResource"),
                grant(Phase.UPDATE, Scope.CODEDEPLOY, "codedeploy:UpdateDeploymentGroup"),
                grant(Phase.DELETE, Scope.CODEDEPLOY, "codedeploy:DeleteDeploymentGroup"),
                codedeployTags()));
        types.put("aws_cloudwatch_metric_alarm", needs(always,
                grant(Phase.CREATE, Scope.ALARMS, "cloudwatch:PutMetricAlarm"),
                grant(Phase.READ, Scope.READ_ANYWHERE, "cloudwatch:DescribeAlarms"),
                grant(Phase.READ, Scope.ALARMS, "cloudwatch:ListTagsForResource"),
                grant(Phase.DELETE, Scope.ALARMS, "cloudwatch:DeleteAlarms"),
                grant(Phase.TAG, Scope.ALARMS, "cloudwatch:TagResource", "cloudwatch:UntagResource")));
        return Map.copyOf(types);
    }

    /** Default tags change on resources that carry them; a new resource's tags go with its create request. */
    private static Grant ec2Tags() {
        return grant(Phase.TAG, Scope.EC2_OWN_TAGGED, "ec2:CreateTags", "ec2:DeleteTags");
    }

    /** ELB asks for AddTags on create too when the request carries tags. */
    private static Grant elbTags() {
        return grant(Phase.TAG, Scope.LOAD_BALANCER, "elasticloadbalancing:AddTags", "elasticloadbalancing:RemoveTags");
    }

    private static Grant codedeployTags() {
        return grant(Phase.TAG, Scope.CODEDEPLOY, "codedeploy:TagResource", "codedeploy:UntagResource");
    }

    private static Grant grant(Phase phase, Scope scope, String... actions) {
        return new Grant(phase, scope, List.of(actions));
    }

    private static Needs needs(Feature when, Grant... grants) {
        return new Needs(when, List.of(grants), "");
    }

    private static Needs none(String reason) {
        return new Needs(Feature.ALWAYS, List.of(), reason);
    }

    /**
     * The statements for {@code config}'s stacks, in {@link Scope} order.
     *
     * @param partition the AWS partition, usually a Terraform reference
     * @param account the account id, usually a Terraform reference
     */
    public static List<Statement> statements(EnvironmentConfig config, String partition, String account) {
        AccessSettings settings = AccessSettings.of(config, () -> new AwsArns(partition, config.aws().region(), account));
        List<Statement> statements = new ArrayList<>();
        for (Statements.Entry entry : entries(settings, settings.arns().get())) {
            if (entry.on().literal()) {
                statements.add(new Statement(entry.sid(), entry.actions().literal(), entry.resources().literal(),
                        entry.conditions().stream()
                                .map(condition -> new Condition(condition.test(), condition.variable(), condition.values().literal()))
                                .toList()));
            }
        }
        return List.copyOf(statements);
    }

    /**
     * The statements for the stacks {@code settings} describe, in {@link Scope} order, each on
     * where its scope has actions: a stack's are values, a module's are expressions of its
     * variables where a {@link Feature} decides.
     */
    static List<Statements.Entry> entries(AccessSettings settings, AwsArns aws) {
        Map<Scope, Map<Feature, TreeSet<String>>> actions = new EnumMap<>(Scope.class);
        for (Needs needs : BY_TYPE.values()) {
            for (Grant grant : needs.grants()) {
                actions.computeIfAbsent(grant.scope(), scope -> new EnumMap<>(Feature.class))
                        .computeIfAbsent(needs.when(), feature -> new TreeSet<>()).addAll(grant.actions());
            }
        }
        actions.computeIfPresent(Scope.READ_ANYWHERE, (scope, byFeature) -> {
            byFeature.replaceAll((feature, reads) -> collapseReads(reads));
            return byFeature;
        });
        for (Scope scope : NAMED) {
            actions.computeIfPresent(scope, (named, byFeature) -> {
                byFeature.replaceAll((feature, granted) -> collapseNamedReads(granted));
                return byFeature;
            });
        }
        Map<Feature, TreeSet<String>> created = actions.get(Scope.EC2_CREATE_TAGGED);
        Map<Feature, TreeSet<String>> verbs = new EnumMap<>(Feature.class);
        created.forEach((feature, createActions) -> verbs.put(feature, new TreeSet<>(createVerbs(createActions))));
        actions.put(Scope.EC2_TAG_ON_CREATE, Map.of(Feature.ALWAYS, new TreeSet<>(Set.of("ec2:CreateTags"))));

        Arns arns = new Arns(settings, aws);
        List<Statements.Entry> statements = new ArrayList<>();
        List<Statements.Part> namedActions = new ArrayList<>();
        List<Statements.Part> namedResources = new ArrayList<>();
        actions.forEach((scope, byFeature) -> {
            Setting<Boolean> present = scope == Scope.EC2_TAG_ON_CREATE ? anyOf(settings, created) : anyOf(settings, byFeature);
            Setting<Boolean> on = scope == Scope.STATE_LOCK_TABLE ? Statements.and(present, settings.dynamodbLock()) : present;
            if (NAMED.contains(scope)) {
                byFeature.forEach((feature, scoped) -> namedActions.add(new Statements.Part(settings.feature(feature), List.copyOf(scoped))));
                namedResources.addAll(arns.resources(scope).stream().map(part -> new Statements.Part(Statements.and(on, part.when()),
                        part.values())).toList());
            } else {
                Statements.Entry entry = Statements.allow(scope.sid(), union(settings, byFeature),
                        Statements.concat(arns.resources(scope))).when(on);
                for (Statements.Condition condition : arns.conditions(scope, union(settings, verbs))) {
                    entry = entry.condition(condition.test(), condition.variable(), condition.values());
                }
                statements.add(entry);
            }
        });
        statements.add(Statements.allow(NAMED_SID, Statements.sortedUnion(namedActions), Statements.concat(namedResources)));
        return List.copyOf(statements);
    }

    /** Whether any of the features the actions are grouped by is on. */
    private static Setting<Boolean> anyOf(AccessSettings settings, Map<Feature, TreeSet<String>> byFeature) {
        return Statements.or(byFeature.keySet().stream().map(settings::feature).toList());
    }

    /** The actions of the features that are on, sorted and without repeats. */
    private static Setting<List<String>> union(AccessSettings settings, Map<Feature, TreeSet<String>> byFeature) {
        List<Statements.Part> parts = new ArrayList<>();
        byFeature.forEach((feature, scoped) -> parts.add(new Statements.Part(settings.feature(feature), List.copyOf(scoped))));
        return Statements.sortedUnion(parts);
    }

    /** The reads of {@link #READ_PREFIXES} as {@code <prefix>*}, the others as they are. */
    private static TreeSet<String> collapseReads(TreeSet<String> reads) {
        TreeSet<String> collapsed = new TreeSet<>();
        for (String action : reads) {
            collapsed.add(READ_PREFIXES.stream().filter(action::startsWith).findFirst().map(prefix -> prefix + "*").orElse(action));
        }
        return collapsed;
    }

    /**
     * A service's reads of one verb ({@code Get}, {@code List}, {@code Describe}) on named
     * resources as one prefix wildcard: on the same ARNs they only read more metadata, the
     * provider's reads grow between its versions, and the statement stays within
     * {@link #INLINE_POLICY_BUDGET}.
     */
    private static TreeSet<String> collapseNamedReads(TreeSet<String> granted) {
        TreeSet<String> collapsed = new TreeSet<>();
        for (String action : granted) {
            String prefix = readPrefix(action);
            collapsed.add(prefix != null ? prefix + "*" : action);
        }
        return collapsed;
    }

    /** {@code ecs:Describe} for {@code ecs:DescribeServices}; null for an action that does not read. */
    private static String readPrefix(String action) {
        String name = action.substring(action.indexOf(':') + 1);
        return NAMED_READ_VERBS.stream().filter(name::startsWith).findFirst()
                .map(verb -> action.substring(0, action.indexOf(':') + 1) + verb).orElse(null);
    }

    /** {@code Create*} for CreateVpc, CreateSubnet…: the verbs of the create actions, as ec2:CreateAction patterns. */
    private static List<String> createVerbs(TreeSet<String> created) {
        TreeSet<String> verbs = new TreeSet<>();
        for (String action : created) {
            String name = action.substring(action.indexOf(':') + 1);
            int end = 1;
            while (end < name.length() && !Character.isUpperCase(name.charAt(end))) {
                end++;
            }
            verbs.add(name.substring(0, end) + "*");
        }
        return List.copyOf(verbs);
    }

    /** The ARNs and conditions of each scope for one environment. */
    private record Arns(AccessSettings settings, AwsArns aws) {
        private static final Setting<Boolean> ON = Setting.of(true, "always");

        List<Statements.Part> resources(Scope scope) {
            EnvironmentNames names = settings.names();
            return switch (scope) {
                // Describe/List actions of EC2, ELB, Application Auto Scaling, CloudWatch Logs'
                // DescribeLogGroups, ListOpenIDConnectProviders and DescribeTaskDefinition accept
                // no resource narrower than "*" (Service Authorization Reference).
                case READ_ANYWHERE -> always("*");
                case STATE_LIST -> always(aws.unowned("s3", settings.stateBucket().text()));
                case STATE_OBJECTS -> always(stateObjects());
                case STATE_KEY -> always(StateAccess.keys(aws, settings.stateRegion().text()));
                case STATE_LOCK_TABLE -> always(lockTable());
                // Ids are not known before the resources exist: the tag conditions scope these.
                case EC2_CREATE_TAGGED, EC2_TAG_ON_CREATE, EC2_OWN_TAGGED -> always(arn("ec2", "*"));
                case EC2_ADOPT_DEFAULT_SG -> always(arn("ec2", "security-group/*"));
                // The hosted zone is AWS's own, in an account of AWS's: it cannot be named here.
                case ENDPOINT_DNS -> always(aws.unowned("route53", "hostedzone/*"));
                case ROLES, MANAGED_POLICIES -> always(role(names.anyResource()));
                case PASS_TO_ECS_TASKS -> always(role(names.role(Role.EXECUTION)), role(names.role(Role.TASK)));
                case PASS_TO_CODEDEPLOY -> always(role(names.role(Role.CODEDEPLOY)));
                case PASS_TO_FLOW_LOGS -> always(role(names.role(Role.FLOW_LOGS)));
                case SERVICE_LINKED_ROLES -> always(global("iam", "role/aws-service-role/*"));
                case GITHUB_OIDC_PROVIDER -> always(global("iam", "oidc-provider/" + GithubOidc.HOST));
                case LOG_GROUPS -> logGroups(names);
                case REPOSITORY -> always(arn("ecr", "repository/" + settings.repositoryName().text()));
                case ECS -> always(
                        arn("ecs", "cluster/" + names.cluster()),
                        arn("ecs", names.scalableService()),
                        arn("ecs", "task-definition/" + names.taskDefinitionFamily() + ":*"));
                // The load balancer, its listeners and their rules, each in the ARN form its actions name.
                case LOAD_BALANCER -> always(
                        arn("elasticloadbalancing", "loadbalancer/app/" + settings.loadBalancer().text() + "/*"),
                        arn("elasticloadbalancing", "listener/app/" + settings.loadBalancer().text() + "/*"),
                        arn("elasticloadbalancing", "listener-rule/app/" + settings.loadBalancer().text() + "/*"),
                        arn("elasticloadbalancing", "targetgroup/" + settings.blueTargetGroup().text() + "/*"),
                        arn("elasticloadbalancing", "targetgroup/" + settings.greenTargetGroup().text() + "/*"));
                // Named only where the environment has one: the scope is on only then.
                case WEB_ACL -> webAcl(names);
                case LOG_DELIVERY -> always("*");
                // A scalable target's ARN carries a random id, not the service it scales.
                case SCALABLE_TARGET -> always(arn("application-autoscaling", "scalable-target/*"));
                case CODEDEPLOY -> deployment(names);
                // Ours, and the ones target tracking makes for the service (TargetTracking-<resource id>-…).
                case ALARMS -> always(
                        arn("cloudwatch", "alarm:" + names.anyResource()),
                        arn("cloudwatch", "alarm:TargetTracking-" + names.scalableService() + "-*"));
            };
        }

        List<Statements.Condition> conditions(Scope scope, Setting<List<String>> createVerbs) {
            EnvironmentNames names = settings.names();
            return switch (scope) {
                case STATE_LIST -> List.of(condition("StringLike", "s3:prefix", names.statePrefix() + "*"));
                case STATE_KEY -> List.of(condition(StateAccess.KEY_ALIAS_TEST, StateAccess.KEY_ALIAS_VARIABLE,
                        names.stateKmsAlias()));
                case STATE_LOCK_TABLE -> List.of(condition("ForAllValues:StringLike", "dynamodb:LeadingKeys",
                        settings.stateBucket().text() + "/" + names.statePrefix() + "*"));
                case EC2_CREATE_TAGGED -> ownerTags("aws:RequestTag/");
                case EC2_OWN_TAGGED -> ownerTags("aws:ResourceTag/");
                // Tags only as part of a create request, which Ec2CreateTagged allows only with
                // this environment's tags; retagging goes through ResourceTag.
                case EC2_TAG_ON_CREATE -> List.of(new Statements.Condition("StringLike", "ec2:CreateAction", createVerbs));
                // Only a group that carries no environment tag yet, so another environment's stays out of reach.
                case EC2_ADOPT_DEFAULT_SG -> {
                    List<Statements.Condition> conditions = new ArrayList<>(ownerTags("aws:RequestTag/"));
                    conditions.add(condition("Null", "aws:ResourceTag/" + OWNER_TAGS.get(1), "true"));
                    yield conditions;
                }
                case MANAGED_POLICIES -> List.of(new Statements.Condition("ArnEquals", "iam:PolicyARN",
                        Statements.literal(ATTACHABLE_MANAGED_POLICIES.stream().map(aws::awsManagedPolicy).toList())));
                case PASS_TO_ECS_TASKS -> passedTo(ECS_TASKS);
                case PASS_TO_CODEDEPLOY -> passedTo(CODEDEPLOY);
                case PASS_TO_FLOW_LOGS -> passedTo(FLOW_LOGS);
                case SERVICE_LINKED_ROLES -> List.of(new Statements.Condition("StringEquals", "iam:AWSServiceName",
                        Statements.literal(SERVICE_LINKED_ROLE_SERVICES)));
                default -> List.of();
            };
        }

        private List<Statements.Condition> ownerTags(String key) {
            return List.of(
                    condition("StringEquals", key + OWNER_TAGS.get(0), settings.app().text()),
                    condition("StringEquals", key + OWNER_TAGS.get(1), settings.environment().text()));
        }

        private static List<Statements.Condition> passedTo(String service) {
            return List.of(condition("StringEquals", "iam:PassedToService", service));
        }

        private static Statements.Condition condition(String test, String variable, String value) {
            return new Statements.Condition(test, variable, Statements.literal(List.of(value)));
        }

        private static List<Statements.Part> always(String... resources) {
            return List.of(new Statements.Part(ON, List.of(resources)));
        }

        /**
         * The service's group and its children (ECS Exec), and the flow logs' and the managed web
         * ACL's groups, with their stream ARNs.
         */
        private List<Statements.Part> logGroups(EnvironmentNames names) {
            return List.of(
                    new Statements.Part(ON, List.of(
                            arn("logs", "log-group:" + names.serviceLogGroup()),
                            arn("logs", "log-group:" + names.serviceLogGroup() + ":*"),
                            arn("logs", "log-group:" + names.serviceLogGroup() + "/*"))),
                    new Statements.Part(settings.feature(Feature.FLOW_LOGS),
                            List.of(arn("logs", "log-group:" + names.network().flowLogGroup() + "*"))),
                    new Statements.Part(settings.feature(Feature.MANAGED_WEB_ACL),
                            List.of(arn("logs", "log-group:" + names.webAclLogGroup() + "*"))));
        }

        /** The team's web ACL by its ARN, or ecsforge's by its name, with any id. */
        private List<Statements.Part> webAcl(EnvironmentNames names) {
            Setting<Boolean> managed = settings.feature(Feature.MANAGED_WEB_ACL);
            return List.of(
                    new Statements.Part(Statements.not(managed), List.of(settings.webAclArn().text())),
                    new Statements.Part(managed, List.of(arn("wafv2", "regional/webacl/" + names.services().webAcl() + "/*"))));
        }

        /** The application and group, and AWS's all-at-once configuration or the delivery stack's own, named with the prefix. */
        private List<Statements.Part> deployment(EnvironmentNames names) {
            Setting<Boolean> own = settings.feature(Feature.DEPLOYMENT_CONFIG);
            List<Statements.Part> parts = new ArrayList<>(always(
                    arn("codedeploy", "application:" + names.codeDeployApplication()),
                    arn("codedeploy", "deploymentgroup:" + names.codeDeployApplication() + "/" + names.deploymentGroup())));
            parts.add(new Statements.Part(Statements.not(own), List.of(arn("codedeploy", "deploymentconfig:" + DeliveryStack.ALL_AT_ONCE))));
            parts.add(new Statements.Part(own, List.of(arn("codedeploy", "deploymentconfig:" + names.anyResource()))));
            return parts;
        }

        private String stateObjects() {
            return aws.unowned("s3", settings.stateBucket().text() + "/" + settings.names().statePrefix() + "*");
        }

        private String lockTable() {
            return aws.inRegion(settings.stateRegion().text()).regional("dynamodb", "table/" + settings.lockTable().text());
        }

        private String role(String name) {
            return aws.role(name);
        }

        private String global(String service, String resource) {
            return aws.global(service, resource);
        }

        private String arn(String service, String resource) {
            return aws.regional(service, resource);
        }
    }

    /**
     * The statements as the policy JSON aws_iam_policy_document renders: one-element lists as
     * plain strings, conditions grouped by test.
     */
    public static String policyJson(List<Statement> statements) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode policy = mapper.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode list = policy.putArray("Statement");
        for (Statement statement : statements) {
            ObjectNode node = list.addObject();
            node.put("Sid", statement.sid());
            node.put("Effect", "Allow");
            put(node, "Action", statement.actions());
            put(node, "Resource", statement.resources());
            if (!statement.conditions().isEmpty()) {
                ObjectNode conditions = node.putObject("Condition");
                for (Condition condition : statement.conditions()) {
                    ObjectNode test = conditions.has(condition.test())
                            ? (ObjectNode) conditions.get(condition.test())
                            : conditions.putObject(condition.test());
                    put(test, condition.variable(), condition.values());
                }
            }
        }
        try {
            return mapper.writeValueAsString(policy);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The length IAM counts against {@link #INLINE_POLICY_LIMIT}: the policy JSON without whitespace. */
    public static int policyLength(List<Statement> statements) {
        return policyJson(statements).replaceAll("\\s", "").length();
    }

    private static void put(ObjectNode node, String field, List<String> values) {
        if (values.size() == 1) {
            node.put(field, values.get(0));
        } else {
            values.forEach(node.putArray(field)::add);
        }
    }
}
