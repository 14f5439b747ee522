package io.ecsforge.cli;

import io.ecsforge.runner.EnvironmentStacks;
import io.ecsforge.runner.Stack;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code ecsforge stacks}: the environment's stacks, their order and where their state is. */
@Command(
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the stacks were listed",
            "1:unexpected failure",
            "2:bad input: arguments or no cdktf.out for the environment",
            ExitCodes.UNEXPECTED_HELP
        },
        name = "stacks", mixinStandardHelpOptions = true,
        description = "Lists the environment's stacks in the order they are applied, what each depends on and its"
                + " backend key.")
final class StacksCommand implements Callable<Integer> {
    @ParentCommand Main main;
    @Mixin EnvironmentOptions environment;

    @Override
    public Integer call() {
        EnvironmentStacks environmentStacks = environment.stacks();
        List<Stack> stacks = environmentStacks.stacks();
        int nameWidth = Math.max("STACK".length(), stacks.stream().mapToInt(s -> s.name().length()).max().orElse(0));
        List<String> dependsOn = stacks.stream()
                .map(s -> s.dependencies().isEmpty() ? "-" : String.join(",", s.dependencies())).toList();
        int dependsWidth = Math.max("DEPENDS ON".length(), dependsOn.stream().mapToInt(String::length).max().orElse(0));
        String format = "%-5s  %-" + nameWidth + "s  %-" + dependsWidth + "s  %s%n";
        PrintWriter out = main.out();
        out.printf(format, "ORDER", "STACK", "DEPENDS ON", "BACKEND");
        for (int i = 0; i < stacks.size(); i++) {
            out.printf(format, i + 1, stacks.get(i).name(), dependsOn.get(i), stacks.get(i).backend().location());
        }
        out.flush();
        return ExitCodes.OK;
    }
}
