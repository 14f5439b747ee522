package io.ecsforge.jsii;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiRuntime;

/**
 * The Node.js process that jsii starts to run cdktf for this JVM: before it starts, makes it
 * preload {@code lazy-provider-index.cjs} (see {@link ProviderLoad#LAZY}).
 *
 * <p>jsii offers no API to pass Node.js options, and the child inherits this JVM's environment,
 * which Java cannot change; but jsii runs {@code JSII_NODE} through {@code /bin/sh -c} when it
 * holds a command line, so the node path it would use is replaced, by reflection, with
 * {@code exec 'node' --require '.../lazy-provider-index.cjs'}. The jsii runtime's version is
 * pinned in the pom; should a new one rename the fields, the provider loads the normal way and
 * {@code JsiiNodeTest} fails to say so. The field is final: JDK 26 and later warn when it is
 * written unless the JVM runs with {@code --enable-final-field-mutation=ALL-UNNAMED}.
 */
final class JsiiNode {
    static final String PRELOAD = "lazy-provider-index.cjs";

    private JsiiNode() {}

    /** @return whether the process will preload the lazy index: false when it cannot be made to */
    static boolean preloadLazyIndex(JsiiSettings settings) {
        if (settings.windows() || settings.ownRuntime()) {
            return false;
        }
        try {
            Field runtimeField = JsiiEngine.class.getDeclaredField("runtime");
            Field childField = JsiiRuntime.class.getDeclaredField("childProcess");
            Field nodeField = JsiiRuntime.class.getDeclaredField("customNode");
            runtimeField.setAccessible(true);
            childField.setAccessible(true);
            nodeField.setAccessible(true);
            JsiiRuntime runtime = (JsiiRuntime) runtimeField.get(JsiiEngine.getInstance());
            if (childField.get(runtime) != null) {
                return false;
            }
            nodeField.set(runtime, command(settings.node(), extractPreload()));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    /** The node command line: {@code jsiiNode} as jsii would run it, with the preload. */
    static String command(String jsiiNode, Path preload) {
        String node = jsiiNode == null || jsiiNode.isEmpty() ? "node" : jsiiNode;
        // jsii itself treats a JSII_NODE with whitespace as a command line; it stays one. A plain
        // path is exec'd, so that the shell leaves and jsii's stop signals reach node itself.
        String program = node.matches(".*\\s.*") ? node : "exec " + shellQuote(node);
        return program + " --require " + shellQuote(preload.toString());
    }

    static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Copies the preload out of the jar into a folder of this process, as jsii does with its own runtime. */
    static Path extractPreload() {
        try (InputStream source = JsiiNode.class.getResourceAsStream(PRELOAD)) {
            if (source == null) {
                throw new IllegalStateException(PRELOAD + " is missing from the classpath");
            }
            Path dir = Files.createTempDirectory("ecsforge-node");
            Path file = dir.resolve(PRELOAD);
            Files.copy(source, file, StandardCopyOption.REPLACE_EXISTING);
            // Deleted in reverse order of registration: the file first, then its folder.
            dir.toFile().deleteOnExit();
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + PRELOAD + " to a temporary folder", e);
        }
    }
}
