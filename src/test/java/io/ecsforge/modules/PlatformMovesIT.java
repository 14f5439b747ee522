package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.ModuleInputs;
import io.ecsforge.testing.EmulatedProject;
import io.ecsforge.testing.MotoServer;
import io.ecsforge.testing.Processes;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Repo;
import io.ecsforge.testing.StacksAsModules;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Day two of moving to the modules: dev's stacks applied on moto by OpenTofu, each with its own
 * state; the script {@code ecsforge modules --moves dev --binary tofu} prints, run as documented,
 * moves every resource into the state of a configuration that calls {@code modules/ecs-platform}
 * as {@code ecsforge modules --inputs dev} prints it; and that configuration's plan changes
 * nothing that was applied. Moved back with {@code --back}, each stack's plan changes nothing.
 * (Nothing but what the stacks' own second plans change on moto, which keeps a few values it is
 * given only in part: that is the baseline both are held to.)
 *
 * <p>Moto cannot make what {@code scripts/lib/moto-excludes.txt} lists, so those resources (and
 * what depends on them) are left out of the applies with {@code -exclude}, as the lifecycle test
 * leaves them out; their moves are left out of the script, and the platform's plan must create
 * exactly them, at the addresses the moves give, and change nothing else. What moto does not
 * check is whether AWS would accept the values; what this proves is that the module's resources,
 * at the moved addresses, are planned with exactly the values the stacks applied, which decides
 * whether a real move recreates anything.
 */
class PlatformMovesIT {
    @RegisterExtension static final MotoServer MOTO = MotoServer.forPlatform("123456789012");

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir Path work;

    @Test
    void devsStacksMovedIntoThePlatformModuleAndBackWithTheMovesScriptsPlanNoChangeToWhatWasApplied() throws IOException {
        RealProvider.Binary tofu = RealProvider.tofu();
        Synthesized synthesized = Synthesized.examples();
        ObjectNode provider = PlatformModuleMatchesStacksIT.provider((ObjectNode) synthesized.stack("webapp-dev-network"), MOTO);
        Map<String, String> emulator = PlatformModuleMatchesStacksIT.at(MOTO);
        Path stacksRoot = Files.createDirectories(work.resolve("stacks"));
        Map<String, String> parts = StacksAsModules.write(synthesized, "webapp", "dev", stacksRoot, provider);
        Map<String, Path> states = StacksAsModules.applySeparately(tofu, emulator, stacksRoot, parts, provider,
                EmulatedProject.motoExcludes());

        // Moto keeps some values it is given only in part (a rule's description, a service's grace
        // period), so a stack's second plan on it is not empty: what it changes is the baseline that
        // the platform's plan after the moves, and each stack's after moving back, are held to.
        Map<String, String> drift = new TreeMap<>();
        for (Map.Entry<String, Path> state : states.entrySet()) {
            changes(tofu, state.getValue().getParent(), emulator).forEach((address, change) ->
                    drift.put(state.getKey() + " " + address, change));
        }

        Path root = Files.createDirectories(work.resolve("platform"));
        Repo.copyModules(root.resolve("modules"));
        Files.writeString(root.resolve("main.tf"),
                PlatformModule.call("./modules/" + PlatformModule.NAME, ModuleInputs.of(Repo.config(), "dev")));
        Files.writeString(root.resolve("provider.tf.json"), JSON.writeValueAsString(provider));
        tofu.run(root, "init", "-input=false", "-no-color").succeeded();
        Set<String> applied = new HashSet<>();
        for (Map.Entry<String, Path> state : states.entrySet()) {
            Files.copy(state.getValue(), root.resolve(state.getKey() + ".tfstate"));
            applied.addAll(managed(state.getValue(), state.getKey()));
        }
        Map<String, JsonNode> stacks = new LinkedHashMap<>();
        parts.forEach((stackName, part) -> stacks.put(part, synthesized.stack(stackName)));
        List<StateMoves.Move> moves = StateMoves.of(stacks, BuiltModules.documents());
        List<StateMoves.Move> possible = moves.stream().filter(m -> applied.contains(m.stack() + " " + m.from())).toList();
        Set<String> notApplied = new TreeSet<>();
        moves.stream().filter(m -> !possible.contains(m)).forEach(m -> notApplied.add(m.to()));
        assertEquals(applied.size(), possible.size(), () -> "every applied resource has a move: " + applied);
        Path script = Files.writeString(root.resolve("moves.sh"), StateMoves.script("webapp-dev-", possible, "tofu", false));

        Map<String, String> environment = new LinkedHashMap<>(tofu.environment());
        environment.put("PATH", tofu.path().getParent() + ":" + System.getenv("PATH"));
        Processes.Finished moved = Processes.run(List.of("sh", script.toString()), root, environment, Duration.ofMinutes(10));
        assertEquals(0, moved.exitCode(), () -> "moves.sh\nstdout:\n" + moved.stdout() + "\nstderr:\n" + moved.stderr());
        for (String part : states.keySet()) {
            assertEquals(List.of(), new ArrayList<>(managed(root.resolve(part + ".tfstate"), part)),
                    "resources the script left in " + part + ".tfstate");
        }
        tofu.run(root, "state", "push", "platform.tfstate").succeeded();

        Map<String, String> stackAddress = new LinkedHashMap<>();
        moves.forEach(move -> stackAddress.put(move.to(), move.stack() + " " + move.from()));
        Set<String> created = new TreeSet<>();
        Map<String, String> changed = new TreeMap<>();
        changes(tofu, root, emulator).forEach((address, change) -> {
            if (change.equals("[create]")) {
                created.add(address);
            } else {
                changed.put(stackAddress.getOrDefault(address, address), change);
            }
        });
        assertEquals(drift, changed, "the changes to what was applied and moved: the stacks' own second plans' on moto");
        assertEquals(notApplied, created, "the platform creates exactly what moto could not make");
        assertTrue(possible.size() > 40, () -> "moved " + possible.size() + " resources");

        // And back: the platform's state pulled, the script with --back, each stack's state pushed.
        Files.writeString(root.resolve("platform.tfstate"), tofu.run(root, "state", "pull").succeeded().stdout());
        for (String part : states.keySet()) {
            Files.delete(root.resolve(part + ".tfstate"));
        }
        Path back = Files.writeString(root.resolve("back.sh"), StateMoves.script("webapp-dev-", possible, "tofu", true));
        Processes.Finished movedBack = Processes.run(List.of("sh", back.toString()), root, environment, Duration.ofMinutes(10));
        assertEquals(0, movedBack.exitCode(), () -> "back.sh\nstdout:\n" + movedBack.stdout() + "\nstderr:\n" + movedBack.stderr());
        for (Map.Entry<String, Path> state : states.entrySet()) {
            Path stackDir = state.getValue().getParent();
            Files.delete(state.getValue());
            Files.copy(root.resolve(state.getKey() + ".tfstate"), state.getValue());
            Map<String, String> stackDrift = new TreeMap<>();
            drift.forEach((address, change) -> {
                if (address.startsWith(state.getKey() + " ")) {
                    stackDrift.put(address.substring(state.getKey().length() + 1), change);
                }
            });
            assertEquals(stackDrift, changes(tofu, stackDir, emulator), "after moving back, " + state.getKey() + "'s changes");
        }
    }

