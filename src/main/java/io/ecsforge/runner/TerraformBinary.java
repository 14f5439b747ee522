package io.ecsforge.runner;

import io.ecsforge.UserError;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The Terraform-compatible binary every stack runs with: HashiCorp's {@code terraform} or
 * OpenTofu's {@code tofu}.
 *
 * @param path the executable
 */
public record TerraformBinary(Path path) {
    /** The environment variable that names the binary when {@code --terraform} is not given. */
    public static final String ENVIRONMENT_VARIABLE = "TERRAFORM_BINARY";

    /** Looked up on {@code PATH} in this order when neither option nor variable names one. */
    static final List<String> NAMES_ON_PATH = List.of("terraform", "tofu");

    static final String HOW_TO_INSTALL =
            "install Terraform (https://developer.hashicorp.com/terraform/install) or OpenTofu"
                    + " (https://opentofu.org/docs/intro/install/, or scripts/setup-tools.sh, which builds it into"
                    + " $ECSFORGE_CACHE/bin/tofu), then put it on PATH, set " + ENVIRONMENT_VARIABLE
                    + " or pass --terraform PATH";

    /**
     * Finds the binary: {@code explicit} (from {@code --terraform}) if given, else the
     * {@code TERRAFORM_BINARY} variable, else the first of {@code terraform}, {@code tofu} on
     * {@code PATH}.
     *
     * @param explicit the {@code --terraform} value, or null
     * @param environment the process environment
     * @throws UserError naming what was tried and how to install one
     */
    public static TerraformBinary resolve(String explicit, Map<String, String> environment) {
        if (explicit != null && !explicit.isBlank()) {
            return named(explicit, "--terraform " + explicit, environment);
        }
        String fromVariable = environment.get(ENVIRONMENT_VARIABLE);
        if (fromVariable != null && !fromVariable.isBlank()) {
            return named(fromVariable, ENVIRONMENT_VARIABLE + "=" + fromVariable, environment);
        }
        for (String name : NAMES_ON_PATH) {
            Path found = onPath(name, environment);
            if (found != null) {
                return new TerraformBinary(found);
            }
        }
        throw new UserError("no Terraform-compatible binary found: neither " + String.join(" nor ", NAMES_ON_PATH)
                + " is on PATH and " + ENVIRONMENT_VARIABLE + " is not set; " + HOW_TO_INSTALL);
    }

    /** A value with a slash is a path; a bare name is looked up on PATH, as a shell would. */
    private static TerraformBinary named(String value, String source, Map<String, String> environment) {
        Path path = value.contains(File.separator) ? Path.of(value) : onPath(value, environment);
        if (path == null || !Files.isRegularFile(path) || !Files.isExecutable(path)) {
            throw new UserError(source + ": no executable file there; " + HOW_TO_INSTALL);
        }
        return new TerraformBinary(path.toAbsolutePath());
    }

    private static Path onPath(String name, Map<String, String> environment) {
        String searchPath = environment.getOrDefault("PATH", "");
        for (String directory : searchPath.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate.toAbsolutePath();
            }
        }
        return null;
    }

    /**
     * Whether {@code plan} takes {@code -exclude} (OpenTofu 1.9+; Terraform has no such option),
     * as the binary's own {@code plan -help} says: that answers for any version of either.
     */
    public boolean planHasExclude() {
        try {
            Process process = new ProcessBuilder(path.toString(), "plan", "-help").redirectErrorStream(true).start();
            process.getOutputStream().close();
            String help = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor();
            return help.contains("-exclude=");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The name shown in progress lines, e.g. {@code tofu}. */
    public String displayName() {
        return path.getFileName().toString();
    }
}
