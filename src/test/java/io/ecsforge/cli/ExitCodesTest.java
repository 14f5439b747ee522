package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * How the one exception mapper of the CLI turns what a command throws into an exit code. The
 * commands here are stand-ins that throw; every real command goes through the same mapper.
 */
class ExitCodesTest {
    private static final String NL = System.lineSeparator();

    @Command(name = "stand-in")
    static final class Throwing implements Callable<Integer> {
        private final Throwable error;

        Throwing(Throwable error) {
            this.error = error;
        }

        @Override
        public Integer call() throws Exception {
            if (error instanceof Exception exception) {
                throw exception;
            }
            throw (Error) error;
        }
    }

    private record Run(int exit, String out, String err) {
        String shown() {
            return "exit " + exit + NL + "stdout:" + NL + out + "stderr:" + NL + err;
        }
    }

    private static Run run(Throwable error, Map<String, String> environment, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        PrintWriter outWriter = new PrintWriter(out, true);
        PrintWriter errWriter = new PrintWriter(err, true);
        CommandLine cli = Main.commandLine(outWriter, errWriter, environment);
        cli.addSubcommand(new CommandLine(new Throwing(error)));
        // Set again so that the added command prints to them as well.
        cli.setOut(outWriter);
        cli.setErr(errWriter);
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void anUnexpectedErrorOfAStandInCommandExitsSeventyWithOneLineSayingHowToGetTheTrace() {
        Run run = run(new IllegalStateException("the plan store is inconsistent"), Map.of(), "stand-in");

        assertEquals(ExitCodes.UNEXPECTED, run.exit(), run::shown);
        assertEquals("error: unexpected java.lang.IllegalStateException: the plan store is inconsistent (a defect in"
                + " ecsforge; run again with --debug or ECSFORGE_DEBUG=1 for its stack trace)" + NL, run.err());
        assertEquals("", run.out(), run::shown);
    }

    @Test
    void theDebugOptionPrintsTheStackTraceAfterThatLine() {
        Run run = run(new IllegalStateException("the plan store is inconsistent"), Map.of(), "--debug", "stand-in");

        assertEquals(ExitCodes.UNEXPECTED, run.exit(), run::shown);
        assertTrue(run.err().startsWith("error: unexpected java.lang.IllegalStateException: the plan store is inconsistent"
                + " (a defect in ecsforge; its stack trace follows)" + NL + "java.lang.IllegalStateException: "), run::shown);
        assertTrue(run.err().contains("\tat io.ecsforge.cli.ExitCodesTest"), run::shown);
    }

    @Test
    void theDebugVariablePrintsTheStackTraceToo() {
        Run run = run(new IllegalStateException("the plan store is inconsistent"), Map.of("ECSFORGE_DEBUG", "1"), "stand-in");

        assertEquals(ExitCodes.UNEXPECTED, run.exit(), run::shown);
        assertTrue(run.err().contains("its stack trace follows)" + NL) && run.err().contains("\tat io.ecsforge.cli."),
                run::shown);
    }

    @Test
    void aFolderThatMayNotBeWrittenExitsTwoNamingItWhereverItIsMet() {
        Run run = run(new UncheckedIOException("cannot save the plan", new AccessDeniedException("/repo/.ecsforge/plans")),
                Map.of(), "stand-in");

        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run::shown);
        assertEquals("error: /repo/.ecsforge/plans: permission denied; give a path you may write, or change the folder's"
                + " permissions" + NL, run.err());
    }

    @Test
    void aReadOnlyDiskExitsTwoNamingThePath() {
        Run run = run(new UncheckedIOException(new FileSystemException("/repo/locks/x.hcl", null, "Read-only file system")),
                Map.of(), "stand-in");

        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run::shown);
        assertEquals("error: /repo/locks/x.hcl: read-only file system; give a path on a writable disk" + NL, run.err());
    }

    @Test
    void otherFileSystemErrorsAreUnexpected() {
        Run run = run(new UncheckedIOException(new FileSystemException("/repo/x", null, "Input/output error")), Map.of(),
                "stand-in");

        assertEquals(ExitCodes.UNEXPECTED, run.exit(), run::shown);
    }

    @Test
    void anErrorOfTheJavaRuntimeExitsSeventyToo() {
        Run run = run(new NoClassDefFoundError("software/amazon/jsii/JsiiObject"), Map.of(), "stand-in");

        assertEquals(ExitCodes.UNEXPECTED, run.exit(), run::shown);
        assertEquals("error: unexpected java.lang.NoClassDefFoundError: software/amazon/jsii/JsiiObject (a defect in"
                + " ecsforge; run again with --debug or ECSFORGE_DEBUG=1 for its stack trace)" + NL, run.err());
    }
}
