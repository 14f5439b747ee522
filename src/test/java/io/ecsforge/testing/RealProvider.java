package io.ecsforge.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real {@code hashicorp/aws} provider, from a filesystem mirror in the unpacked layout
 * ({@code <mirror>/registry.terraform.io/hashicorp/aws/<version>/linux_amd64/terraform-provider-aws_*}),
 * and the two binaries that run it. A test that lacks one of them is skipped with the reason.
 *
 * <p>Every stack shares the one copy in the mirror: from an unpacked mirror both Terraform and
 * OpenTofu install a provider as a symlink in {@code .terraform/providers}, not a copy (~700 MB
 * each). A {@code plugin_cache_dir} would do the same, but it is filled by copying once and is
 * not safe for inits running at once.
 */
public final class RealProvider {
    /** Names the mirror; else {@code $ECSFORGE_PROVIDER_MIRROR}, else {@link #DEFAULT_MIRROR}. */
    public static final String MIRROR_PROPERTY = "ecsforge.providerMirror";
    public static final String MIRROR_VARIABLE = "ECSFORGE_PROVIDER_MIRROR";
    public static final Path DEFAULT_MIRROR = Path.of("/opt/tf-plugins");

    static final String PLATFORM = "linux_amd64";
    private static final String TERRAFORM_HOST = "registry.terraform.io";
    private static final String TOFU_HOST = "registry.opentofu.org";
    private static final String AWS = "hashicorp/aws";

    /** The hashicorp/aws versions the stacks accept, for messages. */
    private static final String VERSION_RANGE = io.ecsforge.config.AwsConfig.DEFAULT_PROVIDER_VERSION;

    private RealProvider() {}

    /** A Terraform-compatible binary with its CLI configuration, ready to run stacks with the mirror. */
    /**
     * @param provider the provider's directory in Terraform's mirror, links resolved: where every
     *     stack's {@code .terraform/providers} entry should lead
     */
    public record Binary(String name, Path path, Path cliConfig, Path provider) {
        /** The environment to run it in: the CLI configuration, no prompts, no AWS credentials. */
        public Map<String, String> environment() {
            Map<String, String> environment = new HashMap<>(System.getenv());
            environment.keySet().removeIf(variable -> variable.startsWith("AWS_") || variable.startsWith("TF_"));
            environment.put("TF_CLI_CONFIG_FILE", cliConfig.toString());
            environment.put("TF_IN_AUTOMATION", "1");
            environment.put("TF_INPUT", "0");
            environment.put("CHECKPOINT_DISABLE", "1");
            return environment;
        }

        /** Runs it in {@code directory} to its end (at most 10 minutes), both streams kept. */
        public Run run(Path directory, String... args) {
            return run(directory, Map.of(), args);
        }

        /** As {@link #run(Path, String...)}, with {@code variables} added to its environment ({@code AWS_ENDPOINT_URL}). */
        public Run run(Path directory, Map<String, String> variables, String... args) {
            List<String> command = new ArrayList<>(List.of(path.toString()));
            command.addAll(List.of(args));
            Map<String, String> environment = environment();
            environment.putAll(variables);
            Processes.Finished finished = Processes.run(command, directory, environment, Duration.ofMinutes(10));
            return new Run(name + " " + String.join(" ", args), directory, finished.exitCode(), finished.stdout(),
                    finished.stderr());
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** One command run to its end. */
    public record Run(String commandLine, Path directory, int exitCode, String stdout, String stderr) {
        /** Fails showing the command and both streams unless it exited with 0. */
        public Run succeeded() {
            if (exitCode != 0) {
                throw new AssertionError(this.toString());
            }
            return this;
        }

        @Override
        public String toString() {
            return commandLine + " (in " + directory + ")\nexit code: " + exitCode + "\nstdout:\n" + stdout
                    + "\nstderr:\n" + stderr;
        }
    }

    /** The mirror in Terraform's layout; skips the test, saying where to get one, when there is none. */
    public static Path mirror() {
        String property = System.getProperty(MIRROR_PROPERTY);
        String variable = System.getenv(MIRROR_VARIABLE);
        Path mirror = property != null && !property.isBlank() ? Path.of(property)
                : variable != null && !variable.isBlank() ? Path.of(variable) : DEFAULT_MIRROR;
        Path versions = mirror.resolve(TERRAFORM_HOST).resolve(AWS);
        String missing = version(mirror) == null
                ? "no hashicorp/aws provider for " + PLATFORM + " in " + versions + " (the mirror is -D" + MIRROR_PROPERTY
                        + ", else $" + MIRROR_VARIABLE + ", else " + DEFAULT_MIRROR + "); on a machine with internet"
                        + " access unzip terraform-provider-aws_<version>_" + PLATFORM + ".zip from"
                        + " https://releases.hashicorp.com/terraform-provider-aws/ into " + versions + "/<version>/"
                        + PLATFORM + "/ (a version " + VERSION_RANGE + "), or run terraform init with plugin_cache_dir"
                        + " set to the mirror"
                : null;
        assumeTrue(missing == null, missing);
        return mirror.toAbsolutePath();
    }

    /** The highest version in the mirror that has a provider binary for this platform, or null. */
    static String version(Path mirror) {
        Path versions = mirror.resolve(TERRAFORM_HOST).resolve(AWS);
        if (!Files.isDirectory(versions)) {
            return null;
        }
        List<String> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(versions)) {
            for (Path version : entries) {
                try (DirectoryStream<Path> binaries = Files.newDirectoryStream(version.resolve(PLATFORM),
                        "terraform-provider-aws_*")) {
                    if (binaries.iterator().hasNext()) {
                        found.add(version.getFileName().toString());
                    }
                } catch (IOException notThisOne) {
                    // a version without this platform's binary is not usable
                }
            }
        } catch (IOException e) {
            return null;
        }
        return found.stream().max(RealProvider::compareVersions).orElse(null);
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.min(left.length, right.length); i++) {
            int compared;
            try {
                compared = Integer.compare(Integer.parseInt(left[i]), Integer.parseInt(right[i]));
            } catch (NumberFormatException e) {
                compared = left[i].compareTo(right[i]);
            }
            if (compared != 0) {
                return compared;
            }
        }
        return Integer.compare(left.length, right.length);
    }

