package io.ecsforge.jsii;

import io.ecsforge.UserError;
import java.util.Locale;

/**
 * How the Node.js process that runs cdktf loads a prebuilt provider's JavaScript. Both ways
 * synthesize the same bytes; they differ in time and memory only.
 */
public enum ProviderLoad {
    /**
     * Only the resource modules that stacks use are loaded, when first used, and the provider's
     * package comes from a copy kept in the cache ({@link ModuleTarballs}). The default: the AWS
     * provider's index otherwise compiles about 1,800 modules on every synth, and jsii copies its
     * 30 MB package out of the jar on every run.
     */
    LAZY,
    /**
     * Every resource module is loaded up front, and the package copied out of the jar, as the
     * provider and jsii do by themselves: the baseline, and a way out when troubleshooting.
     */
    EAGER;

    /** The environment variable that chooses; {@link JsiiSettings#from} is the only reader. */
    public static final String VARIABLE = "ECSFORGE_PROVIDER_LOAD";

    /** The choice in {@value #VARIABLE}: {@code lazy} (also when unset or empty) or {@code eager}. */
    static ProviderLoad parse(String value) {
        if (value == null || value.isBlank()) {
            return LAZY;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "lazy" -> LAZY;
            case "eager" -> EAGER;
            default -> throw new UserError(VARIABLE + ": \"" + value + "\" is not a way to load the provider;"
                    + " allowed: lazy (the default), eager (every resource module up front, slower);"
                    + " unset it or set one of those");
        };
    }
}
