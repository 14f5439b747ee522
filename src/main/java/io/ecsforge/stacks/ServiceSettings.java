package io.ecsforge.stacks;

import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.LoadBalancerConfig;
import io.ecsforge.config.LoadBalancerConfig.AccessLogs;
import io.ecsforge.config.ServiceConfig;
import io.ecsforge.config.ServiceConfig.Autoscaling;
import io.ecsforge.config.ServiceConfig.EgressRule;
import java.util.List;
import java.util.Map;

/**
 * What {@link BlueGreenService} is built from: the {@code service} and {@code loadBalancer}
 * sections, what the cluster allows, the region, the names, and what other stacks (or a module's
 * caller) give: the network, the cluster, the image repository and the roles.
 *
 * @param names the names of the service's resources
 * @param vpcId the VPC of the security groups and target groups
 * @param publicSubnetIds where the load balancer listens, one subnet a zone
 * @param privateSubnetIds where the tasks run, one subnet a zone
 * @param clusterArn the cluster the service runs in
 * @param repositoryUrl the image repository; the task runs {@code <repositoryUrl>:<imageTag>}
 * @param executionRoleArn the role ECS uses to pull the image, read secrets and write logs
 * @param taskRoleArn the role the application's code runs as
 * @param region the region the container's logs are written in
 * @param containerName the container's name in the task definition
 * @param containerPort the port the container listens on, and the target groups send to
 * @param cpu Fargate CPU units
 * @param memory MiB
 * @param cpuArchitecture X86_64 or ARM64
 * @param desiredCount running tasks when autoscaling is off
 * @param healthCheckPath the target groups' health check
 * @param healthCheckGracePeriodSeconds seconds a new task has before failed health checks count
 * @param imageTag the tag a new service starts on
 * @param environment plain environment variables
 * @param secrets name to SSM parameter or Secrets Manager ARN
 * @param autoscaling whether target tracking on CPU is on
 * @param autoscalingMin fewest tasks, when autoscaling
 * @param autoscalingMax most tasks, when autoscaling
 * @param cpuTarget the average CPU percentage autoscaling keeps
 * @param logRetentionDays the container log group's retention
 * @param readonlyRootFilesystem whether the container's root filesystem is read-only
 * @param executeCommand whether ECS Exec is on ({@code cluster.executeCommand})
 * @param fargateSpotWeight the cluster's share on FARGATE_SPOT, which the service's strategy repeats
 * @param egress what the tasks may reach besides HTTPS anywhere, a security group rule each
 * @param loadBalancer the load balancer's settings
 * @param logKey the key of the container log group
 */
