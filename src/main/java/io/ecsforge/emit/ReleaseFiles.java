package io.ecsforge.emit;

import io.ecsforge.UserError;
import io.ecsforge.config.EnvironmentConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an application's repository needs to release itself, written into that repository
 * (which usually has neither Java nor ecsforge): the workflow, and beside it, for each
 * environment, the task definition and AppSpec templates it fills in at release time.
 *
 * <pre>
 * .github/workflows/release.yml
 * .github/ecsforge/&lt;env&gt;/taskdef.json
 * .github/ecsforge/&lt;env&gt;/appspec.yaml
 * </pre>
 *
 * <p>The release files sit outside {@code .github/workflows}, which GitHub reserves for workflows.
 */
public final class ReleaseFiles {
    private ReleaseFiles() {}

    /** Each file's path relative to the repository root, and its content, in writing order. */
    public static Map<String, String> render(List<EnvironmentConfig> configs) {
        List<String> sources = new ArrayList<>();
        for (EnvironmentConfig config : configs) {
            Path file = Path.of(config.file());
            sources.add(file.getFileName() + " (sha256 " + sha256(file) + ")");
        }
        Map<String, String> files = new LinkedHashMap<>();
        files.put(ReleaseWorkflow.WORKFLOW_FILE, ReleaseWorkflow.render(configs, sources));
        for (EnvironmentConfig config : configs) {
            String dir = ReleaseWorkflow.RELEASE_FILES_DIR + "/" + config.environment() + "/";
            files.put(dir + ReleaseArtifacts.TASK_DEFINITION_FILE, ReleaseArtifacts.taskDefinitionJson(config));
            files.put(dir + ReleaseArtifacts.APPSPEC_FILE, ReleaseArtifacts.appSpecYaml(config));
        }
        return files;
    }

    /**
     * Writes {@link #render} under {@code root}. Everything is rendered before the first file is
     * written, and each file is written aside and moved into place, so bad input changes nothing.
     */
    public static List<Path> write(List<EnvironmentConfig> configs, Path root) {
        Map<String, String> files = render(configs);
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = root.resolve(file.getKey());
            try {
                Files.createDirectories(target.getParent());
                Path partial = target.resolveSibling(target.getFileName() + ".partial");
                Files.writeString(partial, file.getValue(), StandardCharsets.UTF_8);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UserError(target + ": cannot write the release file: " + e.getMessage());
            }
            written.add(target);
        }
        return written;
    }

    private static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UserError(file + ": cannot read the configuration: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
