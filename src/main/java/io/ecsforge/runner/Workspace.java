package io.ecsforge.runner;

import java.nio.file.Path;

/**
 * Where one project's files are, relative to its directory: {@code cdktf.out/} (synthesized
 * stacks, replaced whole by each synthesis), {@code .ecsforge/} (saved plans, which must outlive a
 * synthesis), {@code locks/} (the committed provider lock files) and {@code .tfstate/} (local
 * state: every stack's with {@code state.backend: local}, the state stack's during bootstrap).
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

    public LockFiles locks() {
        return new LockFiles(directory.resolve("locks"));
    }

    /** The same folder the stacks' local backends name as {@code ../../../.tfstate} from their working directories. */
    public Path localState() {
        return directory.resolve(".tfstate");
    }
}
