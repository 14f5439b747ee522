package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.jsii.JsiiSettings;
import io.ecsforge.runner.StackFailure;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine;

/** The {@code ecsforge} command line: one subcommand class per command. */
@Command(
        name = "ecsforge",
        mixinStandardHelpOptions = true,
        version = "ecsforge 0.1.0",
        description = "Turns config/<env>.yaml into an ECS Fargate platform as Terraform stacks.",
        subcommands = {
            SynthCommand.class,
            CdktfAppCommand.class,
            SummarizeCommand.class,
            WorkflowsCommand.class,
            ModulesCommand.class,
            StacksCommand.class,
            BootstrapCommand.class,
            PlanCommand.class,
            ApplyCommand.class,
            OutputCommand.class,
            DestroyCommand.class
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:everything asked for was done",
            "1:a stack or a tool failed (its last error lines are printed)",
            "2:bad input (configuration, arguments, a missing tool); nothing was changed"
        })
public final class Main implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    /**
     * The only place the process environment is read; Terraform runs with it (credentials
     * included), and jsii is set up from it ({@link #jsii}).
     */
    private final Map<String, String> environment;

    private Main(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    Map<String, String> environment() {
        return environment;
    }

    /**
     * jsii's settings, from the environment and this JVM's system properties: read only by the
     * commands that synthesize, when they do, so that a bad value fails only those.
     */
    JsiiSettings jsii() {
        return JsiiSettings.from(environment, System.getProperties());
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the CLI with injectable streams; returns the exit code instead of exiting. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)}, with the environment Terraform runs with. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        return commandLine(out, err, environment).execute(args);
    }

    static CommandLine commandLine(PrintWriter out, PrintWriter err, Map<String, String> environment) {
        CommandLine cli = new CommandLine(new Main(environment));
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(
                (ex, commandLine, parseResult) -> {
                    if (ex instanceof UserError) {
                        commandLine.getErr().println("error: " + ex.getMessage());
                        return ExitCodes.BAD_INPUT;
                    }
                    if (ex instanceof StackFailure failure) {
                        commandLine.getErr().println("error: " + failure.report());
                        return ExitCodes.FAILURE;
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