    private static Path providerPlatformDirectory(Path mirror, String host) {
        return mirror.resolve(host).resolve(AWS).resolve(version(mirror)).resolve(PLATFORM);
    }

    private static Path provider(Path mirror) {
        try {
            return providerPlatformDirectory(mirror, TERRAFORM_HOST).toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** HashiCorp's terraform on PATH, configured for the mirror; skips the test when absent. */
    public static Binary terraform() {
        Path mirror = mirror();
        Path terraform = onPath("terraform");
        assumeTrue(terraform != null, "terraform is not on PATH; install it from"
                + " https://developer.hashicorp.com/terraform/install");
        return new Binary("terraform", terraform, cliConfig("terraform", mirror, TERRAFORM_HOST),
                provider(mirror));
    }

    /**
     * OpenTofu from the tools cache, configured for a mirror of symlinks in the tools cache: it
     * looks for {@code hashicorp/aws} under {@code registry.opentofu.org}, and the provider is the
     * same binary, so its directory there links to Terraform's layout. Skips the test when absent.
     */
    public static Binary tofu() {
        Path mirror = mirror();
        Path tofu = Tools.tofu();
        Path tofuMirror = Tools.cache().resolve("provider-mirror").resolve("opentofu");
        linkForTofu(mirror, tofuMirror);
        return new Binary("tofu", tofu, cliConfig("tofu", tofuMirror, TOFU_HOST), provider(mirror));
    }

    /** Both binaries, for tests that run each stack with each. */
    public static List<String> binaryNames() {
        return List.of("terraform", "tofu");
    }

    public static Binary binary(String name) {
        return switch (name) {
            case "terraform" -> terraform();
            case "tofu" -> tofu();
            default -> throw new IllegalArgumentException("no binary " + name + "; allowed: " + binaryNames());
        };
    }

    /** Makes (or keeps, when it points right) {@code <tofuMirror>/registry.opentofu.org/hashicorp/aws/<v>/<platform>}. */
    private static synchronized void linkForTofu(Path mirror, Path tofuMirror) {
        Path target = providerPlatformDirectory(mirror, TERRAFORM_HOST).toAbsolutePath();
        Path link = tofuMirror.resolve(TOFU_HOST).resolve(AWS).resolve(version(mirror)).resolve(PLATFORM);
        try {
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(target)) {
                return;
            }
            Files.createDirectories(link.getParent());
            // Made aside and moved into place, so a test run in another checkout never sees half a mirror.
            Path partial = link.resolveSibling(PLATFORM + ".partial." + ProcessHandle.current().pid());
            Files.deleteIfExists(partial);
            Files.createSymbolicLink(partial, target);
            Files.move(partial, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A CLI configuration that installs the registry's providers only from {@code mirror}, in a
     * temporary file: a test must not depend on ~/.terraformrc nor reach a registry.
     */
    private static Path cliConfig(String binary, Path mirror, String host) {
        String config = """
                provider_installation {
                  filesystem_mirror {
                    path    = "%s"
                    include = ["%s/*/*"]
                  }
                  direct {
                    exclude = ["%s/*/*"]
                  }
                }
                """.formatted(mirror, host, host);
        try {
            Path file = Files.createTempFile("ecsforge-" + binary + "-", ".tfrc");
            file.toFile().deleteOnExit();
            Files.writeString(file, config);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path onPath(String name) {
        for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = directory.isEmpty() ? null : Path.of(directory, name);
            if (candidate != null && Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }
}
