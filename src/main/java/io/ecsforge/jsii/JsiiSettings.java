package io.ecsforge.jsii;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * How {@link Jsii#prepare} sets up jsii's Node.js process, read from the environment and system
 * properties the CLI's {@code Main} was given; nothing in this package reads them itself.
 *
 * @param providerLoad how the provider's JavaScript loads; from {@value ProviderLoad#VARIABLE},
 *     {@link ProviderLoad#LAZY} when it is unset or empty
 * @param node {@code JSII_NODE}: the Node.js jsii runs, a path or a command line; when null or
 *     empty, {@code node} on the PATH, as jsii itself does
 * @param ownRuntime {@code JSII_RUNTIME} is set: jsii starts that runtime as given, without a node
 *     command line to add the preload to, so the provider loads eagerly
 * @param windows the JVM runs on Windows, where jsii runs a node command line through cmd.exe,
 *     which the preload's shell quoting is not for, so the provider loads eagerly
 * @param cacheDir where copies of module tarballs are kept ({@link ModuleTarballs}):
 *     {@code $ECSFORGE_CACHE/jsii}, else {@code $XDG_CACHE_HOME/ecsforge/jsii}, else
 *     {@code ~/.cache/ecsforge/jsii}, as the launcher's tools use (see README)
 */
public record JsiiSettings(ProviderLoad providerLoad, String node, boolean ownRuntime, boolean windows, Path cacheDir) {
    /**
     * The settings in {@code environment} and {@code systemProperties} ({@code user.home},
     * {@code os.name}).
     *
     * @throws io.ecsforge.UserError when {@value ProviderLoad#VARIABLE} names no way to load
     */
    public static JsiiSettings from(Map<String, String> environment, Properties systemProperties) {
        return new JsiiSettings(
                ProviderLoad.parse(environment.get(ProviderLoad.VARIABLE)),
                environment.get("JSII_NODE"),
                environment.get("JSII_RUNTIME") != null,
                systemProperties.getProperty("os.name", "").startsWith("Windows"),
                cacheDir(environment, systemProperties.getProperty("user.home")));
    }

    private static Path cacheDir(Map<String, String> environment, String userHome) {
        String ecsforgeCache = environment.get("ECSFORGE_CACHE");
        if (ecsforgeCache != null && !ecsforgeCache.isEmpty()) {
            return Path.of(ecsforgeCache, "jsii");
        }
        String xdgCache = environment.get("XDG_CACHE_HOME");
        // The XDG specification says to ignore a relative path.
        if (xdgCache != null && Path.of(xdgCache).isAbsolute()) {
            return Path.of(xdgCache, "ecsforge", "jsii");
        }
        return Path.of(userHome, ".cache", "ecsforge", "jsii");
    }
}
