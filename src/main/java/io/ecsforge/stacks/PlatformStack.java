package io.ecsforge.stacks;

import com.hashicorp.cdktf.Aspects;
import com.hashicorp.cdktf.DataTerraformRemoteStateS3;
import com.hashicorp.cdktf.IAspect;
import com.hashicorp.cdktf.LocalBackend;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.data_aws_caller_identity.DataAwsCallerIdentity;
import com.hashicorp.cdktf.providers.aws.data_aws_partition.DataAwsPartition;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderAssumeRole;
import com.hashicorp.cdktf.providers.aws.provider.AwsProviderDefaultTags;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.StateConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.constructs.Construct;

/**
 * A stack of one environment, named {@code <app>-<env>-<part>}, with the AWS provider and the
 * state backend every stack shares. Subclasses add resources.
 */
public abstract class PlatformStack extends TerraformStack {
    /** Where local state lives, relative to a stack's working directory (cdktf.out/stacks/NAME). */
    static final String LOCAL_STATE_ROOT = "../../../.tfstate";
    /** The construct id of the partition data source, in every stack that looks it up. */
    static final String PARTITION_ID = "partition";

    private final EnvironmentConfig config;
    private final EnvironmentNames names;
    private final String part;
    private AwsArns arns;

    /** @param part the stack's part of the name, one of {@link EnvironmentNames#STATE} and its siblings */
    protected PlatformStack(Construct scope, EnvironmentConfig config, String part) {
        super(scope, EnvironmentNames.of(config).stack(part));
        this.config = config;
        this.names = EnvironmentNames.of(config);
        this.part = part;
        provider(config);
        // cdktf pins the provider to exactly the bindings' version; a range lets the committed
        // lock file (locks/<stack>.terraform.lock.hcl) choose, and an upgrade move, the version.
        addOverride("terraform.required_providers.aws.version", config.aws().providerVersion());
        if (config.state().backend() == StateConfig.Backend.S3) {
            s3Backend(config);
            config.aws().endpoint().ifPresent(endpoint -> EmulatorTarget.backend(this, endpoint));
        } else {
            LocalBackend.Builder.create(this)
                    .path(LOCAL_STATE_ROOT + "/" + stateKey())
                    .build();
        }
    }

    /** {@code <app>-<env>-<part>}: the stack's name in cdktf.out and in messages. */
    public String stackName() {
        return names.stack(part);
    }

    public EnvironmentConfig config() {
        return config;
    }

    /** {@code <app>/<env>/<part>.tfstate}: this stack's object in the state bucket. */
    public String stateKey() {
        return names.stateKey(part);
    }

    /** The physical names of this stack's environment: every name a stack gives a resource comes from here. */
    public EnvironmentNames names() {
        return names;
    }

    /**
     * This stack's ARNs, with the partition and the account of the credentials Terraform runs
     * with looked up by data sources ({@value #PARTITION_ID} and {@code callerId}). They are
     * looked up once: a later call returns the same.
     */
    protected final AwsArns lookUpArns(String callerId) {
        return lookUp(() -> DataAwsCallerIdentity.Builder.create(this, callerId).build().getAccountId());
    }

    /** As {@link #lookUpArns}, with the configured account ({@code aws.accountId}) when there is one. */
    protected final AwsArns lookUpArnsInConfiguredAccount(String callerId) {
        return lookUp(() -> config.aws().accountId().orElseGet(
                () -> DataAwsCallerIdentity.Builder.create(this, callerId).build().getAccountId()));
    }

    private AwsArns lookUp(Supplier<String> account) {
        if (arns == null) {
            String partition = DataAwsPartition.Builder.create(this, PARTITION_ID).build().getPartition();
            arns = new AwsArns(partition, config.aws().region(), account.get());
        }
        return arns;
    }

    private void provider(EnvironmentConfig config) {
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("app", config.app());
        tags.put("environment", config.environment());
        tags.put("managed-by", "ecsforge");
        tags.putAll(config.tags());
        AwsProvider.Builder provider = AwsProvider.Builder.create(this, "aws")
                .region(config.aws().region())
                .defaultTags(List.of(AwsProviderDefaultTags.builder().tags(tags).build()));
        // A config names its account so that it can never be applied to another one.
        config.aws().accountId().ifPresent(id -> provider.allowedAccountIds(List.of(id)));
        config.aws().terraformRoleArn().ifPresent(arn -> provider.assumeRole(List.of(
                AwsProviderAssumeRole.builder().roleArn(arn).sessionName("ecsforge").build())));
        AwsProvider aws = provider.build();
        config.aws().endpoint().ifPresent(endpoint -> EmulatorTarget.provider(this, aws, endpoint));
    }

    private void s3Backend(EnvironmentConfig config) {
        StateConfig state = config.state();
        S3Backend.Builder backend = S3Backend.Builder.create(this)
                .bucket(state.bucket())
                .key(stateKey())
                .region(state.region())
                // Without a key the backend asks S3 for AES256 on every write, overriding the
                // bucket's KMS default: state would not be encrypted with the state key at all.
                .encrypt(true)
                .kmsKeyId(names.stateKmsKeyId());
        if (state.lock().usesDynamodb()) {
            backend.dynamodbTable(state.dynamodbTable().orElseThrow());
        }
        backend.build();
        // cdktf 0.19 predates these backend fields (Terraform 1.10+); they are written as overrides.
        if (state.lock().usesLockfile()) {
            addOverride("terraform.backend.s3.use_lockfile", true);
        }
        config.aws().terraformRoleArn().ifPresent(arn -> {
            Map<String, String> role = Map.of("role_arn", arn, "session_name", "ecsforge-state");
            addOverride("terraform.backend.s3.assume_role", role);
            // cdktf writes cross-stack references as terraform_remote_state data sources copied
            // from the backend's own fields, which lack the role: reading another stack's
            // outputs must assume it too. Those data sources exist only once synthesis resolves
            // references, so an aspect, which runs after that, adds it.
            Aspects.of(this).add(new RemoteStateRole(role));
        });
    }

    /** Adds the backend's assume_role to every remote state this stack reads. */
    private record RemoteStateRole(Map<String, String> role) implements IAspect {
        @Override
        public void visit(software.constructs.IConstruct node) {
            if (node instanceof DataTerraformRemoteStateS3 remoteState) {
                remoteState.addOverride("config.assume_role", role);
            }
        }
    }
}
