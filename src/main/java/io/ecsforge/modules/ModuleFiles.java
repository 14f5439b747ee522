package io.ecsforge.modules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes modules into {@code <out>/<name>/}, each through a {@link ModuleWriter}. */
public final class ModuleFiles {
    /**
     * The files a module's writer may write, as JSON or HCL. Terraform reads every {@code .tf} and
     * {@code .tf.json} of a folder, so those a writer no longer writes are removed: a module
     * written as HCL after it was written as JSON would otherwise declare everything twice.
     * Other files (a README, examples) are left alone.
     */
    static final List<String> GENERATED = List.of("main.tf.json", "main.tf", "variables.tf", "outputs.tf", "versions.tf");

    private ModuleFiles() {}

    /**
     * Refuses an output folder that cannot be one, before anything is built: a file, or a path
     * under a file.
     */
    public static void checkOut(Path out) {
        for (Path path = out.toAbsolutePath().normalize(); path != null; path = path.getParent()) {
            if (Files.exists(path) && !Files.isDirectory(path)) {
                throw new UserError("--out " + out + ": " + (path.equals(out.toAbsolutePath().normalize()) ? "is a file"
                        : path + " is a file") + ", not a folder; allowed: a folder, which is made when missing");
            }
        }
    }

    /** Writes every document into its module's folder under {@code out}; returns the files written. */
    public static List<Path> write(Map<String, ObjectNode> documents, Path out, ModuleWriter writer) {
        checkOut(out);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, ObjectNode> module : documents.entrySet()) {
            Path dir = out.resolve(module.getKey());
            try {
                Files.createDirectories(dir);
                List<Path> files = writer.write(module.getValue(), dir);
                for (String name : GENERATED) {
                    if (!files.contains(dir.resolve(name))) {
                        Files.deleteIfExists(dir.resolve(name));
                    }
                }
                written.addAll(files);
            } catch (IOException e) {
                throw new UserError("--out " + out + ": cannot write module " + module.getKey() + " into " + dir + ": " + e);
            }
        }
        return written;
    }
}
