package io.ecsforge.modules;

import com.hashicorp.cdktf.TerraformLocal;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartition;
import com.hashicorp.cdktf.providers.aws.data_aws_region.DataAwsRegion;
import io.ecsforge.config.ModuleVariables;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import io.ecsforge.stacks.AccessSettings;
import io.ecsforge.stacks.AwsArns;
import io.ecsforge.stacks.ElbNames;
import io.ecsforge.stacks.EnvironmentNames;
import io.ecsforge.stacks.IamAccess;
import io.ecsforge.stacks.InfraPermissions.Feature;
import io.ecsforge.stacks.Setting;
import io.ecsforge.stacks.Statements;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * {@code modules/access}: {@link IamAccess} with the keys the access stack reads as variables,
 * and the registry's repository ARN as an input. The region, partition and account are looked
 * up, as a module has no configuration to read them from; the names the roles' policies give the
 * other stacks' resources are worked out from {@code app} and {@code environment} as the stacks
 * work them out.
 */
final class AccessModule extends ModuleStack {
    static final String NAME = "access";
    /** Whether {@code arn} is an SSM parameter's rather than a Secrets Manager secret's, as {@link AccessSettings} tells them apart. */
    private static final String SSM = "split(\":\", arn)[2] == \"ssm\"";

    AccessModule(Construct scope) {
        super(scope, NAME);
        declare(ModuleVariables.names());
        declare(ModuleVariables.access());
        // Referred to by their addresses rather than cdktf's tokens: the policies' lists are
        // expressions of their own, in which cdktf would write a token as a bare reference.
        DataAwsRegion.Builder.create(this, "region").build();
        DataAwsPartition.Builder.create(this, "partition").build();
        DataAwsCallerIdentity.Builder.create(this, "caller").build();
        String region = "${data.aws_region.region.name}";
        String partition = "${data.aws_partition.partition.partition}";
        String account = "${data.aws_caller_identity.caller.account_id}";
        Setting<String> app = variable("app", "");
        Setting<String> environment = variable("environment", "");
        String prefix = app.text() + "-" + environment.text();
        Map<Feature, Setting<Boolean>> features = new EnumMap<>(Feature.class);
        features.put(Feature.ALWAYS, Setting.of(true, "always"));
        features.put(Feature.NAT_GATEWAYS, Setting.expression("var.nat_gateways != \"none\"", false, "nat_gateways"));
        features.put(Feature.FLOW_LOGS, variable("flow_logs", false));
        features.put(Feature.VPC_ENDPOINTS, variable("vpc_endpoints", false));
        features.put(Feature.AUTOSCALING, variable("autoscaling", false));
        features.put(Feature.OIDC_PROVIDER_CREATED, variable("create_oidc_provider", false));
        features.put(Feature.OIDC_PROVIDER_LOOKED_UP, Statements.not(variable("create_oidc_provider", false)));
        features.put(Feature.WEB_ACL, Setting.expression("var.waf_web_acl_arn != \"\" || var.waf == \"managed\"", false,
                "waf_web_acl_arn"));
        features.put(Feature.MANAGED_WEB_ACL, Setting.expression("var.waf == \"managed\"", false, "waf"));
        features.put(Feature.DEPLOYMENT_CONFIG, Setting.expression("var.deployment_strategy != \"all-at-once\"", false,
                "deployment_strategy"));
        AccessSettings settings = new AccessSettings(
                app,
                environment,
                EnvironmentNames.of(app.text(), environment.text()),
                variable("github_repository", ""),
                variable("create_oidc_provider", false),
                variable("assume_role_arn", ""),
                Setting.expression("var.assume_role_arn != \"\"", false, "assume_role_arn"),
                local("parameter_arns", "sort(distinct([for arn in values(var.secrets) : arn if " + SSM + "]))", List.<String>of()),
                // As AccessPolicies.secretArn: the secret without the JSON key and version ECS accepts after it.
                local("secret_arns", "sort(distinct([for arn in values(var.secrets) : join(\":\", slice(split(\":\", arn), 0,"
                        + " min(7, length(split(\":\", arn))))) if !(" + SSM + ")]))", List.<String>of()),
                variable("task_policy", List.<PolicyStatement>of()),
                variable("execute_command", false),
                variable("state_bucket", ""),
                local("state_region", "var.state_region != \"\" ? var.state_region : data.aws_region.region.name", ""),
                Setting.expression("var.state_lock != \"lockfile\"", false, "state_lock"),
                variable("state_dynamodb_table", ""),
                // Known when the plan is made, unlike a name taken from the ARN, so that the infra role's
                // policy is planned in full.
                variable("repository_name", ""),
                local("load_balancer_name", interpolated(ElbNames.of(prefix, "")), ""),
                local("blue_target_group_name", interpolated(ElbNames.of(prefix, EnvironmentNames.BLUE)), ""),
                local("green_target_group_name", interpolated(ElbNames.of(prefix, EnvironmentNames.GREEN)), ""),
                variable("waf_web_acl_arn", ""),
                features,
                () -> new AwsArns(partition, region, account));
        new IamAccess(this, settings, shapes(), "${var.repository_arn}").outputs(true);
    }

    /** The expression of a template that is one interpolation ({@code ${x}} is {@code x}). */
    private static String interpolated(String template) {
        if (!template.startsWith("${") || !template.endsWith("}")) {
            throw new IllegalStateException(template + " is not one interpolation");
        }
        return template.substring(2, template.length() - 1);
    }

    /** The local value {@code name}, worked out by {@code hcl}, as a setting of the kind of {@code example}. */
    private <T> Setting<T> local(String name, String hcl, T example) {
        new TerraformLocal(this, name, "${" + hcl + "}").overrideLogicalId(name);
        return Setting.expression("local." + name, example, name);
    }
}
