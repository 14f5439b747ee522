package io.ecsforge.modules;

import io.ecsforge.UserError;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The terraform-docs binary that fills a module README's inputs and outputs tables, looked up as
 * the runner looks up Terraform: named by a variable, else on {@code PATH}, else where
 * {@code scripts/setup-tools.sh} builds it.
 */
public final class TerraformDocs {
    /** Names the binary, a path or a name on PATH, before anything else is tried. */
    public static final String ENVIRONMENT_VARIABLE = "ECSFORGE_TERRAFORM_DOCS";
    static final String NAME = "terraform-docs";

    static final String HOW_TO_INSTALL = "run scripts/setup-tools.sh, which builds terraform-docs v0.20.0 into"
            + " $ECSFORGE_CACHE/bin (default ~/.cache/ecsforge/bin), or install terraform-docs"
            + " (https://terraform-docs.io) and put it on PATH or set " + ENVIRONMENT_VARIABLE;

    private TerraformDocs() {}

    /**
     * The binary: {@code $ECSFORGE_TERRAFORM_DOCS}, else {@code terraform-docs} on {@code PATH},
     * else {@code bin/terraform-docs} in the tools cache ({@code $ECSFORGE_CACHE}, else
     * {@code ~/.cache/ecsforge}).
     *
     * @param environment the process environment
     * @param userHome the user's home folder
     * @throws UserError naming what was tried and how to install it
     */
    public static Path resolve(Map<String, String> environment, String userHome) {
        String named = environment.get(ENVIRONMENT_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path path = named.contains(File.separator) ? Path.of(named) : onPath(named, environment);
            if (path == null || !executable(path)) {
                throw new UserError(ENVIRONMENT_VARIABLE + "=" + named + ": no executable file there; " + HOW_TO_INSTALL);
            }
            return path.toAbsolutePath();
        }
        Path onPath = onPath(NAME, environment);
        if (onPath != null) {
            return onPath;
        }
        String cache = environment.get("ECSFORGE_CACHE");
        Path cached = (cache != null && !cache.isBlank() ? Path.of(cache) : Path.of(userHome, ".cache", "ecsforge"))
                .resolve("bin").resolve(NAME);
        if (executable(cached)) {
            return cached.toAbsolutePath();
        }
        throw new UserError("terraform-docs is needed to write the modules' README tables and was not found: "
                + ENVIRONMENT_VARIABLE + " is not set, it is not on PATH, and there is no executable " + cached + "; "
                + HOW_TO_INSTALL);
    }

    private static Path onPath(String name, Map<String, String> environment) {
        for (String directory : environment.getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!directory.isEmpty() && executable(Path.of(directory, name))) {
                return Path.of(directory, name).toAbsolutePath();
            }
        }
        return null;
    }

    private static boolean executable(Path path) {
        return Files.isRegularFile(path) && Files.isExecutable(path);
    }
}
