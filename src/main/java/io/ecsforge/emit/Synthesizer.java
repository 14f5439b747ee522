package io.ecsforge.emit;

import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import io.ecsforge.UserError;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.jsii.Jsii;
import io.ecsforge.jsii.JsiiSettings;
import io.ecsforge.runner.LockFiles;
import io.ecsforge.stacks.Platform;
import io.ecsforge.stacks.PlatformStack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;

/**
 * Synthesizes environments into one output folder. The new output is written beside the old one
 * and swapped in only when every environment synthesized, so a failure leaves the previous
 * output as it was.
 */
public final class Synthesizer {
    /** @param stacks each environment's stack names, in dependency order */
    public record Result(Path outDir, Map<String, List<String>> stacks) {}

    private Synthesizer() {}

    /**
     * Synthesizes {@code configs} (already validated) into {@code outDir}, replacing what was
     * there, with each stack's committed lock file from {@code locks} in its working directory.
     *
     * @param jsii how jsii's Node.js process is prepared, should nothing have prepared it yet
     */
    public static Result synthesize(List<EnvironmentConfig> configs, Path outDir, LockFiles locks, JsiiSettings jsii) {
        Path absolute = outDir.toAbsolutePath().normalize();
        Path staging = absolute.resolveSibling(absolute.getFileName() + ".new-" + ProcessHandle.current().pid());
        Path previous = absolute.resolveSibling(absolute.getFileName() + ".old-" + ProcessHandle.current().pid());
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            // The output folder is replaced whole: a file there would be deleted.
            throw new UserError(outDir + ": a file is in the way of the output folder; move it or give another folder");
        }
        Path existing = absolute.getParent();
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing != null && !Files.isDirectory(existing)) {
            throw new UserError(outDir + ": cannot create the output folder: a file is in the way: " + existing
                    + "; move it or give another folder");
        }
        try {
            delete(staging);
            // Made here, not by the synthesis in Node.js, so that a folder that cannot be written
            // is reported by its path before anything runs.
            Files.createDirectories(staging);
            Map<String, List<String>> stacks = synthesizeInto(configs, staging, locks, jsii);
            swap(staging, absolute, previous);
            return new Result(outDir, stacks);
        } catch (IOException e) {
            throw new UserError(outDir + ": cannot create the output folder: " + why(e)
                    + "; give a folder you may write");
        } finally {
            delete(staging);
        }
    }

    /** Synthesizes into {@code dir} with no swapping. */
    private static Map<String, List<String>> synthesizeInto(List<EnvironmentConfig> configs, Path dir, LockFiles locks,
            JsiiSettings jsii) {
        Jsii.prepare(jsii);
        App app = new App(AppConfig.builder().outdir(dir.toString()).stackTraces(false).build());
        return synthesize(app, configs, locks);
    }

    /**
     * Adds every environment's stacks to {@code app} (made after {@link Jsii#prepare}) and
     * synthesizes it, then puts each stack's committed lock file into its working directory and
     * writes each environment's release files into the app's output folder.
     */
    public static Map<String, List<String>> synthesize(App app, List<EnvironmentConfig> configs, LockFiles locks) {
        Map<String, List<String>> stacks = new LinkedHashMap<>();
        for (EnvironmentConfig config : configs) {
            stacks.put(config.environment(),
                    Platform.build(app, config).stream().map(PlatformStack::stackName).toList());
        }
        app.synth();
        Path stacksDir = Path.of(app.getOutdir()).resolve("stacks");
        stacks.values().forEach(names -> names.forEach(name -> locks.copyInto(name, stacksDir.resolve(name))));
        configs.forEach(config -> ReleaseArtifacts.write(config, Path.of(app.getOutdir())));
        return stacks;
    }

    private static String why(IOException e) {
        if (e instanceof AccessDeniedException denied) {
            return "permission denied on " + denied.getFile();
        }
        return e.getMessage();
    }

    private static void swap(Path staging, Path target, Path previous) {
        try {
            delete(previous);
            if (Files.exists(target)) {
                Files.move(target, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            delete(previous);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move the new output into " + target, e);
        }
    }

    private static void delete(Path dir) {
        try {
            if (Files.exists(dir)) {
                PathUtils.deleteDirectory(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
