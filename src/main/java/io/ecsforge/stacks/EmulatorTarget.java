package io.ecsforge.stacks;

import com.hashicorp.cdktf.Aspects;
import com.hashicorp.cdktf.DataTerraformRemoteStateS3;
import com.hashicorp.cdktf.IAspect;
import com.hashicorp.cdktf.TerraformStack;
import com.hashicorp.cdktf.providers.aws.provider.AwsProvider;
import io.ecsforge.config.AwsEndpoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.constructs.IConstruct;

/**
 * Points a stack's AWS provider, its S3 backend and the remote states it reads at an AWS API
 * emulator on loopback ({@link AwsEndpoint}), with the settings such emulators need. Nothing is
 * written without an endpoint, so the stacks for AWS stay exactly as they are.
 */
final class EmulatorTarget {
    /**
     * The provider's {@code endpoints} arguments (provider 5.x names) of every service the stacks
     * call: each resource and data source type's API, plus STS and IAM, which the provider calls
     * for the account id that {@code allowed_account_ids} checks. A service left out would be
     * called at AWS itself; a test derives the services from the synthesized types.
     */
    static final List<String> PROVIDER_SERVICES = List.of(
            "applicationautoscaling", "cloudwatch", "codedeploy", "dynamodb", "ec2", "ecr", "ecs", "elbv2", "iam",
            "logs", "s3", "sts");

    /** The S3 backend's {@code endpoints} (Terraform 1.6+, OpenTofu 1.6+): state, lock table and identity. */
    static final List<String> BACKEND_SERVICES = List.of("dynamodb", "iam", "s3", "sts");

    private EmulatorTarget() {}

    /**
     * Emulators accept any credentials and have no instance metadata or region list, so those
     * checks are skipped. The provider still asks STS for the account id, which moto answers, so
     * that {@code allowed_account_ids} guards an emulated environment as it guards a real one.
     * Path-style S3 addressing, because bucket subdomains of 127.0.0.1 do not resolve.
     */
    static void provider(AwsProvider provider, AwsEndpoint endpoint) {
        provider.addOverride("endpoints", List.of(endpoints(PROVIDER_SERVICES, endpoint)));
        provider.addOverride("s3_use_path_style", true);
        provider.addOverride("skip_credentials_validation", true);
        provider.addOverride("skip_metadata_api_check", "true");
        provider.addOverride("skip_region_validation", true);
    }

    /**
     * The backend's settings, and the same on every {@code terraform_remote_state} the stack
     * reads: cdktf copies those from the backend's typed fields only, which lack these (as they
     * lack {@code assume_role}), and they exist only once references are resolved, hence an aspect.
     * The backend skips the account id lookup: it needs none, and an emulator's IAM may not serve it.
     */
    static void backend(TerraformStack stack, AwsEndpoint endpoint) {
        Map<String, Object> settings = backendSettings(endpoint);
        settings.forEach((name, value) -> stack.addOverride("terraform.backend.s3." + name, value));
        Aspects.of(stack).add(new RemoteStateEndpoint(settings));
    }

    static Map<String, Object> backendSettings(AwsEndpoint endpoint) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("endpoints", endpoints(BACKEND_SERVICES, endpoint));
        settings.put("use_path_style", true);
        settings.put("skip_credentials_validation", true);
        settings.put("skip_metadata_api_check", true);
        settings.put("skip_region_validation", true);
        settings.put("skip_requesting_account_id", true);
        return settings;
    }

    private static Map<String, String> endpoints(List<String> services, AwsEndpoint endpoint) {
        Map<String, String> endpoints = new LinkedHashMap<>();
        services.forEach(service -> endpoints.put(service, endpoint.url()));
        return endpoints;
    }

    /** Adds the backend's emulator settings to every remote state a stack reads. */
    private record RemoteStateEndpoint(Map<String, Object> settings) implements IAspect {
        @Override
        public void visit(IConstruct node) {
            if (node instanceof DataTerraformRemoteStateS3 remoteState) {
                settings.forEach((name, value) -> remoteState.addOverride("config." + name, value));
            }
        }
    }
}
