package io.ecsforge.modules;

import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartition;
import com.hashicorp.cdktf.providers.aws.data_aws_region.DataAwsRegion;
import io.ecsforge.config.ModuleVariables;
import io.ecsforge.stacks.AwsArns;
import io.ecsforge.stacks.EnvironmentNames.NetworkNames;
import io.ecsforge.stacks.LogKey;
import io.ecsforge.stacks.NetworkSettings;
import io.ecsforge.stacks.Setting;
import io.ecsforge.stacks.VpcNetwork;
import java.util.List;
import software.constructs.Construct;

/**
 * {@code modules/network}: {@link VpcNetwork} with the {@code network} section's keys, {@code app}
 * and {@code environment} as variables. The region, partition and account are looked up, as a
 * module has no configuration to read them from.
 */
final class NetworkModule extends ModuleStack {
    static final String NAME = "network";

    NetworkModule(Construct scope) {
        super(scope, NAME);
        declare(ModuleVariables.names());
        declare(ModuleVariables.network());
        DataAwsRegion region = DataAwsRegion.Builder.create(this, "region").build();
        NetworkSettings settings = new NetworkSettings(
                variable("cidr", ""),
                variable("az_count", (Number) 0),
                variable("nat_gateways", ""),
                variable("flow_logs", false),
                variable("flow_log_retention_days", (Number) 0),
                variable("vpc_endpoints", false),
                Setting.expression(ModuleVariables.computedSubnets("public"), List.of(), "public_subnets"),
                Setting.expression(ModuleVariables.computedSubnets("private"), List.of(), "private_subnets"),
                variable("availability_zones", List.of()),
                Setting.expression("data.aws_region.region.name", "", "region"),
                new NetworkNames(variable("app", "").text() + "-" + variable("environment", "").text()),
                () -> new AwsArns(DataAwsPartition.Builder.create(this, "partition").build().getPartition(),
                        region.getName(),
                        DataAwsCallerIdentity.Builder.create(this, "account").build().getAccountId()),
                LogKey.variable("flow_log_kms_key_arn"));
        new VpcNetwork(this, settings, shapes()).outputs(true);
    }
}
