package io.ecsforge.testing;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import com.hashicorp.cdktf.LocalExecProvisioner;
import com.hashicorp.cdktf.S3Backend;
import com.hashicorp.cdktf.S3BackendConfig;
import com.hashicorp.cdktf.TerraformOutput;
import com.hashicorp.cdktf.TerraformOutputConfig;
import com.hashicorp.cdktf.TerraformResource;
import com.hashicorp.cdktf.TerraformResourceConfig;
import com.hashicorp.cdktf.TerraformStack;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A small cdktf app, synthesized by real cdktf into a real {@code cdktf.out} with a real
 * {@code manifest.json}, whose three stacks mirror an environment's shape with only Terraform's
 * built-in {@code terraform_data} resource, so no provider has to be downloaded:
 *
 * <ul>
 *   <li>{@code <app>-<env>-state}: stands in for the S3 bucket (the AWS provider cannot be
 *       fetched here): its create-time local-exec makes the bucket with a real, signed boto3
 *       CreateBucket call to the S3 endpoint;
 *   <li>{@code <app>-<env>-network}, after state: one resource and an output;
 *   <li>{@code <app>-<env>-service}, after network: a resource whose {@code revision} forces a
 *       replacement, a create that takes {@code createSeconds} (to hold the state lock), and a
 *       sensitive output.
 * </ul>
 *
 * As in the real stacks, every stack, the state stack included, is synthesized with the S3
 * backend, its own key, native S3 locking ({@code use_lockfile}) and {@code encrypt}, pointed at
 * {@code s3Endpoint}; {@code ecsforge bootstrap} applies the state stack on local state first.
 */
public final class TerraformDataApp {
    /** The value of the service stack's sensitive output; it must never be printed. */
    public static final String SENSITIVE_VALUE = "ecsforge-it-sensitive-0123456789";

    public static final String REGION = "eu-west-1";

    /**
     * @param app the app name
     * @param env the environment name
     * @param s3Endpoint the S3 API the backend and the bucket creation talk to
     * @param python a Python with boto3, which creates the bucket
     * @param revision the service resource's revision; a new one replaces it
     * @param createSeconds how long creating the service resource takes
     */
    public record Settings(String app, String env, URI s3Endpoint, Path python, String revision, int createSeconds) {
        public String prefix() {
            return app + "-" + env + "-";
        }

        public String bucket() {
            return prefix() + "state";
        }

        /** {@code <app>/<env>/<part>.tfstate}, as the real stacks name their state objects. */
        public String stateKey(String part) {
            return app + "/" + env + "/" + part + ".tfstate";
        }

        public Settings withRevision(String newRevision, int newCreateSeconds) {
            return new Settings(app, env, s3Endpoint, python, newRevision, newCreateSeconds);
        }
    }

    private TerraformDataApp() {}

    /** Synthesizes the app into {@code outDir} (cdktf.out). */
    public static void synth(Path outDir, Settings settings) {
        App app = new App(AppConfig.builder().outdir(outDir.toString()).stackTraces(false).build());
        TerraformStack state = stack(app, settings, "state");
        TerraformResource bucket = terraformData(state, "bucket", List.of(LocalExecProvisioner.builder()
                .type("local-exec")
                .interpreter(List.of(settings.python().toString(), "-c"))
                .command("import boto3; boto3.client('s3', endpoint_url='" + settings.s3Endpoint() + "', region_name='"
                        + REGION + "').create_bucket(Bucket='" + settings.bucket()
                        + "', CreateBucketConfiguration={'LocationConstraint': '" + REGION + "'})")
                .build()));
        bucket.addOverride("input", settings.bucket());
        output(state, "bucket_name", "${terraform_data.bucket.output}", false);

        TerraformStack network = stack(app, settings, "network");
        network.addDependency(state);
        terraformData(network, "vpc", List.of()).addOverride("input", "10.20.0.0/16");
        output(network, "vpc_cidr", "${terraform_data.vpc.output}", false);

        TerraformStack service = stack(app, settings, "service");
        service.addDependency(network);
        TerraformResource resource = terraformData(service, "service", List.of(LocalExecProvisioner.builder()
                .type("local-exec")
                .command("sleep " + settings.createSeconds())
                .build()));
        resource.addOverride("input", settings.revision());
        resource.addOverride("triggers_replace", settings.revision());
        output(service, "revision", "${terraform_data.service.output}", false);
        output(service, "db_password", SENSITIVE_VALUE, true);

        app.synth();
    }

    private static TerraformStack stack(App app, Settings settings, String part) {
        TerraformStack stack = new TerraformStack(app, settings.prefix() + part);
        new S3Backend(stack, S3BackendConfig.builder()
                .bucket(settings.bucket())
                .key(settings.stateKey(part))
                .region(REGION)
                .encrypt(true)
                .skipCredentialsValidation(true)
                .skipRegionValidation(true)
                .skipMetadataApiCheck(true)
                .build());
        // cdktf 0.19 predates these S3 backend settings (Terraform 1.6+, OpenTofu 1.10 for use_lockfile).
        stack.addOverride("terraform.backend.s3.endpoints", Map.of("s3", settings.s3Endpoint().toString()));
        stack.addOverride("terraform.backend.s3.use_path_style", true);
        stack.addOverride("terraform.backend.s3.skip_requesting_account_id", true);
        stack.addOverride("terraform.backend.s3.skip_s3_checksum", true);
        stack.addOverride("terraform.backend.s3.use_lockfile", true);
        return stack;
    }

    private static TerraformResource terraformData(TerraformStack stack, String id, List<Object> provisioners) {
        TerraformResourceConfig.Builder config = TerraformResourceConfig.builder().terraformResourceType("terraform_data");
        // An empty provisioner list synthesizes to "provisioner": [], which Terraform rejects.
        if (!provisioners.isEmpty()) {
            config.provisioners(provisioners);
        }
        return new TerraformResource(stack, id, config.build());
    }

    private static void output(TerraformStack stack, String name, String value, boolean sensitive) {
        new TerraformOutput(stack, name, TerraformOutputConfig.builder().value(value).sensitive(sensitive).build());
    }
}
