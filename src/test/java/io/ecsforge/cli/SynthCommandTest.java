package io.ecsforge.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ecsforge synth} end to end. Synthesis starts jsii and takes seconds, so the class
 * synthesizes once and every test looks at that run or at runs that stop before synthesis.
 */
class SynthCommandTest {
    private static final String NL = System.lineSeparator();

    @TempDir static Path dir;
    private static Path configDir;
    private static Path outDir;
    private static Run first;

    /** One run of the command line: its exit code and what it printed. */
    private record Run(int exit, String out, String err) {
        String shown() {
            return "exit " + exit + NL + "stdout:" + NL + out + "stderr:" + NL + err;
        }
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    private static Run synth() {
        return run("synth", "--env", "dev", "--config-dir", configDir.toString(), "--out", outDir.toString());
    }

    @BeforeAll
    static void synthesizeTheDevExampleOnce() throws IOException {
        configDir = Files.createDirectories(dir.resolve("config"));
        Files.copy(Repo.config().resolve("dev.yaml"), configDir.resolve("dev.yaml"));
        outDir = dir.resolve("cdktf.out");
        first = synth();
    }

    @Test
    void synthExitsZeroAndListsOnStdoutTheStacksItWrote() throws IOException {
        assertEquals(ExitCodes.OK, first.exit(), first::shown);
        assertEquals("", first.err(), first::shown);
        List<String> written;
        try (Stream<Path> stacks = Files.list(outDir.resolve("stacks"))) {
            written = stacks.filter(stack -> Files.isRegularFile(stack.resolve("cdk.tf.json")))
                    .map(stack -> stack.getFileName().toString()).sorted().toList();
        }
        assertTrue(written.contains("webapp-dev-state"), () -> "stacks written: " + written);
        String prefix = "dev: " + written.size() + " stacks in " + outDir.resolve("stacks") + ": ";
        assertTrue(first.out().startsWith(prefix) && first.out().endsWith(NL) && first.out().lines().count() == 1,
                () -> "expected one line starting " + prefix + NL + first.shown());
        List<String> listed = Stream.of(first.out().strip().substring(prefix.length()).split(", ")).sorted().toList();
        assertEquals(written, listed, first::shown);
    }

    @Test
    void brokenConfigExitsTwoWithTheExactMessageAndLeavesThePreviousOutputUntouched() throws IOException {
        assertEquals(ExitCodes.OK, first.exit(), first::shown);
        String before = fingerprint(outDir);
        assertFalse(before.startsWith("0 files"), "the first synth wrote nothing to compare: " + before);
        Object folderBefore = Files.readAttributes(outDir, BasicFileAttributes.class).fileKey();
        Path file = configDir.resolve("dev.yaml");
        String good = Files.readString(file, StandardCharsets.UTF_8);
        try {
            Files.writeString(file, good.replace("  azCount: 2\n", "  azCount: 7\n"), StandardCharsets.UTF_8);

            Run broken = synth();

            assertEquals(ExitCodes.BAD_INPUT, broken.exit(), broken::shown);
            assertEquals("error: " + file + ": network.azCount: 7 is out of range; allowed: 1 to 6" + NL, broken.err());
            assertEquals("", broken.out(), broken::shown);
        } finally {
            Files.writeString(file, good, StandardCharsets.UTF_8);
        }
        assertEquals(before, fingerprint(outDir), "cdktf.out changed after a failed synth");
        assertEquals(folderBefore, Files.readAttributes(outDir, BasicFileAttributes.class).fileKey(),
                "cdktf.out was replaced after a failed synth");
        try (Stream<Path> siblings = Files.list(dir)) {
            assertEquals(List.of("cdktf.out", "config"), siblings.map(p -> p.getFileName().toString()).sorted().toList(),
                    "left beside cdktf.out");
        }
    }

    @Test
    void missingEnvironmentFileExitsTwoListingTheEnvironmentsThereAre() {
        Run missing = run("synth", "--env", "staging", "--config-dir", configDir.toString(), "--out", dir.resolve("unused").toString());

        assertEquals(ExitCodes.BAD_INPUT, missing.exit(), missing::shown);
        assertEquals("error: " + configDir.resolve("staging.yaml") + ": file not found; environments available: dev (in "
                + configDir + ")" + NL, missing.err());
        assertFalse(Files.exists(dir.resolve("unused")), "output written for a missing environment");
    }

