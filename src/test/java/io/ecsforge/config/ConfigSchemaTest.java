package io.ecsforge.config;

import static io.ecsforge.config.Yaml.MINIMAL;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.UserError;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The schema declarations and the loader agree: every key a file can hold is declared, the loader
 * reads exactly the declared keys of each section, and each declared default is what it takes.
 */
class ConfigSchemaTest {
    /** A file that sets every key ecsforge knows, each to a value other than its default where it can. */
    private static final String EVERY_KEY = """
            app: webapp
            environment: dev
            aws: {region: us-east-1, accountId: "123456789012", assumeRoleArn: "arn:aws:iam::123456789012:role/admin",
                  providerVersion: "~> 5.100"}
            state: {backend: s3, bucket: webapp-tfstate, region: us-west-2, lock: both, dynamodbTable: webapp-tflock,
                    accessLogs: {bucket: webapp-logs, prefix: state/}, eventBridge: true}
            network: {cidr: 10.1.0.0/16, azCount: 1, natGateways: one-per-az, flowLogs: false, flowLogRetentionDays: 30,
                      flowLogKmsKey: state, vpcEndpoints: true, publicSubnets: [10.1.0.0/20], privateSubnets: [10.1.128.0/20],
                      availabilityZones: [us-east-1b]}
            registry: {repositoryName: web, keepImages: 10, untaggedExpiryDays: 3}
            github: {repository: my-org/webapp, branch: release, createOidcProvider: true}
            cluster: {containerInsights: false, executeCommand: true, fargateSpotWeight: 3}
            service:
              containerName: web
              containerPort: 8080
              cpu: 512
              memory: 1024
              cpuArchitecture: ARM64
              desiredCount: 3
              healthCheckPath: /ready
              healthCheckGracePeriodSeconds: 30
              imageTag: first
              environment: {LOG_LEVEL: info}
              secrets: {DB_PASSWORD: "arn:aws:ssm:us-east-1:123456789012:parameter/db"}
              autoscaling: {enabled: true, min: 1, max: 4, cpuTarget: 60}
              logRetentionDays: 14
              logKmsKey: "arn:aws:kms:us-east-1:123456789012:key/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"
              readonlyRootFilesystem: false
              taskPolicy:
                - {actions: [s3:GetObject], resources: ["arn:aws:s3:::web/*"]}
              egress:
                - {port: 5432, toPort: 5433, protocol: tcp, cidr: 10.0.0.0/16, description: the database}
                - {port: 443, prefixListId: pl-0123abcd}
                - {port: 6379, securityGroupId: sg-0123abcd}
            loadBalancer: {certificateArn: "arn:aws:acm:us-east-1:123456789012:certificate/abc", allowedCidrs: [10.0.0.0/8],
                           testListenerPort: 9443, testListenerCidrs: [198.51.100.0/24], deletionProtection: true,
                           sslPolicy: ELBSecurityPolicy-FS-1-2-Res-2020-10, idleTimeoutSeconds: 30,
                           accessLogs: {bucket: webapp-logs, prefix: alb}, waf: none,
                           wafWebAclArn: "arn:aws:wafv2:us-east-1:123456789012:regional/webacl/web/0f1e2d3c"}
            deployment:
              strategy: linear
              percent: 10
              intervalMinutes: 5
              terminateBlueAfterMinutes: 15
              alarms: {http5xxPercent: 2, unhealthyHosts: 2, p99LatencySeconds: 1.5, periodSeconds: 120, evaluationPeriods: 2}
            tags: {Team: platform}
            """;

    /** Declared keys whose values are the user's own names (tags, variables): their entries are not keys. */
    private static final Set<String> USER_NAMED = Set.of("tags", "service.environment", "service.secrets");

    @Test
    void everyKeyOfAFileThatSetsThemAllIsDeclaredAndEveryDeclarationIsSuchAKey() throws IOException {
        ConfigLoader.parse("config/dev.yaml", EVERY_KEY, "dev");
        Set<String> declared = new TreeSet<>(Schema.keys().stream().map(Key::path).toList());

        assertEquals(declared, paths(EVERY_KEY));
        assertEquals(96, declared.size(), "declared keys");
    }

    @Test
    void everyKeyOfTheExampleEnvironmentsIsDeclared() throws IOException {
        Set<String> declared = new TreeSet<>(Schema.keys().stream().map(Key::path).toList());
        for (String env : List.of("dev", "prod")) {
            Set<String> used = paths(Files.readString(Repo.config().resolve(env + ".yaml")));
            used.removeAll(declared);
            assertEquals(Set.of(), used, "keys of config/" + env + ".yaml with no declaration");
        }
    }

