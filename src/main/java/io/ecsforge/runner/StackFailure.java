package io.ecsforge.runner;

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

    /** The message and the error lines, indented, ready for stderr. */
    public String report() {
        StringBuilder report = new StringBuilder(getMessage());
        for (String line : errorLines) {
            report.append(System.lineSeparator()).append("  ").append(line);
        }
        return report.toString();
    }
}
