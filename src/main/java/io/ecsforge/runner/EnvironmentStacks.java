package io.ecsforge.runner;

import io.ecsforge.UserError;
import io.ecsforge.stacks.EnvironmentNames;
import java.util.List;

/**
 * One environment's stacks, {@code <app>-<env>-*}, in dependency order.
 *
 * @param prefix {@code <app>-<env>-}
 * @param stacks the stacks, each after every stack it depends on
 */
public record EnvironmentStacks(String prefix, List<Stack> stacks) {
    public EnvironmentStacks {
        stacks = List.copyOf(stacks);
    }

    /** The environment {@code env} in the manifest. */
    public static EnvironmentStacks of(StackManifest manifest, String env) {
        String prefix = manifest.environmentPrefix(env);
        return new EnvironmentStacks(prefix, manifest.environment(prefix));
    }

    public Stack stateStack() {
        return stack(EnvironmentNames.STATE);
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
}
