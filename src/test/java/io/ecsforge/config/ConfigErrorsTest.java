package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ecsforge.UserError;
import io.ecsforge.cli.ExitCodes;
import io.ecsforge.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad environment file of {@link BadConfigs}: the exact message from the loader, and the
 * same message through the command line as one "error:" block with exit code 2 and no stack
 * trace. The command line stops at the configuration, so these tests never start synthesis.
 */
class ConfigErrorsTest {
    static Stream<BadConfigs.Case> cases() {
        return BadConfigs.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void loaderReportsTheExactProblems(BadConfigs.Case bad) {
        UserError error = assertThrows(UserError.class, () -> ConfigLoader.parse("config/dev.yaml", bad.yaml(), "dev"),
                () -> "expected the problems\n" + bad.message("config/dev.yaml") + "\nbut the file loaded:\n" + bad.yaml());
        assertEquals(bad.message("config/dev.yaml"), error.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void commandLinePrintsOneErrorBlockAndExitsTwo(BadConfigs.Case bad, @TempDir Path dir) throws IOException {
        Path file = dir.resolve("dev.yaml");
        Files.writeString(file, bad.yaml(), StandardCharsets.UTF_8);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = Main.run(new String[] {"synth", "--env", "dev", "--config-dir", dir.toString(), "--out",
                dir.resolve("cdktf.out").toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        String stderr = err.toString();
        assertEquals(ExitCodes.BAD_INPUT, exit, () -> "exit code; stderr was:\n" + stderr);
        assertFalse(stderr.contains("at io.ecsforge") || stderr.contains("Exception"), () -> "a stack trace on stderr:\n" + stderr);
        assertEquals("error: " + bad.message(file.toString()) + System.lineSeparator(), stderr);
        assertEquals("", out.toString(), "stdout");
        assertFalse(Files.exists(dir.resolve("cdktf.out")), "cdktf.out was written for a bad configuration");
    }
}
