package io.ecsforge.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * A stack's Terraform command failed, or a saved plan cannot be applied. The run stops; the CLI
 * prints {@link #report()} and exits with code 1.
 */
public final class StackFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Terraform's last error lines (already redacted), or the runner's own explanation. */
    private final List<String> errorLines;

    public StackFailure(String stack, String command, String reason, List<String> errorLines) {
        super("stack " + stack + " failed: " + command + ": " + reason);
        this.errorLines = List.copyOf(errorLines);
    }

    private StackFailure(StackFailure first, List<String> errorLines) {
        super(first.getMessage(), first);
        this.errorLines = List.copyOf(errorLines);
    }

    /** This failure, with a last line naming the stacks run beside it that failed too. */
    StackFailure alsoFailed(List<String> stacks) {
        List<String> lines = new ArrayList<>(errorLines);
        lines.add("also failed: " + String.join(", ", stacks) + " (their lines are above)");
        return new StackFailure(this, lines);
    }

    /** The message and the error lines, indented, ready for stderr. */
    public String report() {
        StringBuilder report = new StringBuilder(getMessage());
        for (String line : errorLines) {
            report.append(System.lineSeparator()).append("  ").append(line);
        }
        return report.toString();
    }
}
