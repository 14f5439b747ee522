package io.ecsforge.testing;

import io.ecsforge.jsii.Jsii;
import io.ecsforge.jsii.JsiiSettings;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Prepares jsii's Node.js process before any test runs, as the CLI does before it synthesizes, so
 * that a test creating a cdktf App of its own gets the same lazy provider load.
 */
public final class PrepareJsiiNode implements LauncherSessionListener {
    @Override
    public void launcherSessionOpened(LauncherSession session) {
        Jsii.prepare(settings());
    }

    /** jsii's settings from the test JVM's environment and system properties, as the CLI's Main reads them. */
    public static JsiiSettings settings() {
        return JsiiSettings.from(System.getenv(), System.getProperties());
    }
}
