package io.ecsforge.jsii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.UserError;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class JsiiSettingsTest {
    private static Properties linux() {
        Properties properties = new Properties();
        properties.setProperty("os.name", "Linux");
        properties.setProperty("user.home", "/home/dev");
        return properties;
    }

    @Test
    void emptyEnvironmentMeansLazyLoadNodeOnThePathAndTheCacheUnderTheHomeFolder() {
        JsiiSettings settings = JsiiSettings.from(Map.of(), linux());

        assertEquals(new JsiiSettings(ProviderLoad.LAZY, null, false, false, Path.of("/home/dev/.cache/ecsforge/jsii")),
                settings);
    }

    @Test
    void ecsforgeCacheComesBeforeXdgCacheHome() {
        JsiiSettings settings = JsiiSettings.from(Map.of("ECSFORGE_CACHE", "/ci/cache", "XDG_CACHE_HOME", "/xdg"), linux());

        assertEquals(Path.of("/ci/cache/jsii"), settings.cacheDir());
    }

    @Test
    void absoluteXdgCacheHomeIsUsedWhenEcsforgeCacheIsUnsetOrEmpty() {
        JsiiSettings settings = JsiiSettings.from(Map.of("ECSFORGE_CACHE", "", "XDG_CACHE_HOME", "/xdg"), linux());

        assertEquals(Path.of("/xdg/ecsforge/jsii"), settings.cacheDir());
    }

    @Test
    void relativeXdgCacheHomeIsIgnoredAsTheXdgSpecificationSays() {
        JsiiSettings settings = JsiiSettings.from(Map.of("XDG_CACHE_HOME", "cache"), linux());

        assertEquals(Path.of("/home/dev/.cache/ecsforge/jsii"), settings.cacheDir());
    }

    @Test
    void nodeRuntimeAndProviderLoadComeFromTheirVariables() {
        JsiiSettings settings = JsiiSettings.from(Map.of(
                "JSII_NODE", "/opt/node22/bin/node", "JSII_RUNTIME", "", ProviderLoad.VARIABLE, "eager"), linux());

        assertEquals(ProviderLoad.EAGER, settings.providerLoad());
        assertEquals("/opt/node22/bin/node", settings.node());
        assertTrue(settings.ownRuntime(), "JSII_RUNTIME set, even empty, is a runtime of one's own");
    }

    @Test
    void windowsIsToldByTheOsName() {
        Properties windows = linux();
        windows.setProperty("os.name", "Windows 11");

        assertTrue(JsiiSettings.from(Map.of(), windows).windows());
        assertFalse(JsiiSettings.from(Map.of(), linux()).windows());
    }

    @Test
    void unknownProviderLoadIsAUserError() {
        assertThrows(UserError.class, () -> JsiiSettings.from(Map.of(ProviderLoad.VARIABLE, "fast"), linux()));
    }
}
