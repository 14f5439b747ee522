package io.ecsforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A project folder whose environment is planned and applied against moto with OpenTofu and the
 * real hashicorp/aws provider from the mirror, as scripts/try-local does: its own {@code config/}
 * (a copy of the repository's or of a changed one) and {@code locks/} (the committed lock files),
 * dummy credentials, and {@code ECSFORGE_AWS_ENDPOINT} pointing every stack at the server.
 */
public final class EmulatedProject {
    /** scripts/try-local reads the same list: what moto cannot make, each with the reason. */
    public static final Path MOTO_EXCLUDES = Path.of("scripts/lib/moto-excludes.txt");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int AWS_CLI_TIMEOUT_SECONDS = 120;

    private final Path directory;
    private final String env;
    private final MotoServer moto;
    private final RealProvider.Binary tofu;
    private final Map<String, String> environment;

    private EmulatedProject(Path directory, String env, MotoServer moto, RealProvider.Binary tofu, String region) {
        this.directory = directory;
        this.env = env;
        this.moto = moto;
        this.tofu = tofu;
        Map<String, String> variables = new HashMap<>(MotoServer.clientEnvironment());
        variables.put("AWS_REGION", region);
        variables.put("ECSFORGE_AWS_ENDPOINT", moto.endpoint().toString());
        variables.put("TF_CLI_CONFIG_FILE", tofu.cliConfig().toString());
        this.environment = Map.copyOf(variables);
    }

    /**
     * Copies the repository's {@code config/<env>.yaml} and {@code locks/} into {@code directory}.
     * Skips the test when OpenTofu or the provider mirror is missing.
     */
    public static EmulatedProject of(Path directory, String env, MotoServer moto) {
        RealProvider.Binary tofu = RealProvider.tofu();
        try {
            Files.createDirectories(directory.resolve("config"));
            Files.copy(Repo.config().resolve(env + ".yaml"), directory.resolve("config/" + env + ".yaml"));
            copyFolder(Repo.root().resolve("locks"), directory.resolve("locks"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EmulatedProject(directory, env, moto, tofu, "us-east-1");
    }

    public Path directory() {
        return directory;
    }

    /** The environment's name, config/&lt;env&gt;.yaml. */
    public String env() {
        return env;
    }

    public RealProvider.Binary tofu() {
        return tofu;
    }

    /** The environment the CLI, Terraform and the AWS CLI run in here. */
    public Map<String, String> environment() {
        return environment;
    }

    /** The resources moto cannot make, as {@code --exclude ADDRESS} pairs. */
    public static List<String> excludeArguments() {
        List<String> arguments = new ArrayList<>();
        for (String address : motoExcludes()) {
            arguments.add("--exclude");
            arguments.add(address);
        }
        return arguments;
    }

    /** The addresses in {@link #MOTO_EXCLUDES}, in its order. */
    public static List<String> motoExcludes() {
        try {
            return Files.readAllLines(Repo.root().resolve(MOTO_EXCLUDES)).stream()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The real CLI, run in this process, with {@code -C} this folder and, for the commands that run
     * a binary, {@code --terraform} OpenTofu.
     */
    public CliResult ecsforge(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("-C", directory.toString()));
        if (!args[0].equals("stacks")) {
            all.addAll(List.of("--terraform", tofu.path().toString()));
        }
        return CliResult.run(environment, all.toArray(String[]::new));
    }

    /** The CLI with the moto exclusions appended, for {@code plan} and {@code bootstrap}. */
    public CliResult ecsforgeExcluding(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(excludeArguments());
        return ecsforge(all.toArray(String[]::new));
    }

    /** The JSON {@code ecsforge plan} saved for the stack (full name). */
    public Path planJson(String stack) {
        return directory.resolve(".ecsforge/plans").resolve(stack).resolve("plan.json");
    }

    /** A folder next to config/ holding a copy of config/ENV.yaml with {@code edit} applied, for --config-dir. */
    public Path changedConfig(String name, String env, java.util.function.UnaryOperator<String> edit) {
        Path folder = directory.resolve("changed-configs").resolve(name);
        try {
            Files.createDirectories(folder);
            String original = Files.readString(directory.resolve("config/" + env + ".yaml"));
            String changed = edit.apply(original);
            if (changed.equals(original)) {
                throw new AssertionError("the edit '" + name + "' changed nothing in config/" + env + ".yaml");
            }
            Files.writeString(folder.resolve(env + ".yaml"), changed);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The venv's AWS CLI against the server, {@code --output json}; fails showing its output unless it exits 0. */
    public JsonNode aws(String... args) {
        List<String> command = new ArrayList<>(List.of(Tools.aws().toString()));
        command.addAll(List.of(args));
        command.addAll(List.of("--output", "json"));
        try {
            Path output = Files.createTempFile("ecsforge-aws-", ".out");
            try {
                ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(output.toFile());
                builder.environment().clear();
                builder.environment().putAll(environment);
                builder.environment().put("AWS_DEFAULT_REGION", environment.get("AWS_REGION"));
                builder.environment().put("AWS_ENDPOINT_URL", moto.endpoint().toString());
                Process process = builder.start();
                process.getOutputStream().close();
                if (!process.waitFor(AWS_CLI_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(command + " did not finish in " + AWS_CLI_TIMEOUT_SECONDS + " s");
                }
                String text = Files.readString(output);
                if (process.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", args) + " exited with " + process.exitValue() + ":\n" + text);
                }
                return text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted: " + command, e);
        }
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName().toString()));
            }
        }
    }
}
