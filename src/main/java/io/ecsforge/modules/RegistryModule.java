package io.ecsforge.modules;

import io.ecsforge.config.ModuleVariables;
import io.ecsforge.stacks.EcrRegistry;
import io.ecsforge.stacks.RegistrySettings;
import software.constructs.Construct;

/**
 * {@code modules/registry}: {@link EcrRegistry} with the {@code registry} section's keys and the
 * seed image tag as variables.
 */
final class RegistryModule extends ModuleStack {
    static final String NAME = "registry";

    RegistryModule(Construct scope) {
        super(scope, NAME);
        declare(ModuleVariables.registry());
        RegistrySettings settings = new RegistrySettings(
                variable("repository_name", ""),
                variable("keep_images", (Number) 0),
                variable("untagged_expiry_days", (Number) 0),
                variable("image_tag", ""));
        new EcrRegistry(this, settings).outputs(true);
    }
}