    @Test
    void unknownOptionExitsTwoWithAUsageHint() {
        Run unknown = run("synth", "--env", "dev", "--colour");

        assertEquals(ExitCodes.BAD_INPUT, unknown.exit(), unknown::shown);
        assertEquals("error: Unknown option: '--colour'" + NL + "Run 'ecsforge synth --help' for usage." + NL, unknown.err());
        assertEquals("", unknown.out(), unknown::shown);
    }

    @Test
    void missingEnvOptionExitsTwoNamingIt() {
        Run missing = run("synth", "--config-dir", configDir.toString());

        assertEquals(ExitCodes.BAD_INPUT, missing.exit(), missing::shown);
        assertEquals("error: Missing required option: '--env=ENV'" + NL + "Run 'ecsforge synth --help' for usage." + NL,
                missing.err());
    }

    /** Every file's path and bytes under {@code root}, as one SHA-256. */
    private static String fingerprint(Path root) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
        for (Path file : files) {
            digest.update(root.relativize(file).toString().getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            try {
                digest.update(Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            digest.update((byte) 0);
        }
        return files.size() + " files, sha256 " + HexFormat.of().formatHex(digest.digest());
    }

    @Test
    void outputFolderWhoseParentDoesNotExistYetIsCreated() {
        Path nested = dir.resolve("not/yet/there/cdktf.out");
        Run run = run("synth", "--env", "dev", "--config-dir", configDir.toString(), "--out", nested.toString());

        assertEquals(0, run.exit(), run::toString);
        assertTrue(Files.isRegularFile(nested.resolve("manifest.json")), run::toString);
    }

    @Test
    void anOutputFolderThatIsAFileExitsTwoAndTheFileIsKept(@TempDir Path own) throws IOException {
        Path file = Files.writeString(own.resolve("notes.txt"), "keep me", StandardCharsets.UTF_8);

        Run run = run("synth", "--env", "dev", "--config-dir", configDir.toString(), "--out", file.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run::shown);
        assertEquals("error: " + file + ": a file is in the way of the output folder; move it or give another folder" + NL,
                run.err());
        assertEquals("keep me", Files.readString(file, StandardCharsets.UTF_8), "the file in the way was changed");
    }

    @Test
    void anOutputFolderUnderAFileExitsTwoNamingTheFile(@TempDir Path own) throws IOException {
        Path file = Files.writeString(own.resolve("notes.txt"), "keep me", StandardCharsets.UTF_8);
        Path out = file.resolve("cdktf.out");

        Run run = run("synth", "--env", "dev", "--config-dir", configDir.toString(), "--out", out.toString());

        assertEquals(ExitCodes.BAD_INPUT, run.exit(), run::shown);
        assertEquals("error: " + out + ": cannot create the output folder: a file is in the way: " + file
                + "; move it or give another folder" + NL, run.err());
        assertEquals("keep me", Files.readString(file, StandardCharsets.UTF_8), "the file in the way was changed");
    }

    /**
     * A folder this process may not write: a read-only one, or, for root, who may write any, the
     * kernel's /sys. Skipped, saying why, when there is none.
     */
    @Test
    void anOutputFolderInAFolderThatCannotBeWrittenExitsTwoNamingIt(@TempDir Path own) throws IOException {
        Path readOnly = Files.createDirectory(own.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-xr-xr-x"));
        Path parent = cannotWrite(readOnly) ? readOnly : Path.of("/sys");
        assumeTrue(cannotWrite(parent), "needs a folder this process cannot write: " + readOnly + " and /sys are writable");
        Path out = parent.resolve("cdktf.out");
        try {
            Run run = run("synth", "--env", "dev", "--config-dir", configDir.toString(), "--out", out.toString());

            assertEquals(ExitCodes.BAD_INPUT, run.exit(), run::shown);
            assertTrue(run.err().startsWith("error: " + out + ": cannot create the output folder: ")
                    && run.err().contains(parent.toString()) && run.err().endsWith("; give a folder you may write" + NL)
                    && run.err().lines().count() == 1, run::shown);
            assertFalse(Files.exists(out), run::shown);
        } finally {
            Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    private static boolean cannotWrite(Path folder) {
        try {
            Files.delete(Files.createDirectory(folder.resolve("probe")));
            return false;
        } catch (IOException e) {
            return true;
        }
    }
}