public record ServiceSettings(ServiceNames names, String vpcId, List<String> publicSubnetIds, List<String> privateSubnetIds,
        String clusterArn, String repositoryUrl, String executionRoleArn, String taskRoleArn, Setting<String> region,
        Setting<String> containerName, Setting<Number> containerPort, Setting<Number> cpu, Setting<Number> memory,
        Setting<String> cpuArchitecture, Setting<Number> desiredCount, Setting<String> healthCheckPath,
        Setting<Number> healthCheckGracePeriodSeconds, Setting<String> imageTag, Setting<Map<String, String>> environment,
        Setting<Map<String, String>> secrets, Setting<Boolean> autoscaling, Setting<Number> autoscalingMin,
        Setting<Number> autoscalingMax, Setting<Number> cpuTarget, Setting<Number> logRetentionDays,
        Setting<Boolean> readonlyRootFilesystem, Setting<Boolean> executeCommand, Setting<Number> fargateSpotWeight,
        Setting<List<EgressRule>> egress, LoadBalancer loadBalancer, LogKey logKey) {

    /**
     * What {@link BlueGreenLoadBalancer} is built from: the {@code loadBalancer} section.
     *
     * @param https whether there is a certificate: HTTPS on 443, and HTTP on 80 redirected to it
     * @param certificateArn the listeners' certificate; read only when there may be one
     * @param sslPolicy the TLS policy of the HTTPS listeners; read only when there may be a certificate
     * @param allowedCidrs who may reach the production listener(s)
     * @param testListenerPort the listener CodeDeploy tests a new version on
     * @param testListenerCidrs who else may reach the test listener: public blocks
     * @param natPublicIps the NAT gateways' public addresses, which the test listener admits, each as a /32
     * @param deletionProtection the load balancer's deletion protection
     * @param idleTimeoutSeconds the load balancer's idle timeout
     * @param accessLogs whether the load balancer writes access logs
     * @param accessLogsBucket the bucket they go to; read only when there may be access logs
     * @param accessLogsPrefix where in the bucket; {@code ""} (a stack) or null (a module) for its top
     * @param webAcl whether a WAF web ACL filters the load balancer's requests: the team's or ecsforge's
     * @param webAclArn the team's web ACL; read only when there may be one and it is not ecsforge's
     * @param managedWebAcl whether that web ACL is ecsforge's own ({@link ManagedWebAcl})
     */
    public record LoadBalancer(Setting<Boolean> https, Setting<String> certificateArn, Setting<String> sslPolicy,
            Setting<List<String>> allowedCidrs, Setting<Number> testListenerPort, Setting<List<String>> testListenerCidrs,
            Setting<List<String>> natPublicIps, Setting<Boolean> deletionProtection, Setting<Number> idleTimeoutSeconds,
            Setting<Boolean> accessLogs, Setting<String> accessLogsBucket, Setting<String> accessLogsPrefix,
            Setting<Boolean> webAcl, Setting<String> webAclArn, Setting<Boolean> managedWebAcl) {

        static LoadBalancer of(LoadBalancerConfig config, List<String> natPublicIps) {
            String certificate = "loadBalancer.certificateArn";
            String webAcl = "loadBalancer.wafWebAclArn";
            return new LoadBalancer(
                    Setting.of(config.certificateArn().isPresent(), certificate),
                    Setting.of(config.certificateArn().orElse(""), certificate),
                    Setting.of(config.sslPolicy(), "loadBalancer.sslPolicy"),
                    Setting.of(config.allowedCidrs(), "loadBalancer.allowedCidrs"),
                    Setting.<Number>of(config.testListenerPort(), "loadBalancer.testListenerPort"),
                    Setting.of(config.testListenerCidrs(), "loadBalancer.testListenerCidrs"),
                    Setting.of(natPublicIps, "network.natGateways"),
                    Setting.of(config.deletionProtection(), "loadBalancer.deletionProtection"),
                    Setting.<Number>of(config.idleTimeoutSeconds(), "loadBalancer.idleTimeoutSeconds"),
                    Setting.of(config.accessLogs().isPresent(), "loadBalancer.accessLogs"),
                    Setting.of(config.accessLogs().map(AccessLogs::bucket).orElse(""), "loadBalancer.accessLogs.bucket"),
                    Setting.of(config.accessLogs().flatMap(AccessLogs::prefix).orElse(""), "loadBalancer.accessLogs.prefix"),
                    Setting.of(config.webAcl(), webAcl),
                    Setting.of(config.wafWebAclArn().orElse(""), webAcl),
                    Setting.of(config.waf() == LoadBalancerConfig.Waf.MANAGED, "loadBalancer.waf"));
        }
    }

    /** A stack's settings: the configuration's values, and the other stacks' references. */
    static ServiceSettings of(EnvironmentConfig config, NetworkRefs network, ServiceInputs inputs) {
        ServiceConfig service = config.service();
        // Without autoscaling its bounds are read by nothing; the loader's defaults stand in.
        Autoscaling scaling = service.autoscaling().orElse(new Autoscaling(1, 1, 1));
        return new ServiceSettings(
                EnvironmentNames.of(config).services(),
                network.vpcId(),
                network.publicSubnetIds(),
                network.privateSubnetIds(),
                inputs.clusterArn(),
                inputs.repositoryUrl(),
                inputs.executionRoleArn(),
                inputs.taskRoleArn(),
                Setting.of(config.aws().region(), "aws.region"),
                Setting.of(service.containerName(), "service.containerName"),
                Setting.<Number>of(service.containerPort(), "service.containerPort"),
                Setting.<Number>of(service.cpu(), "service.cpu"),
                Setting.<Number>of(service.memory(), "service.memory"),
                Setting.of(service.cpuArchitecture().yamlName(), "service.cpuArchitecture"),
                Setting.<Number>of(service.desiredCount(), "service.desiredCount"),
                Setting.of(service.healthCheckPath(), "service.healthCheckPath"),
                Setting.<Number>of(service.healthCheckGracePeriodSeconds(), "service.healthCheckGracePeriodSeconds"),
                Setting.of(service.imageTag(), "service.imageTag"),
                Setting.of(service.environment(), "service.environment"),
                Setting.of(service.secrets(), "service.secrets"),
                Setting.of(service.autoscaling().isPresent(), "service.autoscaling.enabled"),
                Setting.<Number>of(scaling.min(), "service.autoscaling.min"),
                Setting.<Number>of(scaling.max(), "service.autoscaling.max"),
                Setting.<Number>of(scaling.cpuTarget(), "service.autoscaling.cpuTarget"),
                Setting.<Number>of(service.logRetentionDays(), "service.logRetentionDays"),
                Setting.of(service.readonlyRootFilesystem(), "service.readonlyRootFilesystem"),
                Setting.of(config.cluster().executeCommand(), "cluster.executeCommand"),
                Setting.<Number>of(config.cluster().fargateSpotWeight(), "cluster.fargateSpotWeight"),
                Setting.of(service.egress(), "service.egress"),
                LoadBalancer.of(config.loadBalancer(), network.natPublicIps()),
                LogKey.of(service.logKmsKey(), "service.logKmsKey", EnvironmentNames.of(config)));
    }
}
