package io.ecsforge.config;

import java.util.Locale;

/** A choice in the configuration, with the exact spelling a user writes in YAML. */
public interface Named {
    String name();

    /** The constant's name in lower case with dashes: {@code ONE_PER_AZ} is written {@code one-per-az}. */
    default String yamlName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
