package io.ecsforge.testing;

import io.ecsforge.cli.Main;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * One run of the real CLI through {@link Main#run(String[], PrintWriter, PrintWriter, Map)} with
 * captured streams; its {@code toString} shows everything, for assertion messages.
 */
public record CliResult(List<String> args, int exitCode, String out, String err) {
    public static CliResult run(Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode;
        try (PrintWriter outWriter = new PrintWriter(out, true); PrintWriter errWriter = new PrintWriter(err, true)) {
            exitCode = Main.run(args, outWriter, errWriter, environment);
        }
        return new CliResult(List.of(args), exitCode, out.toString(), err.toString());
    }

    @Override
    public String toString() {
        return "ecsforge " + String.join(" ", args) + "\nexit code: " + exitCode + "\n--- stdout ---\n" + out
                + "--- stderr ---\n" + err + "--- end ---";
    }
}
