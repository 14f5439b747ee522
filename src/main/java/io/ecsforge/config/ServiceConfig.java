package io.ecsforge.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container service.
 *
 * <p>Its keys in the file, their defaults and the values they allow are declared in {@link ServiceSchema}.
 *
 * @param containerName the container's name in the task definition
 * @param containerPort the port the container listens on
 * @param cpu Fargate CPU units
 * @param memory MiB; must pair with cpu as Fargate allows
 * @param cpuArchitecture the CPU architecture the image is built for
 * @param desiredCount running tasks when autoscaling is off
 * @param healthCheckPath the target groups' health check
 * @param healthCheckGracePeriodSeconds seconds a new task has before failed health checks count
 * @param imageTag the tag a new service starts on before its first release, which that release
 *     also pushes its image under; kept by the registry's lifecycle policy
 * @param environment plain environment variables
 * @param secrets name to SSM parameter or Secrets Manager ARN, injected as valueFrom
 * @param autoscaling target tracking on CPU; empty when {@code enabled: false}
 * @param logRetentionDays the container log group's retention
 * @param readonlyRootFilesystem mount the root filesystem read-only
 * @param taskPolicy statements granted to the task role
 * @param egress what the tasks may reach besides HTTPS anywhere, one security group rule each
 * @param logKmsKey the container log group's key: {@code state} or a key ARN; empty for CloudWatch Logs' own
 */
public record ServiceConfig(
        String containerName,
        int containerPort,
        int cpu,
        int memory,
        CpuArchitecture cpuArchitecture,
        int desiredCount,
        String healthCheckPath,
        int healthCheckGracePeriodSeconds,
        String imageTag,
        Map<String, String> environment,
        Map<String, String> secrets,
        Optional<Autoscaling> autoscaling,
        int logRetentionDays,
        boolean readonlyRootFilesystem,
        List<PolicyStatement> taskPolicy,
        List<EgressRule> egress,
        Optional<String> logKmsKey) {

    /** A service whose log group has CloudWatch Logs' own encryption. */
    public ServiceConfig(String containerName, int containerPort, int cpu, int memory, CpuArchitecture cpuArchitecture,
            int desiredCount, String healthCheckPath, int healthCheckGracePeriodSeconds, String imageTag,
            Map<String, String> environment, Map<String, String> secrets, Optional<Autoscaling> autoscaling,
            int logRetentionDays, boolean readonlyRootFilesystem, List<PolicyStatement> taskPolicy, List<EgressRule> egress) {
        this(containerName, containerPort, cpu, memory, cpuArchitecture, desiredCount, healthCheckPath,
                healthCheckGracePeriodSeconds, imageTag, environment, secrets, autoscaling, logRetentionDays,
                readonlyRootFilesystem, taskPolicy, egress, Optional.empty());
    }

    /** @param cpuTarget average CPU percentage the service is scaled to keep. */
    public record Autoscaling(int min, int max, int cpuTarget) {}

    /** One IAM statement: allowed actions on resources. */
    public record PolicyStatement(List<String> actions, List<String> resources) {}

    /**
     * One egress rule of the tasks' security group: {@code protocol} ports {@code port} to
     * {@code toPort} (equal for one port) to one destination.
     *
     * @param destination which kind {@code target} is
     * @param target the CIDR block, prefix list id or security group id
     * @param description what the rule is for; empty for none
     */
    public record EgressRule(int port, int toPort, Protocol protocol, Destination destination, String target,
            String description) {
        /** {@link #key()} in Terraform, of a module's {@code egress} entry {@code item}. */
        public static final String KEY_EXPRESSION = "format(\"%s_%d%s_%s\", item.protocol, item.port, item.to_port == null"
                + " || item.to_port == item.port ? \"\" : format(\"_%d\", item.to_port), coalesce(item.cidr,"
                + " item.prefix_list_id, item.security_group_id))";

        /**
         * What names the rule: its protocol, ports and destination, so that adding or removing
         * another rule leaves its resource alone ({@code tcp_5432_10.0.0.0/16}).
         */
        public String key() {
            return protocol.yamlName() + "_" + port + (toPort == port ? "" : "_" + toPort) + "_" + target;
        }
    }

    public enum Protocol implements Named {
        TCP,
        UDP
    }

    /** Where an egress rule goes: the key it is written under in the file. */
    public enum Destination {
        CIDR("cidr"),
        PREFIX_LIST_ID("prefixListId"),
        SECURITY_GROUP_ID("securityGroupId");

        private final String key;

        Destination(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }
    }

    public enum CpuArchitecture implements Named {
        X86_64,
        ARM64;

        /** Spelt as AWS spells it. */
        @Override
        public String yamlName() {
            return name();
        }
    }
}
