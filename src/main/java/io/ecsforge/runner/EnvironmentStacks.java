package io.ecsforge.runner;

import io.ecsforge.UserError;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One environment's stacks, {@code <app>-<env>-*}, in dependency order, and the backend each
 * really uses.
 *
 * <p>The state stack, {@code <app>-<env>-state}, is synthesized with a local backend because it
 * creates the bucket. Once {@code bootstrap} has moved its state into that bucket, every command
 * runs it with an S3 backend override: the other stacks' S3 backend with its own key.
 *
 * @param prefix {@code <app>-<env>-}
 * @param stacks the stacks, each after every stack it depends on
 * @param backendOverrides the S3 backend written beside a stack's JSON as an override, by stack
 *     name (the state stack's, when the environment keeps its state in S3)
 */
public record EnvironmentStacks(String prefix, List<Stack> stacks, Map<String, Backend> backendOverrides) {
    /** The state stack's part of the name, and of its state key. */
    public static final String STATE_PART = "state";

    public EnvironmentStacks {
        stacks = List.copyOf(stacks);
        backendOverrides = Map.copyOf(backendOverrides);
    }

    /** The environment {@code env} in the manifest. */
    public static EnvironmentStacks of(StackManifest manifest, String env) {
        String prefix = manifest.environmentPrefix(env);
        List<Stack> stacks = manifest.environment(prefix);
        Stack state = manifest.stack(prefix, STATE_PART);
        Map<String, Backend> overrides = new LinkedHashMap<>();
        stateStackS3Backend(prefix, stacks, state).ifPresent(backend -> overrides.put(state.name(), backend));
        return new EnvironmentStacks(prefix, stacks, overrides);
    }

    /**
     * The S3 backend of the first other stack that has one, with the state stack's key: the same
     * bucket, region, encryption and locking, so it cannot drift from theirs. Keys are
     * {@code .../<part>.tfstate}; the state stack's is {@code .../state.tfstate}.
     */
    static Optional<Backend> stateStackS3Backend(String prefix, List<Stack> stacks, Stack state) {
        if (state.backend().isS3()) {
            return Optional.empty();
        }
        for (Stack stack : stacks) {
            Backend backend = stack.backend();
            if (stack == state || !backend.isS3()) {
                continue;
            }
            String part = stack.name().substring(prefix.length());
            String suffix = part + ".tfstate";
            if (!backend.key().endsWith(suffix)) {
                throw new UserError(stack.stackJson() + ": S3 backend key " + backend.key() + " does not end in "
                        + suffix + ", so the state stack's key cannot be derived from it");
            }
            Map<String, Object> settings = new LinkedHashMap<>(backend.settings());
            String key = backend.key();
            settings.put("key", key.substring(0, key.length() - suffix.length()) + STATE_PART + ".tfstate");
            return Optional.of(new Backend("s3", settings));
        }
        return Optional.empty();
    }

    public Stack stateStack() {
        return stack(STATE_PART);
    }

    /** A stack by its full name or the part after the prefix ({@code network}). */
    public Stack stack(String nameOrPart) {
        for (Stack stack : stacks) {
            if (stack.name().equals(nameOrPart) || stack.name().equals(prefix + nameOrPart)) {
                return stack;
            }
        }
        throw new UserError("--stack " + nameOrPart + ": no such stack; the stacks are "
                + String.join(", ", stacks.stream().map(Stack::name).toList()));
    }

    /** The stack and every stack that depends on it, dependents first: the order to destroy them. */
    public List<Stack> withDependentsInDestroyOrder(Stack target) {
        return StackManifest.withDependentsInDestroyOrder(stacks, target);
    }

    /** The backend Terraform really uses for the stack: its override, else what its JSON says. */
    public Backend effectiveBackend(Stack stack) {
        Backend override = backendOverrides.get(stack.name());
        return override != null ? override : stack.backend();
    }
}
