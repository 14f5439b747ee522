package io.ecsforge.cli;

import io.ecsforge.UserError;
import io.ecsforge.jsii.JsiiSettings;
import io.ecsforge.runner.StackFailure;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
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
            "1:Terraform failed: a stack's command, a held state lock, a missing or stale saved plan (its last error"
                    + " lines are printed)",
            "2:bad input or a problem you can fix (configuration, arguments, a missing tool, no AWS credentials, a path"
                    + " that cannot be written): the message names it and the fix; nothing was changed",
            ExitCodes.UNEXPECTED_HELP
        })
public final class Main implements Runnable {
    /** Set to 1 for {@code --debug} in every run, e.g. in CI where the command line is fixed. */
    static final String DEBUG_VARIABLE = "ECSFORGE_DEBUG";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @CommandLine.Option(names = "--debug",
            description = "On an unexpected error, print its stack trace (also with " + DEBUG_VARIABLE + "=1).")
    boolean debug;

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

    private boolean debugging() {
        return debug || "1".equals(environment.get(DEBUG_VARIABLE));
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
        Main main = new Main(environment);
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(
                (ex, commandLine, parseResult) -> {
                    PrintWriter errors = commandLine.getErr();
                    if (ex instanceof UserError) {
                        errors.println("error: " + ex.getMessage());
                        return ExitCodes.BAD_INPUT;
                    }
                    if (ex instanceof StackFailure failure) {
                        errors.println("error: " + failure.report());
                        return ExitCodes.FAILURE;
                    }
                    Optional<String> pathProblem = PathProblems.describe(ex);
                    if (pathProblem.isPresent()) {
                        errors.println("error: " + pathProblem.get());
                        return ExitCodes.BAD_INPUT;
                    }
                    Throwable unexpected = ex instanceof CommandLine.ExecutionException && ex.getCause() instanceof Error
                            ? ex.getCause() : ex;
                    errors.println("error: unexpected " + unexpected.getClass().getName() + ": " + unexpected.getMessage()
                            + " (a defect in ecsforge; " + (main.debugging() ? "its stack trace follows"
                                    : "run again with --debug or " + DEBUG_VARIABLE + "=1 for its stack trace") + ")");
                    if (main.debugging()) {
                        unexpected.printStackTrace(errors);
                    }
                    errors.flush();
                    return ExitCodes.UNEXPECTED;
                });
        // picocli hands only Exceptions to the handler above; an Error (a class jsii could not
        // load, say) would end the JVM with a stack trace and exit code 1.
        cli.setExecutionStrategy(parseResult -> {
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } catch (Error error) {
                throw new CommandLine.ExecutionException(parseResult.commandSpec().commandLine(), error.toString(), error);
            }
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
