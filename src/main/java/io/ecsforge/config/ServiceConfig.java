package io.ecsforge.config;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The container service.
 *
 * @param containerName @default the app name
 * @param containerPort 1 to 65535. @default 3000
 * @param cpu Fargate CPU units. @default 256
 * @param memory MiB; must pair with cpu as Fargate allows. @default 512
 * @param cpuArchitecture X86_64 or ARM64. @default X86_64
 * @param desiredCount running tasks when autoscaling is off. @default 2
 * @param healthCheckPath the target groups' health check. @default /health
 * @param healthCheckGracePeriodSeconds @default 60
 * @param imageTag the tag a new service starts on before its first release, which that release
 *     also pushes its image under; kept by the registry's lifecycle policy. @default initial
 * @param environment plain environment variables. @default none
 * @param secrets name to SSM parameter or Secrets Manager ARN, injected as valueFrom. @default none
 * @param autoscaling target tracking on CPU; empty when {@code enabled: false}. @default min 2, max 6, cpu 70%
 * @param logRetentionDays the container log group's retention. @default 30
 * @param readonlyRootFilesystem @default true
 * @param taskPolicy statements granted to the task role. @default none: the task role has no permissions
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
        List<PolicyStatement> taskPolicy) {

    /** @param cpuTarget average CPU percentage the service is scaled to keep. */
    public record Autoscaling(int min, int max, int cpuTarget) {}

    /** One IAM statement: allowed actions on resources. */
    public record PolicyStatement(List<String> actions, List<String> resources) {}

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
