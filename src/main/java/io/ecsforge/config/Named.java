package io.ecsforge.config;

/** A choice in the configuration, with the exact spelling a user writes in YAML. */
public interface Named {
    String yamlName();
}