    @Test
    void loaderReadsExactlyTheDeclaredKeysOfEachSectionInOrder() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("", "zzzzzz: 1\n");
        sections.put("aws", "aws: {region: us-east-1, zzzzzz: 1}\n");
        sections.put("state", "state: {bucket: webapp-tfstate, zzzzzz: 1}\n");
        sections.put("state.accessLogs", "state: {bucket: webapp-tfstate, accessLogs: {bucket: webapp-logs, zzzzzz: 1}}\n");
        sections.put("network", "network: {zzzzzz: 1}\n");
        sections.put("registry", "registry: {zzzzzz: 1}\n");
        sections.put("github", "github: {repository: my-org/webapp, zzzzzz: 1}\n");
        sections.put("cluster", "cluster: {zzzzzz: 1}\n");
        sections.put("service", "service: {zzzzzz: 1}\n");
        sections.put("service.autoscaling", "service: {autoscaling: {zzzzzz: 1}}\n");
        sections.put("service.taskPolicy[]", "service: {taskPolicy: [{actions: [s3:GetObject], resources: [\"arn:aws:s3:::b\"],"
                + " zzzzzz: 1}]}\n");
        sections.put("service.egress[]", "service: {egress: [{port: 5432, cidr: 10.0.0.0/16, zzzzzz: 1}]}\n");
        sections.put("loadBalancer", "loadBalancer: {zzzzzz: 1}\n");
        sections.put("loadBalancer.accessLogs", "loadBalancer: {accessLogs: {bucket: webapp-logs, zzzzzz: 1}}\n");
        sections.put("deployment", "deployment: {zzzzzz: 1}\n");
        sections.put("deployment.alarms", "deployment: {alarms: {zzzzzz: 1}}\n");
        int keys = 0;
        for (Map.Entry<String, String> section : sections.entrySet()) {
            String path = section.getKey();
            String yaml = path.isEmpty() || List.of("aws", "state", "state.accessLogs", "github").contains(path)
                    ? withoutSection(path.replace(".accessLogs", "")) + section.getValue() : MINIMAL + section.getValue();
            List<String> names = Schema.keys().stream().filter(k -> k.section().equals(path)).map(Key::name).toList();
            String at = path.replace("[]", "[0]");
            UserError error = assertThrows(UserError.class, () -> ConfigLoader.parse("dev.yaml", yaml, "dev"));
            assertEquals("dev.yaml: " + (at.isEmpty() ? "" : at + ".") + "zzzzzz: unknown key; allowed keys: "
                    + String.join(", ", names), error.getMessage(), "section " + path);
            keys += names.size();
        }
        assertEquals(Schema.keys().size(), keys, "keys of the sections tried");
    }

    @Test
    void everyDeclaredDefaultIsWhatTheLoaderTakesForAMinimalFile() throws ReflectiveOperationException {
        EnvironmentConfig minimal = ConfigLoader.parse("config/dev.yaml", MINIMAL, "dev");
        int checked = 0;
        for (Key<?> key : Schema.keys()) {
            if (key.defaultValue() == null || key.section().endsWith("[]")) {
                continue;
            }
            Object expected = key.defaultValue();
            if (key == AutoscalingSchema.ENABLED) {
                assertEquals(expected, minimal.service().autoscaling().isPresent(), key.path());
            } else if (key == NetworkSchema.PUBLIC_SUBNETS || key == NetworkSchema.PRIVATE_SUBNETS) {
                // Left out, the subnets are computed from the block: the default is "none listed".
                assertEquals(List.of(), expected, key.path());
            } else {
                assertEquals(expected, valueAt(minimal, key.path()), key.path());
            }
            checked++;
        }
        assertEquals(49, checked, "keys with a fixed default");
        // The defaults that depend on another key, as their declarations say.
        assertEquals("the `app` name", RegistrySchema.REPOSITORY_NAME.defaultText());
        assertEquals(minimal.app(), minimal.registry().repositoryName());
        assertEquals(minimal.app(), minimal.service().containerName());
        assertEquals("`aws.region`", StateSchema.REGION.defaultText());
        assertEquals(minimal.aws().region(), minimal.state().region());
    }

    @Test
    void everyRequiredKeysHintIsWhatItsMessageSays() {
        Map<Key<String>, String> lines = Map.of(EnvironmentSchema.APP, "app: webapp\n", AwsSchema.REGION, "  region: us-east-1\n",
                GithubSchema.REPOSITORY, "  repository: my-org/webapp\n");
        lines.forEach((key, line) -> {
            UserError error = assertThrows(UserError.class,
                    () -> ConfigLoader.parse("dev.yaml", Yaml.minimalReplacing(line, ""), "dev"));
            assertEquals("dev.yaml: " + key.path() + ": is required; " + key.hint(), error.getMessage());
        });
    }

    /** A record component by path: {@code deployment.alarms.periodSeconds}, Optionals unwrapped, choices as enums. */
    private static Object valueAt(Object record, String path) throws ReflectiveOperationException {
        Object value = record;
        for (String part : path.split("\\.")) {
            RecordComponent component = null;
            for (RecordComponent c : value.getClass().getRecordComponents()) {
                if (c.getName().equals(part)) {
                    component = c;
                }
            }
            if (component == null) {
                throw new AssertionError(value.getClass().getSimpleName() + " has no component " + part + " for " + path);
            }
            value = component.getAccessor().invoke(value);
            if (value instanceof Optional<?> optional) {
                value = optional.orElse(null);
            }
        }
        return value;
    }

    /** {@link Yaml#MINIMAL} without the section (or top-level keys) that {@code path} gives again. */
    private static String withoutSection(String path) {
        if (path.isEmpty()) {
            return MINIMAL;
        }
        List<String> kept = new ArrayList<>();
        boolean inside = false;
        for (String line : MINIMAL.lines().toList()) {
            if (!line.startsWith(" ")) {
                inside = line.equals(path + ":");
            }
            if (!inside) {
                kept.add(line);
            }
        }
        return String.join("\n", kept) + "\n";
    }

    /** Every key path of a file; list items as {@code []}, the entries of user-named mappings left out. */
    private static Set<String> paths(String yaml) throws IOException {
        Set<String> paths = new LinkedHashSet<>();
        collect(new YAMLMapper().readTree(yaml), "", paths);
        return new TreeSet<>(paths);
    }

    private static void collect(JsonNode node, String path, Set<String> paths) {
        if (node.isObject() && !USER_NAMED.contains(path)) {
            node.fieldNames().forEachRemaining(name -> {
                String child = path.isEmpty() ? name : path + "." + name;
                paths.add(child);
                collect(node.get(name), child, paths);
            });
        } else if (node.isArray()) {
            node.forEach(item -> collect(item, path + "[]", paths));
        }
    }
}
