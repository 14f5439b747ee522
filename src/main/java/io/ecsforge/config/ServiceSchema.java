package io.ecsforge.config;

import io.ecsforge.config.ServiceConfig.CpuArchitecture;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code service} section: the container service, with {@link AutoscalingSchema}, {@link TaskPolicySchema} and {@link EgressSchema}. */
final class ServiceSchema {
    static final Key<String> CONTAINER_NAME = Key.string("service.containerName", null, Format.CONTAINER_NAME,
            "The container's name in the task definition.").defaultText("the `app` name");
    static final Key<Integer> CONTAINER_PORT = Key.whole("service.containerPort", 3000, 1, 65535,
            "The port the container listens on.");
    static final Key<Integer> CPU = Key.oneOf("service.cpu", 256, FargateSizes.CPUS, "CPU units of the task (1024 = one vCPU).")
            .note("a Fargate CPU size");
    static final Key<Integer> MEMORY = Key.whole("service.memory", 512, 512, 122880, "Memory of the task, in MiB.")
            .note("MiB that Fargate pairs with `cpu`: " + FargateSizes.PAIRS);
    static final Key<CpuArchitecture> CPU_ARCHITECTURE = Key.choice("service.cpuArchitecture", CpuArchitecture.X86_64,
            "The CPU architecture the image is built for.");
    static final Key<Integer> DESIRED_COUNT = Key.whole("service.desiredCount", 2, 0, 1000,
            "Running tasks when autoscaling is off.");
    static final Key<String> HEALTH_CHECK_PATH = Key.string("service.healthCheckPath", "/health", Format.HEALTH_PATH,
            "The target groups' health check.").note("up to 1024 printable ASCII characters, no spaces");
    static final Key<Integer> HEALTH_CHECK_GRACE_PERIOD_SECONDS = Key.whole("service.healthCheckGracePeriodSeconds", 60, 0, 7200,
            "Seconds a new task has before failed health checks count.");
    static final Key<String> IMAGE_TAG = Key.string("service.imageTag", "initial", Format.IMAGE_TAG, "The tag a new service"
            + " starts on before its first release. The first release pushes its image under this tag too when the repository"
            + " has none, and the registry's lifecycle policy never expires it (see [First release of a new"
            + " environment](releases.md#first-release-of-a-new-environment)).").note("not starting with `.` or `-`");
    static final Key<Void> ENVIRONMENT = Key.map("service.environment", "names: " + Format.ENV_VAR.allowed() + " (letters,"
            + " digits and underscores, not starting with a digit); values: strings, whole numbers or booleans (passed as text);"
            + " quote a fractional number (`\"1.10\"`), which YAML would otherwise read as `1.1`", "Plain environment variables.")
            .typed("mapping of name to value");
    static final Key<Void> SECRETS = Key.map("service.secrets", "names as `environment`, and not also set there; values: "
            + Format.SECRET_ARN.allowed(), "Environment variables injected from SSM Parameter Store or Secrets Manager"
            + " (`valueFrom`).").typed("mapping of name to ARN");
    static final Key<Integer> LOG_RETENTION_DAYS = Key.oneOf("service.logRetentionDays", 30, Format.LOG_RETENTIONS,
            "The container log group's retention.").note("a CloudWatch Logs retention");
    static final Key<String> LOG_KMS_KEY = LogKmsKeys.key("service.logKmsKey", "the container log group");
    static final Key<Boolean> READONLY_ROOT_FILESYSTEM = Key.bool("service.readonlyRootFilesystem", true,
            "Mount the container's root filesystem read-only.");

    static final List<Key<?>> KEYS = List.of(CONTAINER_NAME, CONTAINER_PORT, CPU, MEMORY, CPU_ARCHITECTURE, DESIRED_COUNT,
            HEALTH_CHECK_PATH, HEALTH_CHECK_GRACE_PERIOD_SECONDS, IMAGE_TAG, ENVIRONMENT, SECRETS, AutoscalingSchema.SECTION,
            LOG_RETENTION_DAYS, LOG_KMS_KEY, READONLY_ROOT_FILESYSTEM, TaskPolicySchema.SECTION,
            EgressSchema.SECTION);

    private ServiceSchema() {}

    static ServiceConfig read(Section s, String app, AwsConfig aws, boolean awsOk) {
        String containerName = s.string(CONTAINER_NAME, app);
        int port = s.integer(CONTAINER_PORT);
        int cpu = s.integer(CPU);
        int memory = s.integer(MEMORY);
        if (s.ok(CPU, MEMORY)) {
            FargateSizes.check(cpu, memory).ifPresent(message -> s.problem(MEMORY, message));
        }
        CpuArchitecture architecture = s.choice(CPU_ARCHITECTURE);
        int desired = s.integer(DESIRED_COUNT);
        String healthPath = s.string(HEALTH_CHECK_PATH);
        int grace = s.integer(HEALTH_CHECK_GRACE_PERIOD_SECONDS);
        String tag = s.string(IMAGE_TAG);
        Map<String, String> environment = s.stringMap(ENVIRONMENT);
        environment.keySet().forEach(name -> Format.ENV_VAR.check(s, ENVIRONMENT.name() + "." + name, name));
        Map<String, String> secrets = secrets(s, environment);
        var autoscaling = AutoscalingSchema.read(s.section(AutoscalingSchema.SECTION));
        int retention = s.integer(LOG_RETENTION_DAYS);
        Optional<String> kmsKey = LogKmsKeys.read(s, LOG_KMS_KEY, aws, awsOk);
        boolean readonlyRoot = s.bool(READONLY_ROOT_FILESYSTEM);
        List<PolicyStatement> taskPolicy = s.sections(TaskPolicySchema.SECTION, TaskPolicySchema::read);
        int policySize = TaskPolicySchema.size(taskPolicy);
        if (policySize > TaskPolicySchema.INLINE_POLICY_LIMIT - TaskPolicySchema.RESERVED) {
            s.problem(TaskPolicySchema.SECTION, "the statements come to " + policySize + " characters without whitespace;"
                    + " IAM allows " + TaskPolicySchema.INLINE_POLICY_LIMIT + " in a role's inline policies, and ecsforge"
                    + " keeps " + TaskPolicySchema.RESERVED + " for its own; allowed: up to "
                    + (TaskPolicySchema.INLINE_POLICY_LIMIT - TaskPolicySchema.RESERVED) + ", with fewer or wildcard ARNs");
        }
        List<ServiceConfig.EgressRule> egress = EgressSchema.read(s);
        s.rejectUnknownKeys();
        return new ServiceConfig(containerName, port, cpu, memory, architecture, desired, healthPath, grace, tag, environment,
                secrets, autoscaling, retention, readonlyRoot, taskPolicy, egress, kmsKey);
    }

    /** Secrets by name, each an SSM parameter or Secrets Manager ARN, none also a plain variable. */
    private static Map<String, String> secrets(Section s, Map<String, String> environment) {
        Map<String, String> secrets = s.stringMap(SECRETS);
        secrets.forEach((name, arn) -> {
            String path = SECRETS.name() + "." + name;
            Format.ENV_VAR.check(s, path, name);
            if (!Format.SECRET_ARN.matches(arn)) {
                s.problem(path, "\"" + arn + "\" is not an SSM parameter or Secrets Manager ARN; allowed: "
                        + Format.SECRET_ARN.allowed());
            }
            if (environment.containsKey(name)) {
                s.problem(path, "is also set in " + ENVIRONMENT.path() + "; allowed: a name in one of the two,"
                        + " as a plain value or as a secret");
            }
        });
        return secrets;
    }
}
