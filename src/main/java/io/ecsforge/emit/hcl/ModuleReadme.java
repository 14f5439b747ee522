package io.ecsforge.emit.hcl;

import io.ecsforge.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A module's {@code README.md}: a template written by hand (what the module makes, a usage
 * block) with the inputs and outputs tables generated between terraform-docs' markers by
 * terraform-docs itself, from the module's {@code variables.tf} and {@code outputs.tf}, so the
 * tables always say what the HCL says. Rows are sorted by name, so the same module always gives
 * the same README.
 */
public final class ModuleReadme {
    public static final String FILE = "README.md";
    public static final String BEGIN_MARKER = "<!-- BEGIN_TF_DOCS -->";
    public static final String END_MARKER = "<!-- END_TF_DOCS -->";

    /**
     * terraform-docs' sections other than the inputs and outputs tables: the versions are in
     * {@code versions.tf}, and the resources list would repeat main.tf.
     */
    static final List<String> HIDDEN_SECTIONS = List.of("header", "footer", "modules", "providers", "requirements",
            "resources", "data-sources");

    private static final long TIMEOUT_SECONDS = 60;

    private ModuleReadme() {}

    /**
     * Writes {@code module/README.md}: {@code template}, with terraform-docs' inputs and outputs
     * tables put between {@link #BEGIN_MARKER} and {@link #END_MARKER}.
     *
     * @param terraformDocs the terraform-docs binary ({@code scripts/setup-tools.sh} installs v0.20.0)
     * @throws IllegalArgumentException when the template lacks the markers, or has them out of order
     * @throws UserError when terraform-docs is not there to run
     * @return the README written
     */
    public static Path write(Path terraformDocs, Path module, String template) {
        int begin = template.indexOf(BEGIN_MARKER);
        int end = template.indexOf(END_MARKER);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("the README template of " + module + " needs " + BEGIN_MARKER
                    + " and then " + END_MARKER + ", each on a line of its own, where the inputs and outputs tables go");
        }
        if (!Files.isExecutable(terraformDocs)) {
            throw new UserError("terraform-docs is not installed at " + terraformDocs
                    + "; run scripts/setup-tools.sh, which builds v0.20.0 into the tools cache");
        }
        Path readme = module.resolve(FILE);
        try {
            Files.writeString(readme, template, StandardCharsets.UTF_8);
            List<String> command = List.of(terraformDocs.toString(), "markdown", "table", "--output-file", FILE,
                    "--output-mode", "inject", "--sort-by", "name", "--hide", String.join(",", HIDDEN_SECTIONS), ".");
            Path log = Files.createTempFile("ecsforge-terraform-docs-", ".log");
            try {
                Process process = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true)
                        .redirectOutput(log.toFile()).start();
                process.getOutputStream().close();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new IllegalStateException("terraform-docs did not finish within " + TIMEOUT_SECONDS
                            + " s in " + module);
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", command) + " (in " + module + ") exited with "
                            + process.exitValue() + ":\n" + Files.readString(log));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while terraform-docs ran in " + module, e);
        }
        return readme;
    }
}
