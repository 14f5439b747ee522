package io.ecsforge.jsii;

/**
 * The one way in to setting up jsii, the bridge through which cdktf's JavaScript runs in a
 * Node.js process: every way in (the CLI's synth, cdktf's CLI through {@code cdktf-app}, the
 * tests) calls {@link #prepare} before anything of cdktf is created, and so gets the fast
 * provider load without help from the shell.
 *
 * <p>With {@link ProviderLoad#LAZY}, the Node.js process preloads {@code lazy-provider-index.cjs}
 * ({@link JsiiNode}), and the AWS provider is loaded into it from a cached copy of its package
 * ({@link ModuleTarballs}). Both reach into the jsii runtime by reflection; should either fail,
 * the provider loads the normal way and synthesizes the same bytes, only slower.
 */
public final class Jsii {
    private static ProviderLoad prepared;

    private Jsii() {}

    /**
     * Prepares the Node.js process the first time it is called; later calls return what the
     * first one did, whatever their settings, since jsii has one process per JVM.
     *
     * @return the way the provider will load: {@link ProviderLoad#EAGER} when asked for, or when
     *     the jsii runtime had already started or cannot be prepared
     */
    public static synchronized ProviderLoad prepare(JsiiSettings settings) {
        if (prepared == null) {
            boolean lazy = settings.providerLoad() == ProviderLoad.LAZY && JsiiNode.preloadLazyIndex(settings);
            prepared = lazy ? ProviderLoad.LAZY : ProviderLoad.EAGER;
            if (prepared == ProviderLoad.LAZY) {
                // The provider of every platform stack, and the one tarball big enough to matter.
                ModuleTarballs.load(com.hashicorp.cdktf.providers.aws.$Module.class, settings.cacheDir());
            }
        }
        return prepared;
    }
}
