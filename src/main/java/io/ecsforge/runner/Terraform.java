package io.ecsforge.runner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Runs the Terraform-compatible binary in a stack's working directory, non-interactively, and
 * streams its output line by line with the stack name as prefix.
 */
public final class Terraform {
    /** How many of Terraform's last stderr lines a failure report keeps. */
    static final int ERROR_LINES_KEPT = 25;

    /** Set for every run: no prompts, no colour codes, no update checks, automation wording. */
    static final Map<String, String> AUTOMATION_ENVIRONMENT = Map.of(
            "TF_IN_AUTOMATION", "1",
            "TF_INPUT", "0",
            "CHECKPOINT_DISABLE", "1");

    /**
     * Go's garbage collector target for Terraform and the provider it starts, unless the caller
     * sets one: collecting at 5× the live heap instead of 2× cuts about 15% of the CPU of a plan
     * (one stack's {@code tofu plan} against an emulator: 2.5 s at the default, 2.1 s at 400),
     * which side-by-side plans on a few cores feel most, for about 4% more memory at its peak
     * (510 MB to 530 MB: most of a plan's resident memory is the provider's 674 MB binary).
     */
    static final Map<String, String> GO_DEFAULTS = Map.of("GOGC", "400");

    private final TerraformBinary binary;
    private final Map<String, String> environment;
    private final Redactor redactor;
    private final EmulatorEnvironment emulator;
    private final PrintWriter out;
    private final PrintWriter err;
    private Distribution distribution;

    /**
     * @param environment the variables Terraform runs with (credentials included); the
     *     automation variables are added to them
     * @param out where Terraform's stdout goes, prefixed
     * @param err where Terraform's stderr goes, prefixed
     */
    public Terraform(TerraformBinary binary, Map<String, String> environment, PrintWriter out, PrintWriter err) {
        this.binary = binary;
        Map<String, String> merged = new HashMap<>(GO_DEFAULTS);
        merged.putAll(environment);
        merged.putAll(AUTOMATION_ENVIRONMENT);
        this.environment = Map.copyOf(merged);
        this.redactor = Redactor.forEnvironment(environment);
        this.emulator = new EmulatorEnvironment();
        this.out = out;
        this.err = err;
    }

    private Terraform(Terraform original, PrintWriter out, PrintWriter err) {
        this.binary = original.binary;
        this.environment = original.environment;
        this.redactor = original.redactor;
        this.emulator = original.emulator;
        this.out = out;
        this.err = err;
        this.distribution = original.distribution();
    }

    /** The same binary and environment, printing to other writers (a stack's held-back output). */
    Terraform printingTo(PrintWriter out, PrintWriter err) {
        return new Terraform(this, out, err);
    }

    public TerraformBinary binary() {
        return binary;
    }

    public Redactor redactor() {
        return redactor;
    }

    /**
     * Which binary this is, from the first line of its {@code version}; Terraform when that
     * cannot be read (a failing binary then fails at its first real command). Asked once.
     */
    public synchronized Distribution distribution() {
        if (distribution == null) {
            ProcessBuilder builder = new ProcessBuilder(binary.path().toString(), "version").redirectErrorStream(true);
            builder.environment().clear();
            builder.environment().putAll(environment);
            String firstLine = "";
            try {
                Process process = builder.start();
                process.getOutputStream().close();
                try (BufferedReader reader = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    firstLine = Objects.requireNonNullElse(reader.readLine(), "");
                    reader.transferTo(Writer.nullWriter());
                }
                process.waitFor();
            } catch (IOException e) {
                firstLine = "";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            distribution = Distribution.fromVersionLine(firstLine);
        }
        return distribution;
    }

    /**
     * The outcome of one command.
     *
     * @param commandLine the command as shown to the user
     * @param exitCode its exit code
     * @param stdout its stdout when captured, else empty
     * @param errorLines its last stderr lines, redacted
     */
    public record Result(String commandLine, int exitCode, String stdout, List<String> errorLines) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** Runs {@code args} and streams both output streams, prefixed with {@code [stack]}. */
    public Result stream(Stack stack, List<String> args) {
        String prefix = "[" + stack.name() + "] ";
        printLine(out, prefix + "$ " + commandLine(args));
        return run(stack, args, line -> printLine(out, prefix + redactor.redact(line)), true, prefix);
    }

    /**
     * Runs {@code args} and keeps its stdout instead of printing it (JSON for the runner to
     * read); stderr is still streamed, prefixed.
     */
    public Result capture(Stack stack, List<String> args) {
        return run(stack, args, null, true, "[" + stack.name() + "] ");
    }

    /** Runs {@code args} printing nothing; a failure's stderr lines are still in the result. */
    public Result quiet(Stack stack, List<String> args) {
        return run(stack, args, null, false, "");
    }

    private Result run(Stack stack, List<String> args, Consumer<String> stdoutSink, boolean showStderr,
            String prefix) {
        List<String> command = new ArrayList<>();
        command.add(binary.path().toString());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).directory(stack.workingDirectory().toFile());
        builder.environment().clear();
        builder.environment().putAll(environment);
        builder.environment().putAll(emulator.of(stack));
        Process process;
        try {
            process = builder.start();
            // -input=false already forbids prompts; a closed stdin makes any that slip through fail fast.
            process.getOutputStream().close();
        } catch (IOException e) {
            return new Result(commandLine(args), -1, "",
                    List.of("cannot start " + binary.path() + ": " + e.getMessage()));
        }
        StringBuilder captured = new StringBuilder();
        Deque<String> errorTail = new ArrayDeque<>();
        Thread stdoutReader = reader(process.getInputStream(), line -> {
            if (stdoutSink == null) {
                captured.append(line).append('\n');
            } else {
                stdoutSink.accept(line);
            }
        });
        Thread stderrReader = reader(process.getErrorStream(), line -> {
            String safe = redactor.redact(line);
            synchronized (errorTail) {
                errorTail.addLast(safe);
                if (errorTail.size() > ERROR_LINES_KEPT) {
                    errorTail.removeFirst();
                }
            }
            if (showStderr) {
                printLine(err, prefix + safe);
            }
        });
        int exitCode;
        try {
            exitCode = process.waitFor();
            stdoutReader.join();
            stderrReader.join();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            return new Result(commandLine(args), -1, "", List.of("interrupted"));
        }
        List<String> errorLines;
        synchronized (errorTail) {
            errorLines = trimBlankEnds(new ArrayList<>(errorTail));
        }
        return new Result(commandLine(args), exitCode, captured.toString(), errorLines);
    }

    /** The command as shown to the user: the binary's name, not its full path. */
    public String commandLine(List<String> args) {
        return binary.displayName() + " " + String.join(" ", args);
    }

    private static Thread reader(InputStream stream, Consumer<String> sink) {
        Thread thread = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "terraform-output");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void printLine(PrintWriter writer, String line) {
        synchronized (writer) {
            writer.println(line);
            writer.flush();
        }
    }

    private static List<String> trimBlankEnds(List<String> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && lines.get(start).isBlank()) {
            start++;
        }
        while (end > start && lines.get(end - 1).isBlank()) {
            end--;
        }
        return List.copyOf(lines.subList(start, end));
    }
}
