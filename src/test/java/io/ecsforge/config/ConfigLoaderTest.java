package io.ecsforge.config;

import static io.ecsforge.config.Yaml.MINIMAL;
import static io.ecsforge.config.Yaml.minimalReplacing;
import static io.ecsforge.config.Yaml.minimalWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.UserError;
import io.ecsforge.config.DeploymentConfig.Alarms;
import io.ecsforge.config.ServiceConfig.Autoscaling;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    private static EnvironmentConfig parse(String yaml) {
        return ConfigLoader.parse("config/dev.yaml", yaml, "dev");
    }

    @Test
    void minimalConfigGetsEveryDocumentedDefault() {
        EnvironmentConfig expected = new EnvironmentConfig(
                "config/dev.yaml", "webapp", "dev",
                new AwsConfig("us-east-1", Optional.empty(), Optional.empty()),
                new StateConfig(StateConfig.Backend.S3, "webapp-tfstate", "us-east-1", StateConfig.LockMode.LOCKFILE, Optional.empty()),
                new NetworkConfig("10.0.0.0/16", 2, NetworkConfig.NatGateways.SINGLE, true, 90, false,
                        List.of("10.0.0.0/20", "10.0.16.0/20"), List.of("10.0.128.0/20", "10.0.144.0/20"), List.of()),
                new RegistryConfig("webapp", 30, 7),
                new GithubConfig("my-org/webapp", "main", false),
                new ClusterConfig(true, false, 0),
                new ServiceConfig("webapp", 3000, 256, 512, ServiceConfig.CpuArchitecture.X86_64, 2, "/health", 60, "initial",
                        Map.of(), Map.of(), Optional.of(new Autoscaling(2, 6, 70)), 30, true, List.of(), List.of()),
                new LoadBalancerConfig(Optional.empty(), List.of("0.0.0.0/0"), 8443, List.of(), false,
                        "ELBSecurityPolicy-TLS13-1-2-2021-06", 60, Optional.empty(), Optional.empty()),
                new DeploymentConfig(DeploymentConfig.Strategy.CANARY, 25, 10, 5, new Alarms(5.0, 1, Optional.empty(), 60, 2)),
                Map.of());

        assertEquals(expected, parse(MINIMAL));
    }

    @Test
    void providerVersionDefaultsToTheBindingsVersionUpToTheNextMajor() {
        assertEquals(">= 5.23.1, < 6.0.0", parse(MINIMAL).aws().providerVersion());
    }

    @Test
    void providerVersionTakesAnyTerraformVersionConstraint() {
        for (String constraint : List.of("~> 5.100", "5.100.0", "= 5.100.0", ">=5.30, <5.90, != 5.31.0", "~> 5.0.0-beta1")) {
            String yaml = minimalReplacing("  region: us-east-1\n",
                    "  region: us-east-1\n  providerVersion: \"" + constraint + "\"\n");

            assertEquals(constraint, parse(yaml).aws().providerVersion(), yaml);
        }
    }

    @Test
    void valuesAtAwsLimitsAreAccepted() {
        String taskPolicy = "service:\n  taskPolicy:\n    - actions: [s3:GetObject]\n      resources:\n"
                + java.util.stream.IntStream.range(0, 261)
                        .mapToObj(i -> String.format("        - arn:aws:s3:::webapp-uploads-%04d/*%n", i))
                        .collect(java.util.stream.Collectors.joining());
        String tags = "tags:\n" + java.util.stream.IntStream.rangeClosed(1, 46).mapToObj(i -> "  t" + i + ": v\n")
                .collect(java.util.stream.Collectors.joining());
        String alarms = "deployment:\n  intervalMinutes: 1440\n  alarms: {periodSeconds: 43200, evaluationPeriods: 2}\n";
        String yaml = minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  assumeRoleArn: arn:aws:iam::123456789012:role/"
                + "r".repeat(64) + "\n") + taskPolicy + tags + alarms + "registry:\n  repositoryName: " + "w".repeat(256) + "\n";

        EnvironmentConfig config = parse(yaml);

        assertEquals(261, config.service().taskPolicy().get(0).resources().size());
        assertEquals(46, config.tags().size());
        assertEquals(256, config.registry().repositoryName().length());
        assertEquals(9733, TaskPolicySchema.size(config.service().taskPolicy()));
    }

    @Test
    void nullMeansTheDefault() {
        String yaml = minimalWith("network: null\nservice:\n  cpu: null\n  autoscaling: {min: null}\ntags: null\n");
        assertEquals(parse(MINIMAL), parse(yaml));
    }

    @Test
    void devExampleReadsThroughWithDefaultsForWhatItLeavesOut() {
        EnvironmentConfig dev = new ConfigLoader(Repo.config()).load("dev");
        EnvironmentConfig expected = new EnvironmentConfig(
                Repo.config().resolve("dev.yaml").toString(), "webapp", "dev",
                new AwsConfig("us-east-1", Optional.of("123456789012"), Optional.empty()),
                new StateConfig(StateConfig.Backend.S3, "webapp-tfstate-123456789012", "us-east-1", StateConfig.LockMode.LOCKFILE,
                        Optional.empty()),
                new NetworkConfig("10.0.0.0/16", 2, NetworkConfig.NatGateways.SINGLE, true, 90, false,
                        List.of("10.0.0.0/20", "10.0.16.0/20"), List.of("10.0.128.0/20", "10.0.144.0/20"), List.of()),
                new RegistryConfig("webapp", 30, 7),
                new GithubConfig("my-org/webapp", "main", true),
                new ClusterConfig(true, false, 0),
                new ServiceConfig("webapp", 3000, 256, 512, ServiceConfig.CpuArchitecture.X86_64, 2, "/health", 60, "initial",
                        Map.of("LOG_LEVEL", "info"),
                        Map.of("DB_PASSWORD", "arn:aws:ssm:us-east-1:123456789012:parameter/webapp/db-password"),
                        Optional.of(new Autoscaling(2, 6, 70)), 30, true, List.of(), List.of()),
                new LoadBalancerConfig(Optional.empty(), List.of("0.0.0.0/0"), 8443, List.of(), false,
                        "ELBSecurityPolicy-TLS13-1-2-2021-06", 60, Optional.empty(), Optional.empty()),
                new DeploymentConfig(DeploymentConfig.Strategy.CANARY, 25, 10, 5, new Alarms(5.0, 1, Optional.empty(), 60, 2)),
                Map.of("Team", "platform"));

        assertEquals(expected, dev);
    }

    @Test
    void prodExampleReadsItsExplicitValuesThrough() {
        EnvironmentConfig prod = new ConfigLoader(Repo.config()).load("prod");
        EnvironmentConfig expected = new EnvironmentConfig(
                Repo.config().resolve("prod.yaml").toString(), "webapp", "prod",
                new AwsConfig("us-east-1", Optional.of("210987654321"), Optional.of("arn:aws:iam::210987654321:role/platform-admin")),
                new StateConfig(StateConfig.Backend.S3, "webapp-tfstate-210987654321", "us-east-1", StateConfig.LockMode.BOTH,
                        Optional.of("webapp-tflock"),
                        Optional.of(new StateConfig.AccessLogs("webapp-logs-210987654321", "state/prod/")), true),
                new NetworkConfig("10.20.0.0/16", 3, NetworkConfig.NatGateways.ONE_PER_AZ, true, 365, true,
                        List.of("10.20.0.0/20", "10.20.16.0/20", "10.20.32.0/20"),
                        List.of("10.20.128.0/20", "10.20.144.0/20", "10.20.160.0/20"),
                        List.of("us-east-1a", "us-east-1b", "us-east-1c"), Optional.of("state")),
                new RegistryConfig("webapp", 100, 3),
                new GithubConfig("my-org/webapp", "main", true),
                new ClusterConfig(true, false, 0),
                new ServiceConfig("webapp", 3000, 1024, 2048, ServiceConfig.CpuArchitecture.ARM64, 3, "/health", 60, "initial",
                        Map.of("LOG_LEVEL", "warn"),
                        Map.of("DB_PASSWORD", "arn:aws:secretsmanager:us-east-1:210987654321:secret:webapp/db-password-AbCdEf"),
                        Optional.of(new Autoscaling(3, 12, 60)), 365, true, List.of(), List.of(), Optional.of("state")),
                new LoadBalancerConfig(
                        Optional.of("arn:aws:acm:us-east-1:210987654321:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b"),
                        List.of("0.0.0.0/0"), 8443, List.of("203.0.113.0/24"), true, "ELBSecurityPolicy-TLS13-1-2-2021-06", 60,
                        Optional.of(new LoadBalancerConfig.AccessLogs("webapp-logs-210987654321", Optional.of("alb/prod"))),
                        Optional.empty(), LoadBalancerConfig.Waf.MANAGED),
                new DeploymentConfig(DeploymentConfig.Strategy.CANARY, 25, 10, 30, new Alarms(2.0, 1, Optional.of(1.5), 60, 2)),
                Map.of("Team", "platform", "CostCenter", "web"));

        assertEquals(expected, prod);
    }

    @Test
    void subnetsAreComputedInsideTheVpcWithoutOverlapForOneToSixZones() {
        for (String vpcText : List.of("10.0.0.0/16", "10.20.0.0/16", "172.16.0.0/20", "192.168.1.0/24")) {
            Cidr vpc = Cidr.parse(vpcText).orElseThrow();
            for (int azCount = 1; azCount <= 6; azCount++) {
                NetworkConfig network = parse(minimalWith("network:\n  cidr: " + vpcText + "\n  azCount: " + azCount + "\n")).network();
                String where = vpcText + " with " + azCount + " zone(s): public " + network.publicSubnets()
                        + ", private " + network.privateSubnets();
                assertEquals(azCount, network.publicSubnets().size(), where);
                assertEquals(azCount, network.privateSubnets().size(), where);
                List<Cidr> subnets = new ArrayList<>();
                for (String text : concat(network.publicSubnets(), network.privateSubnets())) {
                    Cidr subnet = Cidr.parse(text).orElseThrow(() -> new AssertionError("not a CIDR block: " + text + " in " + where));
                    assertTrue(vpc.contains(subnet), () -> subnet + " is outside the VPC; " + where);
                    assertEquals(vpc.prefix() + 4, subnet.prefix(), () -> "prefix of " + subnet + "; " + where);
                    for (Cidr other : subnets) {
                        assertFalse(other.overlaps(subnet), () -> subnet + " overlaps " + other + "; " + where);
                    }
                    subnets.add(subnet);
                }
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void explicitSubnetsAreKeptAsGiven() {
        NetworkConfig network = parse(minimalWith("""
                network:
                  cidr: 10.0.0.0/16
                  azCount: 2
                  publicSubnets: [10.0.0.0/24, 10.0.1.0/24]
                  privateSubnets: [10.0.64.0/18, 10.0.128.0/18]
                """)).network();
        assertEquals(List.of("10.0.0.0/24", "10.0.1.0/24"), network.publicSubnets());
        assertEquals(List.of("10.0.64.0/18", "10.0.128.0/18"), network.privateSubnets());
    }

    @Test
    void smallestVpcThatFitsComputedSubnetsIsSlash24() {
        NetworkConfig network = parse(minimalWith("network:\n  cidr: 10.0.0.0/24\n  azCount: 6\n")).network();
        assertEquals(List.of("10.0.0.128/28", "10.0.0.144/28", "10.0.0.160/28", "10.0.0.176/28", "10.0.0.192/28", "10.0.0.208/28"),
                network.privateSubnets());
    }

    @Test
    void stateRegionDefaultsToTheAwsRegionAndCanDiffer() {
        assertEquals("us-east-1", parse(MINIMAL).state().region());
        String yaml = minimalReplacing("  bucket: webapp-tfstate\n", "  bucket: webapp-tfstate\n  region: eu-west-1\n");
        assertEquals("eu-west-1", parse(yaml).state().region());
    }

    @Test
    void localBackendNeedsNoBucket() {
        StateConfig state = parse(minimalReplacing("  bucket: webapp-tfstate\n", "  backend: local\n")).state();
        assertEquals(StateConfig.Backend.LOCAL, state.backend());
        assertEquals("", state.bucket());
    }

    @Test
    void accountIdWithALeadingZeroKeepsItWhenQuoted() {
        String yaml = minimalReplacing("  region: us-east-1\n", "  region: us-east-1\n  accountId: \"012345678901\"\n");
        assertEquals(Optional.of("012345678901"), parse(yaml).aws().accountId());
    }

    @Test
    void autoscalingDisabledIsEmpty() {
        assertEquals(Optional.empty(), parse(minimalWith("service:\n  autoscaling: {enabled: false}\n")).service().autoscaling());
    }

    @Test
    void allAtOnceHasNoCanaryWindowToCheck() {
        DeploymentConfig deployment = parse(minimalWith(
                "deployment:\n  strategy: all-at-once\n  intervalMinutes: 1\n  alarms: {periodSeconds: 300}\n")).deployment();
        assertEquals(DeploymentConfig.Strategy.ALL_AT_ONCE, deployment.strategy());
    }

    @Test
    void canaryWindowOfExactlyTwoAlarmPeriodsIsEnough() {
        DeploymentConfig deployment = parse(minimalWith("deployment:\n  intervalMinutes: 2\n  alarms: {periodSeconds: 60}\n")).deployment();
        assertEquals(2, deployment.intervalMinutes());
    }

    @Test
    void testListenerTakesPublicBlocksAndBlocksThatOnlyContainAPrivateRange() {
        assertEquals(List.of("198.51.100.0/24", "0.0.0.0/0", "100.64.0.0/10"), parse(minimalWith(
                "loadBalancer:\n  testListenerCidrs: [198.51.100.0/24, 0.0.0.0/0, 100.64.0.0/10]\n")).loadBalancer()
                .testListenerCidrs());
    }

    @Test
    void testListenerMayUse443WithoutACertificate() {
        assertEquals(443, parse(minimalWith("loadBalancer:\n  testListenerPort: 443\n")).loadBalancer().testListenerPort());
    }

    @Test
    void taskPolicyWithNamedActionsAndResourcesReadsThrough() {
        ServiceConfig service = parse(minimalWith("""
                service:
                  taskPolicy:
                    - actions: [s3:GetObject, "s3:List*"]
                      resources: ["arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"]
                """)).service();
        assertEquals(List.of(new PolicyStatement(List.of("s3:GetObject", "s3:List*"),
                List.of("arn:aws:s3:::my-bucket", "arn:aws:s3:::my-bucket/*"))), service.taskPolicy());
    }

    @Test
    void everyFargateSizeIsAccepted() {
        ServiceConfig service = parse(minimalWith("service:\n  cpu: 16384\n  memory: 122880\n")).service();
        assertEquals(List.of(16384, 122880), List.of(service.cpu(), service.memory()));
    }

    @Test
    void wholeNumbersAndBooleansInEnvironmentArePassedAsText() {
        ServiceConfig service = parse(minimalWith("service:\n  environment:\n    WORKERS: 4\n    DEBUG: false\n")).service();
        assertEquals(Map.of("WORKERS", "4", "DEBUG", "false"), service.environment());
    }

    @Test
    void tagsWithSpacesAndAwsPunctuationReadThrough() {
        EnvironmentConfig config = parse(minimalWith("tags:\n  Cost Center: \"web/checkout:eu+1@team=a_b.c-d\"\n"));
        assertEquals(Map.of("Cost Center", "web/checkout:eu+1@team=a_b.c-d"), config.tags());
    }

    @Test
    void missingFileListsTheEnvironmentsAvailable(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("dev.yaml"), MINIMAL);
        Files.writeString(dir.resolve("prod.yaml"), MINIMAL);
        Files.writeString(dir.resolve("notes.txt"), "not an environment");

        UserError error = assertThrows(UserError.class, () -> new ConfigLoader(dir).load("staging"));
        assertEquals(dir.resolve("staging.yaml") + ": file not found; environments available: dev, prod (in " + dir + ")",
                error.getMessage());
    }

    @Test
    void missingConfigFolderSaysSo(@TempDir Path dir) {
        Path absent = dir.resolve("config");
        UserError error = assertThrows(UserError.class, () -> new ConfigLoader(absent).load("dev"));
        assertEquals(absent.resolve("dev.yaml") + ": file not found; environments available: none (" + absent
                + " is not a readable folder)", error.getMessage());
    }

    @Test
    void environmentNameThatCannotBeAFileIsRejectedBeforeReading(@TempDir Path dir) {
        UserError error = assertThrows(UserError.class, () -> new ConfigLoader(dir).load("../prod"));
        assertEquals("--env: \"../prod\" is not an environment name; allowed: 1 to 16 lower-case letters, digits and single dashes,"
                + " starting with a letter and not ending with a dash (the name of a file <env>.yaml in " + dir + ")", error.getMessage());
    }

    @Test
    void fileThatIsNotUtf8SaysSo(@TempDir Path dir) throws IOException {
        Files.write(dir.resolve("dev.yaml"), new byte[] {'a', 'p', 'p', ':', ' ', (byte) 0xff, '\n'});
        UserError error = assertThrows(UserError.class, () -> new ConfigLoader(dir).load("dev"));
        assertEquals(dir.resolve("dev.yaml") + ": is not UTF-8 text; save it as UTF-8", error.getMessage());
    }
}
