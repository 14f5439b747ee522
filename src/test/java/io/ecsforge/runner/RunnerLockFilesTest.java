package io.ecsforge.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How the runner carries each stack's committed lock file (locks/) into its working directory
 * before init and back after it. The binary is a shell-script stand-in that logs its arguments
 * and the lock file it finds, then writes its own: only the file handling is under test here,
 * and the real AWS provider is too large to install per test.
 */
class RunnerLockFilesTest {
    private static final String STACK = "demo-it-network";
    private static final String INIT_LOCK = "# lock written by init\n";

    @TempDir Path project;
    private Workspace workspace;
    private Stack stack;
    private Path log;
    private final StringWriter out = new StringWriter();

    @BeforeEach
    void stackAndStandIn() throws IOException {
        workspace = new Workspace(project);
        Path directory = workspace.outDir().resolve("stacks").resolve(STACK);
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("cdk.tf.json"), "{}");
        stack = new Stack(STACK, directory, directory.resolve("cdk.tf.json"), List.of());
        log = project.resolve("calls.log");
    }

    private Runner runner(String versionLine, boolean upgrade) throws IOException {
        Path binary = project.resolve("bin/terraform");
        Files.createDirectories(binary.getParent());
        Files.writeString(binary, """
                #!/bin/sh
                case "$1" in
                  version) echo "%s"; exit 0 ;;
                  init)
                    echo "$* | found: $(cat .terraform.lock.hcl 2>/dev/null || echo none)" >> "%s"
                    printf '%s' > .terraform.lock.hcl ;;
                  plan) for a in "$@"; do case "$a" in -out=*) : > "${a#-out=}" ;; esac; done ;;
                  show) echo '{"resource_changes": []}' ;;
                esac
                exit 0
                """.formatted(versionLine, log, INIT_LOCK.replace("\n", "\\n")));
        Files.setPosixFilePermissions(binary, PosixFilePermissions.fromString("rwxr-xr-x"));
        PrintWriter writer = new PrintWriter(out, true);
        Terraform terraform = new Terraform(new TerraformBinary(binary), Map.of("PATH", "/usr/bin:/bin"), writer, writer);
        return new Runner(terraform, workspace, upgrade, writer);
    }

    private List<String> initCalls() throws IOException {
        return Files.readAllLines(log);
    }

    private Path committed(String name) throws IOException {
        Files.createDirectories(project.resolve("locks"));
        return project.resolve("locks").resolve(name);
    }

    @Test
    void theCommittedLockFileIsInTheWorkingDirectoryWhenInitRuns() throws IOException {
        Files.writeString(committed(STACK + ".terraform.lock.hcl"), "# committed\n");

        runner("Terraform v1.11.4", false).plan(List.of(stack));

        assertEquals(List.of("init -input=false -no-color | found: # committed"), initCalls(), out::toString);
    }

    @Test
    void whatInitWroteIsKeptAsTheCommittedLockFileAndTheRunSaysToCommitIt() throws IOException {
        Files.writeString(committed(STACK + ".terraform.lock.hcl"), "# committed\n");

        runner("Terraform v1.11.4", false).plan(List.of(stack));

        assertEquals(INIT_LOCK, Files.readString(project.resolve("locks/" + STACK + ".terraform.lock.hcl")));
        assertTrue(out.toString().contains("[" + STACK + "] provider lock file " + project.resolve("locks/" + STACK
                + ".terraform.lock.hcl") + " written: commit it\n"), out::toString);
    }

    @Test
    void aStackWithoutALockFileGetsTheOneItsFirstInitWrites() throws IOException {
        runner("Terraform v1.11.4", false).plan(List.of(stack));

        assertEquals(List.of("init -input=false -no-color | found: none"), initCalls(), out::toString);
        assertEquals(INIT_LOCK, Files.readString(project.resolve("locks/" + STACK + ".terraform.lock.hcl")));
    }

    @Test
    void aLeftoverLockFileInTheWorkingDirectoryIsNotUsedWhenTheRepositoryHasNone() throws IOException {
        Files.writeString(stack.workingDirectory().resolve(LockFiles.WORKING_FILE), "# left by an earlier run\n");

        runner("Terraform v1.11.4", false).plan(List.of(stack));

        assertEquals(List.of("init -input=false -no-color | found: none"), initCalls(), out::toString);
    }

    @Test
    void anUnchangedLockFileIsNotRewrittenNorAnnounced() throws IOException {
        Files.writeString(committed(STACK + ".terraform.lock.hcl"), INIT_LOCK);

        runner("Terraform v1.11.4", false).plan(List.of(stack));

        assertFalse(out.toString().contains("provider lock file"), out::toString);
    }

    @Test
    void upgradeRunsInitWithUpgrade() throws IOException {
        Files.writeString(committed(STACK + ".terraform.lock.hcl"), "# committed\n");

        runner("Terraform v1.11.4", true).plan(List.of(stack));

        assertEquals(List.of("init -input=false -no-color -upgrade | found: # committed"), initCalls(), out::toString);
    }

    @Test
    void openTofuStartsFromTheTerraformLockFileAndKeepsItsOwnBesideIt() throws IOException {
        Files.writeString(committed(STACK + ".terraform.lock.hcl"), "# committed\n");

        runner("OpenTofu v1.10.10", false).plan(List.of(stack));

        assertEquals(List.of("init -input=false -no-color | found: # committed"), initCalls(), out::toString);
        assertEquals(INIT_LOCK, Files.readString(project.resolve("locks/" + STACK + ".tofu.lock.hcl")));
        assertEquals("# committed\n", Files.readString(project.resolve("locks/" + STACK + ".terraform.lock.hcl")),
                "OpenTofu must leave Terraform's lock file as it was");
    }

    @Test
    void openTofuUsesItsOwnLockFileWhenThereIsOne() throws IOException {
        Files.writeString(committed(STACK + ".terraform.lock.hcl"), "# terraform's\n");
        Files.writeString(committed(STACK + ".tofu.lock.hcl"), "# tofu's\n");

        runner("OpenTofu v1.10.10", false).plan(List.of(stack));

        assertEquals(List.of("init -input=false -no-color | found: # tofu's"), initCalls(), out::toString);
    }

    @Test
    void aBootstrapOverrideLeftByAnInterruptedRunIsRemovedBeforeInit() throws IOException {
        Path override = stack.workingDirectory().resolve(Bootstrap.LOCAL_BACKEND_OVERRIDE);
        Files.writeString(override, "{}");

        runner("Terraform v1.11.4", false).plan(List.of(stack));

        assertFalse(Files.exists(override), "the override would run the stack on local state");
    }
}
