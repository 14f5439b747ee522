package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the runner runs stacks side by side: bounds, grouping of each stack's lines, order of
 * results and failures, levels of an apply. The binary is a shell script standing in for
 * Terraform (these are about scheduling, and a real plan takes seconds of CPU per stack); it
 * sleeps and echoes, and reads what to do from files in the stack's directory:
 * {@code sleep} (seconds), {@code fail} (exit 1 at plan or apply) and {@code wait-for} (names of
 * stacks that must have started too before it goes on: a rendezvous that only a side-by-side
 * run can meet). It logs {@code start}/{@code end} of each plan and apply to a shared file.
 * The real binaries, with the real provider, run side by side in scripts/bench-plan.
 */
class RunnerSideBySideTest {
    private static final String STAND_IN = """
            #!/bin/sh
            name=$(basename "$PWD")
            shared="$STAND_IN_SHARED"
            case "$1" in
              init) echo "Initializing $name"; exit 0 ;;
              show) echo '{"resource_changes": [{"change": {"actions": ["create"]}}]}'; exit 0 ;;
              plan|apply) step=$1 ;;
              *) echo "unexpected: $*" >&2; exit 3 ;;
            esac
            echo "start $step $name" >> "$shared/log"
            mkdir "$shared/running.$name"
            echo "$step of $name begins"
            if [ -f wait-for ]; then
              for other in $(cat wait-for); do
                tries=0
                until [ -e "$shared/started.$step.$other" ] || [ -e "$shared/running.$other" ]; do
                  tries=$((tries + 1))
                  if [ $tries -gt 200 ]; then echo "$name never saw $other start" >&2; rmdir "$shared/running.$name"; exit 4; fi
                  sleep 0.05
                done
              done
            fi
            touch "$shared/started.$step.$name"
            [ -f sleep ] && sleep "$(cat sleep)"
            echo "$(ls -d "$shared"/running.* | wc -l)" >> "$shared/concurrency"
            echo "$step of $name middle"
            echo "$name warns on stderr" >&2
            rmdir "$shared/running.$name"
            echo "end $step $name" >> "$shared/log"
            if [ -f fail ]; then echo "Error: $name was told to fail" >&2; exit 1; fi
            case "$step" in plan) for arg in "$@"; do case "$arg" in -out=*) echo plan > "${arg#-out=}" ;; esac; done ;; esac
            echo "$step of $name ends"
            """;

    @TempDir Path project;
    private Path shared;
    private Path binary;
    private final StringWriter outText = new StringWriter();
    private final StringWriter errText = new StringWriter();
    private final PrintWriter out = new PrintWriter(outText);
    private final PrintWriter err = new PrintWriter(errText);

