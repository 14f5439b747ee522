package io.ecsforge.cli;

import io.ecsforge.UserError;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ecsforge} command line: one subcommand class per command. */
@Command(
        name = "ecsforge",
        mixinStandardHelpOptions = true,
        version = "ecsforge 0.1.0",
        description = "Turns config/<env>.yaml into an ECS Fargate platform as Terraform stacks.",
        subcommands = {SynthCommand.class, CdktfAppCommand.class, SummarizeCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything asked for was done",
            "1:a stack or a tool failed (its last error lines are printed)",
            "2:bad input (configuration, arguments, a missing tool); nothing was changed"
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with injectable streams; returns the exit code instead of exiting. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return commandLine(out, err).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(
                (ex, commandLine, parseResult) -> {
                    if (ex instanceof UserError) {
                        commandLine.getErr().println("error: " + ex.getMessage());
                        return ExitCodes.BAD_INPUT;
                    }
                    throw ex;
                });
        cli.setParameterExceptionHandler(
                (ex, args) -> {
                    CommandLine failed = ex.getCommandLine();
                    failed.getErr().println("error: " + ex.getMessage());
                    failed.getErr().println("Run '" + failed.getCommandSpec().qualifiedName() + " --help' for usage.");
                    return ExitCodes.BAD_INPUT;
                });
        return cli;
    }
}
