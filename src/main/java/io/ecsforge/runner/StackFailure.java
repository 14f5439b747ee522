package io.ecsforge.runner;

import java.util.List;

/**
 * A stack's Terraform command failed, or a saved plan cannot be applied. The run stops; the CLI
 * prints {@link #report()} and exits with code 1.
 */
public final class StackFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String stack;
    private final String command;
    private final List<String> errorLines;

    public StackFailure(String stack, String command, String reason, List<String> errorLines) {
        super("stack " + stack + " failed: " + command + ": " + reason);
        this.stack = stack;
        this.command = command;
        this.errorLines = List.copyOf(errorLines);
    }

    public String stack() {
        return stack;
    }

    public String command() {
        return command;
    }

    /** Terraform's last error lines (already redacted), or the runner's own explanation. */
    public List<String> errorLines() {
        return errorLines;
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
