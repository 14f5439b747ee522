package io.ecsforge.runner;

import java.nio.file.Path;

/**
 * Where one project's files are, relative to its directory: {@code cdktf.out/} (synthesized
 * stacks, replaced whole by each synthesis) and {@code .ecsforge/} (saved plans, which must outlive a
 * synthesis).
 */
public record Workspace(Path directory) {
    public Workspace {
        directory = directory.toAbsolutePath().normalize();
    }

    public Path outDir() {
        return directory.resolve("cdktf.out");
    }

    public PlanStore plans() {
        return new PlanStore(directory.resolve(".ecsforge").resolve("plans"));
    }
}