    /**
     * What a plan in {@code dir} changes, moto's exclusions left out: each change but no-ops and
     * reads, as its actions and the attributes whose values change
     * ({@code [update] description, health_check_grace_period_seconds}), by address.
     */
    private static Map<String, String> changes(RealProvider.Binary tofu, Path dir, Map<String, String> emulator)
            throws IOException {
        List<String> arguments = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-out=changes.plan"));
        if (Files.exists(dir.resolve("main.tf.json"))) {
            arguments.addAll(StacksAsModules.excludes(dir, EmulatedProject.motoExcludes()));
        }
        tofu.run(dir, emulator, arguments.toArray(String[]::new)).succeeded();
        JsonNode plan = JSON.readTree(tofu.run(dir, "show", "-json", "changes.plan").succeeded().stdout());
        Map<String, String> changes = new TreeMap<>();
        for (JsonNode change : plan.path("resource_changes")) {
            List<String> actions = new ArrayList<>();
            change.path("change").path("actions").forEach(action -> actions.add(action.asText()));
            if (actions.equals(List.of("no-op")) || actions.equals(List.of("read"))) {
                continue;
            }
            String described = actions.toString();
            if (!actions.equals(List.of("create"))) {
                Set<String> attributes = new TreeSet<>();
                JsonNode before = change.path("change").path("before");
                JsonNode after = change.path("change").path("after");
                before.fieldNames().forEachRemaining(attributes::add);
                after.fieldNames().forEachRemaining(attributes::add);
                attributes.removeIf(name -> before.path(name).equals(after.path(name)));
                described += " " + String.join(", ", attributes);
            }
            changes.put(change.path("address").asText(), described);
        }
        return changes;
    }

    /** The managed resources in a state file, as {@code <part> <type>.<name>}. */
    private static Set<String> managed(Path state, String part) throws IOException {
        Set<String> addresses = new TreeSet<>();
        for (JsonNode resource : JSON.readTree(state.toFile()).path("resources")) {
            if (resource.path("mode").asText().equals("managed") && resource.path("instances").size() > 0) {
                addresses.add(part + " " + resource.path("type").asText() + "." + resource.path("name").asText());
            }
        }
        return addresses;
    }
}
