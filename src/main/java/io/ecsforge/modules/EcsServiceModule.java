package io.ecsforge.modules;

import com.hashicorp.cdktf.Token;
import com.hashicorp.cdktf.providers.aws.data_aws_region.DataAwsRegion;
import io.ecsforge.config.ModuleVariables;
import io.ecsforge.config.ServiceConfig.EgressRule;
import io.ecsforge.stacks.BlueGreenService;
import io.ecsforge.stacks.ClusterSettings;
import io.ecsforge.stacks.FargateCluster;
import io.ecsforge.stacks.LogKey;
import io.ecsforge.stacks.ServiceNames;
import io.ecsforge.stacks.ServiceSettings;
import io.ecsforge.stacks.Setting;
import java.util.List;
import java.util.Map;
import software.constructs.Construct;

/**
 * {@code modules/ecs-service}: {@link FargateCluster} and {@link BlueGreenService}, the cluster
 * and service stacks' parts, with the {@code cluster}, {@code service} and {@code loadBalancer}
 * sections' keys, {@code app} and {@code environment} as variables, and what the other stacks
 * give (the network, the repository, the roles) as inputs. The service runs in the module's own
 * cluster; the region is looked up.
 */
final class EcsServiceModule extends ModuleStack {
    static final String NAME = "ecs-service";

    EcsServiceModule(Construct scope) {
        super(scope, NAME);
        declare(ModuleVariables.names());
        declare(ModuleVariables.ecsService());
        ServiceNames names = new ServiceNames(variable("app", "").text() + "-" + variable("environment", "").text());
        Setting<Boolean> executeCommand = variable("execute_command", false);
        Setting<Number> fargateSpotWeight = variable("fargate_spot_weight", (Number) 0);
        Setting<Number> logRetentionDays = variable("log_retention_days", (Number) 0);
        FargateCluster cluster = new FargateCluster(this, new ClusterSettings(variable("container_insights", false),
                executeCommand, fargateSpotWeight, logRetentionDays, names), shapes());
        cluster.outputs(true);

        Setting<String> certificate = variable("certificate_arn", "");
        Setting<Boolean> https = Setting.expression(certificate.expression() + " != \"\"", false, certificate.label());
        Setting<Boolean> accessLogs = Setting.expression("var.access_logs_bucket != \"\"", false, "access_logs_bucket");
        // Plain HTTP listeners have neither: null leaves them out, as the stack does.
        ServiceSettings.LoadBalancer loadBalancer = new ServiceSettings.LoadBalancer(
                https,
                Setting.expression(https.expression() + " ? " + certificate.expression() + " : null", "", certificate.label()),
                Setting.expression(https.expression() + " ? var.ssl_policy : null", "", "ssl_policy"),
                variable("allowed_cidrs", List.of()),
                variable("test_listener_port", (Number) 0),
                variable("test_listener_cidrs", List.of()),
                variable("nat_public_ips", List.of()),
                variable("deletion_protection", false),
                variable("idle_timeout_seconds", (Number) 0),
                accessLogs,
                variable("access_logs_bucket", ""),
                // "" is the top of the bucket, which the provider writes as no prefix, as the stack does.
                Setting.expression("var.access_logs_prefix != \"\" ? var.access_logs_prefix : null", "", "access_logs_prefix"),
                Setting.expression("var.waf_web_acl_arn != \"\" || var.waf == \"managed\"", false, "waf_web_acl_arn"),
                variable("waf_web_acl_arn", ""),
                Setting.is(variable("waf", ""), "managed"));
        ServiceSettings settings = new ServiceSettings(
                names,
                variable("vpc_id", "").text(),
                Token.asList(variable("public_subnet_ids", List.of()).text()),
                Token.asList(variable("private_subnet_ids", List.of()).text()),
                cluster.clusterArn(),
                variable("repository_url", "").text(),
                variable("execution_role_arn", "").text(),
                variable("task_role_arn", "").text(),
                Setting.expression("data.aws_region.region.name", "", "region"),
                // The file's default is the app's name; coalesce takes it for "".
                Setting.expression("coalesce(var.container_name, var.app)", "", "container_name"),
                variable("container_port", (Number) 0),
                variable("cpu", (Number) 0),
                variable("memory", (Number) 0),
                variable("cpu_architecture", ""),
                variable("desired_count", (Number) 0),
                variable("health_check_path", ""),
                variable("health_check_grace_period_seconds", (Number) 0),
                variable("image_tag", ""),
                variable(ModuleVariables.ENVIRONMENT_VARIABLES, Map.of()),
                variable("secrets", Map.of()),
                variable("autoscaling_enabled", false),
                variable("autoscaling_min", (Number) 0),
                variable("autoscaling_max", (Number) 0),
                variable("autoscaling_cpu_target", (Number) 0),
                logRetentionDays,
                variable("readonly_root_filesystem", false),
                executeCommand,
                fargateSpotWeight,
                variable("egress", List.<EgressRule>of()),
                loadBalancer,
                LogKey.variable("log_kms_key_arn"));
        DataAwsRegion.Builder.create(this, "region").build();
        new BlueGreenService(this, settings, shapes()).outputs(true);
    }
}
