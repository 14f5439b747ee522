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
    /** What the provider's HTTPS requests are sent through: a closed port, so none can leave the machine. */
    static final String CLOSED_PROXY = "http://127.0.0.1:9";

    /** The hosts that bypass {@link #CLOSED_PROXY}: every loopback name {@link AwsEndpoint} accepts. */
    static final String LOOPBACK = "localhost,127.0.0.1,::1";

    /** The S3 backend's {@code endpoints} (Terraform 1.6+, OpenTofu 1.6+): state, lock table and identity. */
    static final List<String> BACKEND_SERVICES = List.of("dynamodb", "iam", "s3", "sts");

    private EmulatorTarget() {}

    /**
     * Emulators accept any credentials and have no instance metadata or region list, so those
     * checks are skipped. The provider still asks STS for the account id, which the emulator
     * answers, so that {@code allowed_account_ids} guards an emulated environment as it guards a
     * real one. Path-style S3 addressing, because bucket subdomains of 127.0.0.1 do not resolve.
     *
     * <p>The emulator's address reaches the provider through {@code AWS_ENDPOINT_URL}, which the
     * runner sets from {@link AwsEndpoint#SYNTHESIZED_KEY}, and not through the provider's {@code endpoints} block:
     * with that block in its configuration, hashicorp/aws 5.100 spends about 2.5 s of CPU each
     * time it validates or configures itself, three times a plan, which doubled the CPU of a
     * plan against an emulator. So that a stack run without the variable cannot reach AWS
     * instead, every HTTPS request goes through a proxy on a closed loopback port, and only
     * loopback bypasses it: such a run fails at its first call ({@code proxyconnect tcp: dial
     * tcp 127.0.0.1:9: connect: connection refused}).
     */
    static void provider(TerraformStack stack, AwsProvider provider, AwsEndpoint endpoint) {
        stack.addOverride("//." + AwsEndpoint.SYNTHESIZED_KEY, endpoint.url());
        provider.addOverride("https_proxy", CLOSED_PROXY);
        provider.addOverride("no_proxy", LOOPBACK);
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
