package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.stacks.EnvironmentNames.Role;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every physical name and state key the example stacks use comes from {@link EnvironmentNames}. */
class EnvironmentNamesTest {
    /** The parts of an environment's stacks, in the order Platform adds them. */
    private static final List<String> PARTS = List.of(EnvironmentNames.STATE, EnvironmentNames.NETWORK, EnvironmentNames.REGISTRY,
            EnvironmentNames.ACCESS, EnvironmentNames.CLUSTER, EnvironmentNames.SERVICE, EnvironmentNames.DELIVERY);
    /**
     * Attributes that hold a name, but one AWS gives: the CloudWatch metric an alarm watches, the
     * AWS service a VPC endpoint reaches.
     */
    private static final Set<String> NAMES_OF_AWS = Set.of("metric_name", "service_name");

    private static EnvironmentConfig example(String env) {
        return new ConfigLoader(Repo.config()).load(env);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void everyNameTheStacksGiveAResourceComesFromTheModel(String env) {
        EnvironmentConfig config = example(env);
        Set<String> produced = everyName(config);
        List<String> strays = new ArrayList<>();
        for (String stack : Synthesized.examples().stacks().get(env)) {
            JsonNode resources = Synthesized.examples().stack(stack).path("resource");
            resources.properties().forEach(type -> type.getValue().properties().forEach(resource -> {
                JsonNode body = resource.getValue();
                body.properties().forEach(attribute -> {
                    String key = attribute.getKey();
                    boolean isName = key.equals("name") || key.equals("family") || key.equals("bucket")
                            || (key.endsWith("_name") && !NAMES_OF_AWS.contains(key));
                    check(isName ? attribute.getValue() : null, produced, stack, type.getKey() + "." + resource.getKey() + "." + key, strays);
                });
                check(body.path("tags").get("Name"), produced, stack, type.getKey() + "." + resource.getKey() + ".tags.Name", strays);
            }));
        }
        assertTrue(strays.isEmpty(), () -> "names not made by EnvironmentNames: " + strays + "\nthe model makes: " + produced);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"dev", "prod"})
    void stacksAndTheirStateKeysAreNamedByTheModel(String env) {
        EnvironmentNames names = EnvironmentNames.of(example(env));
        assertEquals(PARTS.stream().map(names::stack).toList(), Synthesized.examples().stacks().get(env));
        for (String part : PARTS) {
            JsonNode backend = Synthesized.examples().stack(names.stack(part)).path("terraform").path("backend").path("s3");
            assertEquals(names.stateKey(part), backend.path("key").asText(), () -> names.stack(part) + " backend: " + backend);
            assertEquals(names.stateBucket(), backend.path("bucket").asText(), () -> names.stack(part) + " backend: " + backend);
        }
    }

    @Test
    void stackNamesAndStateKeysFollowAppEnvironmentAndPart() {
        EnvironmentNames dev = EnvironmentNames.of(example("dev"));
        assertEquals("webapp-dev-network", dev.stack(EnvironmentNames.NETWORK));
        assertEquals("webapp/dev/network.tfstate", dev.stateKey(EnvironmentNames.NETWORK));
        assertEquals("webapp/dev/", dev.statePrefix());
    }

    @Test
    void theRunnerFindsTheStackPrefixFromTheStateStacksNameAlone() {
        EnvironmentNames prod = EnvironmentNames.of(example("prod"));
        assertEquals(Optional.of(prod.stackPrefix()), EnvironmentNames.stackPrefixOfStateStack(prod.stack(EnvironmentNames.STATE)));
        assertEquals(Optional.empty(), EnvironmentNames.stackPrefixOfStateStack(prod.stack(EnvironmentNames.NETWORK)));
        assertEquals(Optional.empty(), EnvironmentNames.stackPrefixOfStateStack("webapp-prod-nostate"));
    }

    @Test
    void rolesAreNamedAfterTheEnvironmentAndWhatTheyAreFor() {
        EnvironmentNames dev = EnvironmentNames.of(example("dev"));
        assertEquals(List.of("webapp-dev-execution", "webapp-dev-task", "webapp-dev-codedeploy", "webapp-dev-github-release",
                        "webapp-dev-github-infra", "webapp-dev-github-plan", "webapp-dev-vpc-flow-logs"),
                Stream.of(Role.values()).map(dev::role).toList());
    }

    @Test
    void releaseAlarmsWatchLatencyOnlyWhereConfigured() {
        assertEquals(List.of("webapp-dev-green-5xx", "webapp-dev-green-unhealthy-hosts"),
                EnvironmentNames.of(example("dev")).releaseAlarms(EnvironmentNames.GREEN));
        assertEquals(List.of("webapp-prod-blue-5xx", "webapp-prod-blue-unhealthy-hosts", "webapp-prod-blue-p99-latency"),
                EnvironmentNames.of(example("prod")).releaseAlarms(EnvironmentNames.BLUE));
    }

    /** Every name the model makes for {@code config}. */
    private static Set<String> everyName(EnvironmentConfig config) {
        EnvironmentNames names = EnvironmentNames.of(config);
        Set<String> all = new TreeSet<>(List.of(names.vpc(), names.publicRouteTable(), names.vpcEndpointsSecurityGroup(),
                names.flowLogGroup(), names.repository(), names.cluster(), names.execLogGroup(), names.service(),
                names.cpuScalingPolicy(), names.serviceLogGroup(), names.taskDefinitionFamily(), names.serviceSecurityGroup(),
                names.loadBalancer(), names.loadBalancerSecurityGroup(), names.codeDeployApplication(), names.deploymentGroup(),
                names.stateBucket(), names.stateKmsAlias(), names.vpcEndpoint("s3"), names.services().webAcl(),
                names.webAclLogGroup()));
        names.lockTable().ifPresent(all::add);
        names.deploymentConfig().ifPresent(all::add);
        VpcNetwork.INTERFACE_ENDPOINTS.forEach(service -> all.add(names.vpcEndpoint(service)));
        for (int zone = 0; zone < config.network().azCount(); zone++) {
            all.addAll(List.of(names.subnet("public", zone), names.subnet("private", zone), names.natGateway(zone)));
        }
        for (String role : EnvironmentNames.TARGET_GROUP_ROLES) {
            all.add(names.targetGroup(role));
            all.addAll(names.releaseAlarms(role));
        }
        for (Role role : Role.values()) {
            all.add(names.role(role));
            all.add(role.policyName());
        }
        return all;
    }

    private static void check(JsonNode value, Set<String> produced, String stack, String where, List<String> strays) {
        // References (${aws_s3_bucket.bucket.id}) name what another resource is called, which is checked there.
        if (value != null && value.isTextual() && !value.asText().contains("${") && !produced.contains(value.asText())) {
            strays.add(stack + ": " + where + " = " + value.asText());
        }
    }
}
