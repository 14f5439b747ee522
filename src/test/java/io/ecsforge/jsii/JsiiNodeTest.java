package io.ecsforge.jsii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.PrepareJsiiNode;
import io.ecsforge.testing.Synthesized;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsiiNodeTest {
    private static final Path PRELOAD = Path.of("/tmp/ecsforge-node1/lazy-provider-index.cjs");

    @Test
    void nodePathIsQuotedAndExecdWithThePreloadRequired() {
        assertEquals("exec '/opt/node22/bin/node' --require '/tmp/ecsforge-node1/lazy-provider-index.cjs'",
                JsiiNode.command("/opt/node22/bin/node", PRELOAD));
    }

    @Test
    void nodeGivenAsACommandLineStaysACommandLine() {
        assertEquals("node --max-old-space-size=4096 --require '/tmp/ecsforge-node1/lazy-provider-index.cjs'",
                JsiiNode.command("node --max-old-space-size=4096", PRELOAD));
    }

    @Test
    void unsetNodeIsNodeOnThePath() {
        assertEquals("exec 'node' --require '/tmp/ecsforge-node1/lazy-provider-index.cjs'", JsiiNode.command(null, PRELOAD));
    }

    @Test
    void quoteInAPathIsEscapedForTheShell() {
        assertEquals("'/home/o'\\''brien/node'", JsiiNode.shellQuote("/home/o'brien/node"));
    }

    @Test
    void synthesisInTheTestJvmRunsJsiisNodeWithTheLazyIndexPreloaded() {
        Synthesized.examples();

        List<String> commandLines = ProcessHandle.current().descendants()
                .map(child -> child.info().commandLine().orElse("pid " + child.pid()))
                .toList();
        assertEquals(ProviderLoad.LAZY, Jsii.prepare(PrepareJsiiNode.settings()),
                () -> "the provider loads eagerly (is " + ProviderLoad.VARIABLE + " set?); child processes: " + commandLines);
        assertTrue(commandLines.stream().anyMatch(line -> line.contains("--require") && line.contains(JsiiNode.PRELOAD)),
                () -> "no child process preloads " + JsiiNode.PRELOAD + ": " + commandLines);
    }
}