    @BeforeEach
    void standIn() throws IOException {
        shared = Files.createDirectories(project.resolve("shared"));
        binary = project.resolve("terraform-stand-in");
        Files.writeString(binary, STAND_IN);
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private Stack stack(String name, String... dependencies) throws IOException {
        Path directory = Files.createDirectories(project.resolve("cdktf.out/stacks/" + name));
        Files.writeString(directory.resolve("cdk.tf.json"), "{}");
        return new Stack(name, directory, directory.resolve("cdk.tf.json"), List.of(dependencies));
    }

    private static void tell(Stack stack, String file, String content) throws IOException {
        Files.writeString(stack.workingDirectory().resolve(file), content);
    }

    private Runner runner(int parallelism) {
        Terraform terraform = new Terraform(new TerraformBinary(binary),
                Map.of("PATH", System.getenv("PATH"), "STAND_IN_SHARED", shared.toString()), out, err);
        return new Runner(terraform, new Workspace(project), false, out, err, parallelism);
    }

    private String output() {
        return "stdout:\n" + outText + "\nstderr:\n" + errText + "\nlog:\n" + read(shared.resolve("log"));
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "(none)";
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private List<String> log() {
        return read(shared.resolve("log")).lines().toList();
    }

    /** The stacks whose lines stdout shows, in the order each first appears. */
    private List<String> stacksInOutput() {
        List<String> order = new ArrayList<>();
        outText.toString().lines().filter(line -> line.startsWith("[")).map(line -> line.substring(1, line.indexOf(']')))
                .filter(name -> !order.contains(name)).forEach(order::add);
        return order;
    }

    @Test
    void plansOfEveryStackRunAtOnceWithAShellScriptStandInForTerraform() throws IOException {
        Stack a = stack("demo-a");
        Stack b = stack("demo-b", "demo-a");
        Stack c = stack("demo-c", "demo-b");
        tell(a, "wait-for", "demo-b demo-c");
        tell(b, "wait-for", "demo-a demo-c");
        tell(c, "wait-for", "demo-a demo-b");

        runner(3).plan(List.of(a, b, c));

        assertEquals(3, outText.toString().lines().filter(line -> line.matches("\\[demo-.] plan ok: .*")).count(),
                this::output);
    }

    @Test
    void noMoreStacksRunAtOnceThanTheParallelismWithAStandIn() throws IOException {
        List<Stack> stacks = new ArrayList<>();
        for (String name : List.of("demo-a", "demo-b", "demo-c", "demo-d", "demo-e")) {
            Stack stack = stack(name);
            tell(stack, "sleep", "0.3");
            stacks.add(stack);
        }

        runner(2).plan(stacks);

        List<Integer> seen = read(shared.resolve("concurrency")).lines().map(Integer::parseInt).toList();
        assertEquals(5, seen.size(), this::output);
        assertTrue(seen.stream().allMatch(running -> running <= 2),
                () -> "stacks running at once, as each saw it: " + seen + "\n" + output());
    }

    @Test
    void eachStacksLinesArePrintedTogetherEndingInItsResultLineInDependencyOrderWithAStandIn() throws IOException {
        Stack a = stack("demo-a");
        Stack b = stack("demo-b", "demo-a");
        Stack c = stack("demo-c", "demo-b");
        tell(a, "sleep", "0.8");
        tell(b, "sleep", "0.4");

        runner(3).plan(List.of(a, b, c));

        assertEquals(List.of("end plan demo-c", "end plan demo-b", "end plan demo-a"),
                log().stream().filter(line -> line.startsWith("end")).toList(),
                () -> "the stand-in must end the stacks in reverse order for this test to mean anything\n" + output());
        List<String> lines = outText.toString().lines().toList();
        int at = 0;
        for (String name : List.of("demo-a", "demo-b", "demo-c")) {
            String prefix = "[" + name + "] ";
            int first = lines.indexOf(prefix + "$ terraform-stand-in init -input=false -no-color");
            assertEquals(at, first, () -> name + "'s lines must start where the stack before it ended\n" + output());
            int last = first;
            while (last + 1 < lines.size() && lines.get(last + 1).startsWith(prefix)) {
                last++;
            }
            assertTrue(lines.get(last).startsWith(prefix + "plan ok: 1 to add, 0 to change, 0 to destroy; saved "),
                    () -> name + "'s lines must end in its result line\n" + output());
            at = last + 1;
        }
        assertEquals(lines.size(), at, () -> "every line belongs to a stack's group\n" + output());
        assertEquals(List.of("[demo-a] demo-a warns on stderr", "[demo-b] demo-b warns on stderr",
                "[demo-c] demo-c warns on stderr"), errText.toString().lines().toList(), this::output);
    }

    @Test
    void theFirstFailingStackInDependencyOrderFailsTheRunAfterTheOthersFinishNamingTheOthersWithAStandIn()
            throws IOException {
        Stack a = stack("demo-a");
        Stack b = stack("demo-b", "demo-a");
        Stack c = stack("demo-c", "demo-b");
        tell(a, "sleep", "0.6");
        tell(b, "sleep", "0.3");
        tell(b, "fail", "");
        tell(c, "fail", "");

        StackFailure failure = assertThrows(StackFailure.class, () -> runner(3).plan(List.of(a, b, c)));

        assertTrue(failure.report().startsWith("stack demo-b failed: terraform-stand-in plan -input=false -no-color -out="),
                failure::report);
        assertTrue(failure.report().contains("\n  Error: demo-b was told to fail\n"), failure::report);
        assertTrue(failure.report().endsWith("\n  also failed: demo-c (their lines are above)"), failure::report);
        assertEquals(List.of("demo-a", "demo-b", "demo-c"), stacksInOutput(), this::output);
        assertTrue(outText.toString().contains("[demo-a] plan ok: "), this::output);
        assertTrue(outText.toString().lines().anyMatch(line -> line.matches("\\[demo-c] plan FAILED \\(\\d+\\.\\ds\\)")),
                this::output);
    }

    @Test
    void afterAFailureNoFurtherStackIsStartedWithAStandIn() throws IOException {
        Stack a = stack("demo-a");
        Stack b = stack("demo-b");
        Stack c = stack("demo-c");
        Stack d = stack("demo-d");
        tell(a, "fail", "");
        tell(b, "sleep", "1");

        StackFailure failure = assertThrows(StackFailure.class, () -> runner(2).plan(List.of(a, b, c, d)));

        assertTrue(failure.getMessage().startsWith("stack demo-a failed: "), failure::report);
        assertEquals(List.of("start plan demo-a", "start plan demo-b"),
                log().stream().filter(line -> line.startsWith("start")).sorted().toList(), this::output);
        assertEquals(List.of("demo-a", "demo-b"), stacksInOutput(), this::output);
    }

    @Test
    void withParallelismOneAFailureStopsTheRunAtTheFailingStackWithAStandIn() throws IOException {
        Stack a = stack("demo-a");
        Stack b = stack("demo-b");
        tell(a, "fail", "");

        assertThrows(StackFailure.class, () -> runner(1).plan(List.of(a, b)));

        assertEquals(List.of("start plan demo-a", "end plan demo-a"), log(), this::output);
    }

    @Test
    void levelsPutEachStackOneLevelAfterItsDeepestDependencyKeepingTheGivenOrder() throws IOException {
        Stack state = stack("webapp-dev-state");
        Stack network = stack("webapp-dev-network", "webapp-dev-state");
        Stack registry = stack("webapp-dev-registry", "webapp-dev-state");
        Stack access = stack("webapp-dev-access", "webapp-dev-state", "webapp-dev-registry");
        Stack cluster = stack("webapp-dev-cluster", "webapp-dev-state");
        Stack service = stack("webapp-dev-service", "webapp-dev-state", "webapp-dev-network", "webapp-dev-registry",
                "webapp-dev-access", "webapp-dev-cluster");
        Stack delivery = stack("webapp-dev-delivery", "webapp-dev-state", "webapp-dev-service", "webapp-dev-access");

        List<List<Stack>> levels = Runner.levels(List.of(state, network, registry, access, cluster, service, delivery));

        assertEquals(List.of(List.of(state), List.of(network, registry, cluster), List.of(access), List.of(service),
                List.of(delivery)), levels);
    }

    @Test
    void levelsTakeDependenciesOutsideTheGivenStacksAsInPlace() throws IOException {
        Stack service = stack("webapp-dev-service", "webapp-dev-network");

        assertEquals(List.of(List.of(service)), Runner.levels(List.of(service)));
    }

    @Test
    void applyRunsTheStacksOfALevelSideBySideAndEachLevelOnlyAfterTheOneBeforeEndedWithAStandIn()
            throws IOException {
        Stack state = stack("demo-state");
        Stack network = stack("demo-network", "demo-state");
        Stack cluster = stack("demo-cluster", "demo-state");
        Stack service = stack("demo-service", "demo-network", "demo-cluster");
        List<Stack> stacks = List.of(state, network, cluster, service);
        runner(4).plan(stacks);
        Files.delete(shared.resolve("log"));
        tell(state, "sleep", "0.3");
        tell(network, "wait-for", "demo-cluster");
        tell(cluster, "wait-for", "demo-network");

        runner(4).apply(stacks);

        List<String> log = log();
        assertTrue(log.indexOf("end apply demo-state") < log.indexOf("start apply demo-network")
                && log.indexOf("end apply demo-state") < log.indexOf("start apply demo-cluster"), log::toString);
        assertTrue(log.indexOf("end apply demo-network") < log.indexOf("start apply demo-service")
                && log.indexOf("end apply demo-cluster") < log.indexOf("start apply demo-service"), log::toString);
        assertEquals(4, outText.toString().lines().filter(line -> line.matches("\\[demo-\\w+] apply ok: applied .*"))
                .count(), this::output);
    }
}
