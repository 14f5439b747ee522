package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.config.ModuleInputs;
import io.ecsforge.testing.MotoPlans;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.StacksAsModules;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A whole environment through {@code modules/ecs-platform} is the environment's stacks: a root
 * configuration that calls the checked-in module as {@code ecsforge modules --inputs <env>} prints
 * it for {@code config/<env>.yaml} plans, with the real provider against moto, the same
 * resources with the same values as the stacks.
 *
 * <p>The stacks cannot all be planned at once as they are: each reads the others' outputs from
 * their state, which a fresh environment does not have. They are planned as one root in which
 * each stack is a local module and those reads are the other stack's module outputs
 * ({@link StacksAsModules}); apart from that, each stack's JSON is its synthesized JSON. Both are
 * planned fresh, so a value is unknown in one exactly when it is in the other, and the
 * comparison is of every change's {@code actions}, {@code after} and {@code after_unknown}.
 * Addresses are mapped as {@code ecsforge modules --moves} maps them ({@link StateMoves}):
 * {@code aws_subnet.public_0} of the network stack is
 * {@code module.platform.module.network.aws_subnet.public[0]}.
 */
class PlatformModuleMatchesStacksIT {
    @RegisterExtension static final MotoServer DEV = MotoServer.forPlatform("123456789012");
    @RegisterExtension static final MotoServer PROD = MotoServer.forPlatform("210987654321");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;

    @Test
    void devThroughThePlatformModulePlansWhatDevsStacksPlan() throws IOException {
        assertSamePlans("dev", DEV);
    }

    @Test
    void prodThroughThePlatformModulePlansWhatProdsStacksPlan() throws IOException {
        assertSamePlans("prod", PROD);
    }

    private void assertSamePlans(String env, MotoServer moto) throws IOException {
        RealProvider.Binary terraform = RealProvider.terraform();
        Synthesized synthesized = Synthesized.examples();
        ObjectNode provider = provider((ObjectNode) synthesized.stack("webapp-" + env + "-network"), moto);

        Path stacksRoot = Files.createDirectories(work.resolve("stacks-" + env));
        Map<String, String> parts = StacksAsModules.write(synthesized, "webapp", env, stacksRoot, provider);
        assertEquals(PlatformModule.MODULE_OF_STACK.keySet(), new java.util.HashSet<>(parts.values()),
                "the environment's stacks, but the state stack, each made by one of the platform's modules");

        Path platformRoot = Files.createDirectories(work.resolve("platform-" + env));
        Repo.copyModules(platformRoot.resolve("modules"));
        // What `ecsforge modules --inputs <env>` prints.
        Files.writeString(platformRoot.resolve("main.tf"),
                PlatformModule.call("./modules/" + PlatformModule.NAME, ModuleInputs.of(Repo.config(), env)));
        Files.writeString(platformRoot.resolve("provider.tf.json"), JSON.writeValueAsString(provider));

        // Prod's log groups are under the state key, which both look up by the alias the state stack makes.
        moto.kmsKeyWithAlias(new ConfigLoader(Repo.config()).load(env).aws().region(), "alias/webapp-" + env + "-state");
        Map<String, JsonNode> fromStacks = MotoPlans.changes(terraform, stacksRoot, at(moto));
        Map<String, JsonNode> fromPlatform = MotoPlans.changes(terraform, platformRoot, at(moto));
        int resources = 0;
        for (String stackName : parts.keySet()) {
            resources += synthesized.stack(stackName).path("resource").properties().stream()
                    .mapToInt(type -> type.getValue().size()).sum();
        }
        long planned = fromStacks.values().stream().filter(change -> change.path("mode").asText().equals("managed")).count();
        assertEquals(resources, planned, "every resource of the stacks is planned through " + stacksRoot);

        // The platform's address of every resource and data source of the stacks, as the moves give them.
        Map<String, JsonNode> stacks = new LinkedHashMap<>();
        parts.forEach((stackName, part) -> stacks.put(part, synthesized.stack(stackName)));
        Map<String, String> stackAddresses = new LinkedHashMap<>();
        for (StateMoves.Move move : StateMoves.addresses(stacks, BuiltModules.documents(), true)) {
            stackAddresses.put(move.to(), "module." + move.stack() + "." + move.from());
        }
        Map<String, JsonNode> mapped = new TreeMap<>();
        List<String> unmatched = new ArrayList<>();
        fromPlatform.forEach((address, change) -> {
            String stackAddress = stackAddresses.get(address);
            if (stackAddress == null) {
                unmatched.add(address);
            } else if (mapped.put(stackAddress, change) != null) {
                fail(address + " maps onto " + stackAddress + ", which another change of the platform maps onto too");
            }
        });
        List<String> onlyInStacks = fromStacks.keySet().stream().filter(a -> !mapped.containsKey(a)).sorted().toList();
        assertTrue(unmatched.isEmpty() && onlyInStacks.isEmpty(), () -> "planned only through the platform: " + unmatched
                + "\nplanned only by the stacks: " + onlyInStacks);

        List<String> differences = new ArrayList<>();
        fromStacks.forEach((address, change) -> {
            JsonNode other = mapped.get(address);
            for (String field : List.of("actions", "after", "after_unknown")) {
                JsonNode expected = change.path("change").path(field);
                JsonNode actual = other.path("change").path(field);
                if (!expected.equals(actual)) {
                    differences.add(address + " (" + other.path("address").asText() + ") " + field + ": "
                            + String.join(", ", leafDifferences("", expected, actual)));
                }
            }
        });
        assertTrue(differences.isEmpty(), () -> differences.size() + " differences, the stacks' value first:\n"
                + String.join("\n", differences));
    }

    /** The paths under which {@code expected} and {@code actual} differ, each with both values. */
    private static List<String> leafDifferences(String path, JsonNode expected, JsonNode actual) {
        List<String> found = new ArrayList<>();
        if (expected.isObject() && actual.isObject()) {
            TreeSet<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                found.addAll(leafDifferences(path + "." + name, expected.path(name), actual.path(name)));
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                found.addAll(leafDifferences(path + "[" + i + "]", expected.get(i), actual.get(i)));
            }
        } else if (!expected.equals(actual)) {
            found.add((path.isEmpty() ? "(whole)" : path.substring(1)) + " " + expected + " / " + actual);
        }
        return found;
    }

    /**
     * The provider of the stacks with moto's keys. Moto's address reaches it through
     * {@code AWS_ENDPOINT_URL} ({@link #at}), as the runner gives it to an emulated environment;
     * any request that would leave the machine goes to a closed loopback port instead and fails.
     */
    static ObjectNode provider(ObjectNode stack, MotoServer moto) {
        ObjectNode aws = (ObjectNode) stack.path("provider").path("aws").path(0).deepCopy();
        aws.put("access_key", MotoServer.ACCESS_KEY_ID);
        aws.put("secret_key", MotoServer.SECRET_ACCESS_KEY);
        aws.put("skip_credentials_validation", true);
        aws.put("skip_metadata_api_check", "true");
        aws.put("skip_region_validation", true);
        aws.put("s3_use_path_style", true);
        aws.put("https_proxy", "http://127.0.0.1:9");
        aws.put("no_proxy", "localhost,127.0.0.1,::1");
        ObjectNode provider = JSON.createObjectNode();
        provider.putObject("provider").putArray("aws").add(aws);
        return provider;
    }

    /** The environment that sends the provider to {@code moto}. */
    static Map<String, String> at(MotoServer moto) {
        return Map.of("AWS_ENDPOINT_URL", moto.endpoint().toString());
    }

}
