package io.ecsforge.modules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Writes modules into {@code <out>/<name>/}, each through a {@link ModuleWriter}. */
public final class ModuleFiles {
    /**
     * The files a module's writer may write, as JSON or HCL. Terraform reads every {@code .tf} and
     * {@code .tf.json} of a folder, so those a writer no longer writes are removed: a module
     * written as HCL after it was written as JSON would otherwise declare everything twice.
     * Other files are left alone, but for those in {@link #GENERATED_FOLDERS}.
     */
    static final List<String> GENERATED = List.of("main.tf.json", "main.tf", "variables.tf", "outputs.tf", "versions.tf");

    /**
     * Folders whose Terraform files all come from the writer: an example or a test file it no
     * longer writes would still be run by {@code terraform test} or read by a user, so those are
     * removed too; what Terraform makes there ({@code .terraform/}, lock files) is left alone.
     */
    static final List<String> GENERATED_FOLDERS = List.of("examples", "tests");

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
                List<Path> files = writer.write(module.getKey(), module.getValue(), dir);
                for (String name : GENERATED) {
                    if (!files.contains(dir.resolve(name))) {
                        Files.deleteIfExists(dir.resolve(name));
                    }
                }
                for (String folder : GENERATED_FOLDERS) {
                    removeStale(dir.resolve(folder), files);
                }
                written.addAll(files);
            } catch (IOException e) {
                throw new UserError("--out " + out + ": cannot write module " + module.getKey() + " into " + dir + ": " + e);
            }
        }
        return written;
    }

    /** Removes the {@code .tf} and {@code .tftest.hcl} files under {@code folder} that are not {@code kept}. */
    private static void removeStale(Path folder, List<Path> kept) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        List<Path> stale;
        try (Stream<Path> files = Files.walk(folder)) {
            stale = files.filter(file -> !insideTerraformFolder(folder.relativize(file)))
                    .filter(file -> file.toString().endsWith(".tf") || file.toString().endsWith(".tftest.hcl"))
                    .filter(file -> !kept.contains(file))
                    .toList();
        }
        for (Path file : stale) {
            Files.delete(file);
        }
    }

    private static boolean insideTerraformFolder(Path relative) {
        for (Path part : relative) {
            if (part.toString().equals(".terraform")) {
                return true;
            }
        }
        return false;
    }
}
