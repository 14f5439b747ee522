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

        Map<String, String> secondPlans = new LinkedHashMap<>();
        for (Path state : states.values()) {
            List<String> arguments = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-detailed-exitcode"));
            arguments.addAll(StacksAsModules.excludes(state.getParent(), EmulatedProject.motoExcludes()));
            RealProvider.Run plan = tofu.run(state.getParent(), emulator, arguments.toArray(String[]::new));
            if (plan.exitCode() != 0) {
                secondPlans.put(state.getParent().getFileName().toString(), plan.toString());
            }
        }
        assertEquals(Map.of(), secondPlans, "the stacks' own second plans change nothing applied");

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

        tofu.run(root, emulator, "plan", "-input=false", "-no-color", "-out=plan.out").succeeded();
        JsonNode plan = JSON.readTree(tofu.run(root, "show", "-json", "plan.out").succeeded().stdout());
        Set<String> created = new TreeSet<>();
        List<String> otherChanges = new ArrayList<>();
        for (JsonNode change : plan.path("resource_changes")) {
            List<String> actions = new ArrayList<>();
            change.path("change").path("actions").forEach(action -> actions.add(action.asText()));
            if (actions.equals(List.of("create"))) {
                created.add(change.path("address").asText());
            } else if (!actions.equals(List.of("no-op")) && !actions.equals(List.of("read"))) {
                otherChanges.add(change.path("address").asText() + " " + actions);
            }
        }
        assertEquals(List.of(), otherChanges, "changes to what was applied and moved");
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
            List<String> arguments = new ArrayList<>(List.of("plan", "-input=false", "-no-color", "-detailed-exitcode"));
            arguments.addAll(StacksAsModules.excludes(stackDir, EmulatedProject.motoExcludes()));
            RealProvider.Run stackPlan = tofu.run(stackDir, emulator, arguments.toArray(String[]::new));
            assertEquals(0, stackPlan.exitCode(), () -> "after moving back, " + state.getKey() + "'s plan:\n" + stackPlan);
        }
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
