package io.ecsforge.emit;

import io.ecsforge.UserError;
import io.ecsforge.config.EnvironmentConfig;
import io.ecsforge.config.ServiceConfig.CpuArchitecture;
import io.ecsforge.stacks.AwsArns;
import io.ecsforge.stacks.EnvironmentNames;
import io.ecsforge.stacks.EnvironmentNames.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The GitHub Actions workflow that releases the application: on every push to the release
 * branch it builds the image once, then ships it to each environment in the order given, each
 * through its CodeDeploy blue/green deployment, and waits for the outcome.
 *
 * <p>Everything the workflow names (registry, cluster, service, CodeDeploy application and group,
 * target groups, alarms, role ARN, container) comes from the same configuration and {@link EnvironmentNames}
 * as the stacks, so the two cannot disagree; the deploy step also checks the deployment group
 * itself before it starts, in case the infrastructure moved on since the files were generated.
 *
 * <p>The image is built by a job without any AWS access into an OCI archive, and every
 * environment pushes that same archive, so a later environment runs exactly the image, by digest,
 * that the earlier one released successfully.
 */
public final class ReleaseWorkflow {
    /** Where the workflow sits in the application's repository. */
    public static final String WORKFLOW_FILE = ".github/workflows/release.yml";
    /** The folder of the per-environment release files, beside the workflows. */
    public static final String RELEASE_FILES_DIR = ".github/ecsforge";
    /** The build job's artifact: the image as an OCI archive. */
    static final String IMAGE_ARTIFACT = "image";
    static final String IMAGE_ARCHIVE = "image.tar";
    /** How often the release job asks CodeDeploy for the deployment's status. */
    static final int POLL_SECONDS = 30;

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./@-]*[A-Za-z_./@-][A-Za-z0-9_./@-]*");
    private static final List<String> YAML_WORDS = List.of("true", "false", "yes", "no", "on", "off", "null", "y", "n");

    private final List<EnvironmentConfig> environments;
    private final List<String> sources;
    private final List<String> lines = new ArrayList<>();

    private ReleaseWorkflow(List<EnvironmentConfig> environments, List<String> sources) {
        this.environments = environments;
        this.sources = sources;
    }

    /**
     * The workflow for {@code environments}, released in that order.
     *
     * @param sources one line per environment naming the configuration it came from, for the header
     */
    public static String render(List<EnvironmentConfig> environments, List<String> sources) {
        check(environments);
        return new ReleaseWorkflow(environments, sources).write();
    }

    /** The job of one environment: {@code release-<env>}. */
    public static String jobId(EnvironmentConfig config) {
        return "release-" + config.environment();
    }

    /** The registry host of the environment's account and region. */
    public static String registry(EnvironmentConfig config) {
        String suffix = config.aws().region().startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com";
        return account(config) + ".dkr.ecr." + config.aws().region() + suffix;
    }

    /** The release role's ARN: its name is fixed by {@link EnvironmentNames#role}, so nothing is looked up. */
    public static String releaseRoleArn(EnvironmentConfig config) {
        return AwsArns.configured(config).orElseThrow().role(EnvironmentNames.of(config).role(Role.RELEASE));
    }

    /** The Docker platforms the image is built for: those of every environment's CPU architecture. */
    public static List<String> platforms(List<EnvironmentConfig> environments) {
        TreeSet<String> platforms = new TreeSet<>();
        for (EnvironmentConfig config : environments) {
            platforms.add(config.service().cpuArchitecture() == CpuArchitecture.ARM64 ? "linux/arm64" : "linux/amd64");
        }
        return List.copyOf(platforms);
    }

    private static String account(EnvironmentConfig config) {
        return config.aws().accountId().orElseThrow();
    }

    private static void check(List<EnvironmentConfig> environments) {
        if (environments.isEmpty()) {
            throw new UserError("workflows: name at least one environment with --env");
        }
        List<String> problems = new ArrayList<>();
        String branch = environments.get(0).github().branch();
        String repository = environments.get(0).github().repository();
        for (EnvironmentConfig config : environments) {
            if (config.aws().accountId().isEmpty()) {
                problems.add(config.file() + ": aws.accountId: not set; the release workflow names the account's registry and "
                        + "release role; allowed: the twelve-digit account id, quoted (\"123456789012\")");
            }
            if (!config.github().branch().equals(branch)) {
                problems.add(config.file() + ": github.branch: \"" + config.github().branch() + "\" differs from \"" + branch
                        + "\" in " + environments.get(0).file() + "; allowed: one release branch for every environment of a workflow");
            }
            if (!config.github().repository().equals(repository)) {
                problems.add(config.file() + ": github.repository: \"" + config.github().repository() + "\" differs from \""
                        + repository + "\" in " + environments.get(0).file()
                        + "; allowed: the one repository the workflow runs in, for every environment");
            }
            ReleaseTiming.of(config);
        }
        if (!problems.isEmpty()) {
            throw new UserError(String.join("\n", problems));
        }
    }

    private String write() {
        EnvironmentConfig first = environments.get(0);
        line("# Releases the application: on every push to " + first.github().branch() + ", build the image once, then ship it");
        line("# to " + String.join(", then ", environments.stream().map(EnvironmentConfig::environment).toList())
                + " through CodeDeploy's blue/green deployment, each environment only");
        line("# after the one before it released successfully, and fail when a release rolls back.");
        line("#");
        line("# Generated by `ecsforge workflows` from:");
        sources.forEach(source -> line("#   " + source));
        line("# Do not edit: change the configuration and generate it again. Needs the GitHub environments");
        line("# " + String.join(", ", environments.stream().map(c -> "\"" + c.environment() + "\"").toList())
                + " (Settings > Environments); give production required reviewers and restrict each to");
        line("# the " + first.github().branch() + " branch: the release roles trust those environments only.");
        line("name: release");
        line("");
        line("on:");
        line("  push:");
        line("    branches: [" + scalar(first.github().branch()) + "]");
        line("  workflow_dispatch:");
        line("    inputs:");
        line("      hotfix:");
        line("        description: Watch only the new version's alarms, so that a failing live version cannot roll back its own fix");
        line("        type: boolean");
        line("        default: false");
        line("");
        line("# Each job asks for the token permissions it needs.");
        line("permissions: {}");
        line("");
        line("defaults:");
        line("  run:");
        line("    shell: bash");
        line("");
        line("jobs:");
        buildJob();
        EnvironmentConfig previous = null;
        for (EnvironmentConfig config : environments) {
            line("");
            releaseJob(config, previous);
            previous = config;
        }
        return String.join("\n", lines) + "\n";
    }

    private void buildJob() {
        List<String> platforms = platforms(environments);
        line("  build:");
        line("    name: Build the image");
        line("    runs-on: ubuntu-24.04");
        line("    timeout-minutes: 30");
        line("    # No AWS access: the image is built from the commit alone and handed on as an artifact.");
        line("    permissions:");
        line("      contents: read");
        line("    outputs:");
        line("      digest: ${{ steps.build.outputs.digest }}");
        line("    steps:");
        line("      - uses: " + PinnedAction.CHECKOUT.uses());
        line("        with:");
        line("          persist-credentials: false");
        if (platforms.contains("linux/arm64")) {
            line("      # The runner is x86-64; QEMU lets BuildKit run the arm64 build steps.");
            line("      - uses: " + PinnedAction.SETUP_QEMU.uses());
            line("        with:");
            line("          platforms: arm64");
        }
        line("      - uses: " + PinnedAction.SETUP_BUILDX.uses());
        line("      - name: Build for " + String.join(" and ", platforms));
        line("        id: build");
        line("        env:");
        line("          PLATFORMS: " + String.join(",", platforms));
        line("        run: |");
        block("""
                # One archive for every environment: each pushes these bytes, so each runs this digest.
                docker buildx build --platform "$PLATFORMS" --provenance=false --sbom=false \\
                  --label "org.opencontainers.image.revision=$GITHUB_SHA" \\
                  --output "type=oci,dest=%s" .
                digest="$(tar -xOf %s index.json | jq -r '.manifests[0].digest')"
                echo "digest=$digest" >> "$GITHUB_OUTPUT"
                echo "Built $digest for $PLATFORMS"
                """.formatted(IMAGE_ARCHIVE, IMAGE_ARCHIVE), 10);
        line("      - uses: " + PinnedAction.UPLOAD_ARTIFACT.uses());
        line("        with:");
        line("          name: " + IMAGE_ARTIFACT);
        line("          path: " + IMAGE_ARCHIVE);
        line("          if-no-files-found: error");
        line("          retention-days: 7");
    }

    private void releaseJob(EnvironmentConfig config, EnvironmentConfig previous) {
        ReleaseTiming timing = ReleaseTiming.of(config);
        String env = config.environment();
        line("  " + jobId(config) + ":");
        line("    name: Release to " + env);
        line("    needs: [build" + (previous == null ? "" : ", " + jobId(previous)) + "]");
        line("    runs-on: ubuntu-24.04");
        line("    # " + timing.waitMinutes() + " minutes for the deployment (" + ReleaseTiming.START_MARGIN_MINUTES
                + " to start the new tasks, " + timing.shiftMinutes() + " to shift traffic, "
                + timing.terminateBlueAfterMinutes() + " before the old tasks end), plus pushing and registering.");
        line("    timeout-minutes: " + timing.jobTimeoutMinutes());
        line("    # The release role trusts jobs in this GitHub environment only; its required reviewers approve here.");
        line("    environment: " + scalar(env));
        line("    # One release of an environment at a time; a newer run waits instead of cancelling one half-way.");
        line("    concurrency:");
        line("      group: " + scalar("release-" + env));
        line("      cancel-in-progress: false");
        line("    permissions:");
        line("      contents: read");
        line("      id-token: write");
        line("    env:");
        Map<String, String> variables = jobEnvironment(config, timing);
        variables.forEach((name, value) -> line("      " + name + ": " + scalar(value)));
        line("    steps:");
        line("      - uses: " + PinnedAction.CHECKOUT.uses());
        line("        with:");
        line("          persist-credentials: false");
        line("      - uses: " + PinnedAction.DOWNLOAD_ARTIFACT.uses());
        line("        with:");
        line("          name: " + IMAGE_ARTIFACT);
        line("          path: ${{ runner.temp }}");
        line("      - uses: " + PinnedAction.CONFIGURE_AWS_CREDENTIALS.uses());
        line("        with:");
        line("          role-to-assume: " + scalar(releaseRoleArn(config)));
        line("          role-session-name: release-" + env + "-${{ github.run_id }}");
        line("          aws-region: " + scalar(config.aws().region()));
        for (ReleaseStep step : ReleaseStep.values()) {
            line("      - name: " + step.title());
            if (step.id() != null) {
                line("        id: " + step.id());
            }
            if (step == ReleaseStep.SUMMARY) {
                line("        if: always()");
            }
            if (!step.environment().isEmpty()) {
                line("        env:");
                step.environment().forEach((name, value) -> line("          " + name + ": " + value));
            }
            line("        run: |");
            block(step.script(), 10);
        }
    }

    /** The job's environment variables: the names the steps use, all from the configuration. */
    static Map<String, String> jobEnvironment(EnvironmentConfig config, ReleaseTiming timing) {
        EnvironmentNames names = EnvironmentNames.of(config);
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("ENVIRONMENT_NAME", config.environment());
        variables.put("RELEASE_FILES", RELEASE_FILES_DIR + "/" + config.environment());
        variables.put("IMAGE_DIGEST", "${{ needs.build.outputs.digest }}");
        variables.put("REGISTRY", registry(config));
        variables.put("REPOSITORY", names.repository());
        variables.put("SEED_TAG", config.service().imageTag());
        variables.put("CLUSTER", names.cluster());
        variables.put("SERVICE", names.service());
        variables.put("CONTAINER", config.service().containerName());
        variables.put("CODEDEPLOY_APPLICATION", names.codeDeployApplication());
        variables.put("DEPLOYMENT_GROUP", names.deploymentGroup());
        variables.put("BLUE_TARGET_GROUP", names.targetGroup(EnvironmentNames.BLUE));
        variables.put("GREEN_TARGET_GROUP", names.targetGroup(EnvironmentNames.GREEN));
        variables.put("BLUE_ALARMS", String.join(" ", names.releaseAlarms(EnvironmentNames.BLUE)));
        variables.put("GREEN_ALARMS", String.join(" ", names.releaseAlarms(EnvironmentNames.GREEN)));
        variables.put("WAIT_MINUTES", Integer.toString(timing.waitMinutes()));
        variables.put("POLL_SECONDS", Integer.toString(POLL_SECONDS));
        variables.put("HOTFIX", "${{ github.event_name == 'workflow_dispatch' && inputs.hotfix }}");
        return variables;
    }

    private void line(String text) {
        lines.add(text);
    }

    private void block(String text, int indent) {
        String pad = " ".repeat(indent);
        for (String line : text.stripTrailing().split("\n", -1)) {
            lines.add(line.isEmpty() ? "" : pad + line);
        }
    }

    /** A YAML scalar: plain when YAML reads it back as the same string, double-quoted otherwise. */
    static String scalar(String value) {
        if (value.startsWith("${{") || (PLAIN.matcher(value).matches() && !YAML_WORDS.contains(value.toLowerCase())
                && !value.startsWith("-") && !value.startsWith("@"))) {
            return value;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
