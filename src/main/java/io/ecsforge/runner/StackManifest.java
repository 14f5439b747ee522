package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.UserError;
import io.ecsforge.stacks.EnvironmentNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The stacks of a synthesized {@code cdktf.out}, read from its {@code manifest.json}, and the
 * order they must run in.
 */
public final class StackManifest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path manifestFile;
    private final Map<String, Stack> stacks;

    private StackManifest(Path manifestFile, Map<String, Stack> stacks) {
        this.manifestFile = manifestFile;
        this.stacks = stacks;
    }

    /**
     * Reads {@code outDir/manifest.json}.
     *
     * @throws UserError when it is missing or not a cdktf manifest
     */
    public static StackManifest read(Path outDir) {
        Path file = outDir.resolve("manifest.json").toAbsolutePath();
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + " does not exist; run 'ecsforge synth --env <env>' first");
        }
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserError(file + ": not valid JSON (" + e.getMessage() + "); run 'ecsforge synth' again");
        }
        JsonNode stackNodes = root.path("stacks");
        if (!stackNodes.isObject()) {
            throw new UserError(file + ": has no \"stacks\" object; it is not a cdktf manifest");
        }
        Path base = file.getParent();
        Map<String, Stack> stacks = new LinkedHashMap<>();
        stackNodes.properties().forEach(entry -> {
            JsonNode node = entry.getValue();
            String workingDirectory = node.path("workingDirectory").asText(null);
            String synthesized = node.path("synthesizedStackPath").asText(null);
            if (workingDirectory == null || synthesized == null) {
                throw new UserError(file + ": stacks." + entry.getKey()
                        + " lacks workingDirectory or synthesizedStackPath; run 'ecsforge synth' again");
            }
            List<String> dependencies = new ArrayList<>();
            node.path("dependencies").forEach(dependency -> dependencies.add(dependency.asText()));
            stacks.put(entry.getKey(), new Stack(entry.getKey(), base.resolve(workingDirectory).normalize(),
                    base.resolve(synthesized).normalize(), dependencies));
        });
        for (Stack stack : stacks.values()) {
            for (String dependency : stack.dependencies()) {
                if (!stacks.containsKey(dependency)) {
                    throw new UserError(file + ": stack " + stack.name() + " depends on " + dependency
                            + ", which the manifest does not list; run 'ecsforge synth' again");
                }
            }
        }
        return new StackManifest(file, stacks);
    }

    /**
     * One stack by its full name.
     *
     * @throws UserError when the manifest does not list it
     */
    public Stack stack(String prefix, String part) {
        Stack stack = stacks.get(prefix + part);
        if (stack == null) {
            throw new UserError(manifestFile + ": no stack named " + prefix + part + "; stacks there: "
                    + String.join(", ", stacks.keySet()));
        }
        return stack;
    }

    /**
     * The stack-name prefix {@code <app>-<env>-} of an environment: every environment has a
     * state stack named {@code <app>-<env>-state}.
     *
     * @throws UserError when the manifest has no state stack for {@code env}, or several
     */
    public String environmentPrefix(String env) {
        String envPrefix = "-" + env + "-";
        List<String> stateStacks = stacks.keySet().stream()
                .filter(name -> EnvironmentNames.stackPrefixOfStateStack(name).filter(prefix -> prefix.endsWith(envPrefix)).isPresent())
                .toList();
        if (stateStacks.size() != 1) {
            throw new UserError(manifestFile + ": expected one stack named <app>-" + env + "-state for --env "
                    + env + ", found " + (stateStacks.isEmpty() ? "none" : String.join(", ", stateStacks))
                    + "; stacks there: " + String.join(", ", stacks.keySet())
                    + "; run 'ecsforge synth --env " + env + "' first");
        }
        return EnvironmentNames.stackPrefixOfStateStack(stateStacks.get(0)).orElseThrow();
    }

    /** The manifest file this was read from. */
    public Path file() {
        return manifestFile;
    }

    /**
     * The stacks whose names start with {@code prefix} ({@code <app>-<env>-}), each after every
     * stack it depends on. Ties keep the manifest's order, so the order is stable.
     *
     * @throws UserError when no stack has the prefix, or the dependencies form a cycle
     */
    public List<Stack> environment(String prefix) {
        List<Stack> selected = stacks.values().stream().filter(stack -> stack.name().startsWith(prefix)).toList();
        if (selected.isEmpty()) {
            throw new UserError(manifestFile + ": no stack is named " + prefix + "*; stacks there: "
                    + String.join(", ", stacks.keySet()) + "; run 'ecsforge synth' for that environment first");
        }
        return dependencyOrder(selected);
    }

    /**
     * The stack and every stack of the environment that depends on it, directly or not, in the
     * order they must be destroyed: dependents first.
     */
    public static List<Stack> withDependentsInDestroyOrder(List<Stack> environment, Stack target) {
        Set<String> affected = new LinkedHashSet<>();
        affected.add(target.name());
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Stack stack : environment) {
                if (!affected.contains(stack.name()) && stack.dependencies().stream().anyMatch(affected::contains)) {
                    affected.add(stack.name());
                    grew = true;
                }
            }
        }
        List<Stack> order = new ArrayList<>(environment.stream().filter(s -> affected.contains(s.name())).toList());
        Collections.reverse(order);
        return order;
    }

    /**
     * Kahn's algorithm; dependencies outside {@code selected} (another environment's stacks) are
     * taken as already in place.
     */
    static List<Stack> dependencyOrder(List<Stack> selected) {
        Map<String, Stack> byName = new LinkedHashMap<>();
        selected.forEach(stack -> byName.put(stack.name(), stack));
        List<Stack> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (ordered.size() < selected.size()) {
            Stack next = null;
            for (Stack stack : selected) {
                if (!placed.contains(stack.name()) && stack.dependencies().stream()
                        .allMatch(dependency -> placed.contains(dependency) || !byName.containsKey(dependency))) {
                    next = stack;
                    break;
                }
            }
            if (next == null) {
                Set<String> cycle = new TreeSet<>(byName.keySet());
                cycle.removeAll(placed);
                throw new UserError("the stacks " + String.join(", ", cycle)
                        + " depend on each other in a cycle; a stack cannot depend on a stack that depends on it");
            }
            ordered.add(next);
            placed.add(next.name());
        }
        return List.copyOf(ordered);
    }
}
