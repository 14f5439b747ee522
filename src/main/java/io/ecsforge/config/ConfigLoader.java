package io.ecsforge.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code config/<env>.yaml} into an {@link EnvironmentConfig}: the one place that reads
 * configuration. Every problem of a file is reported in one {@link UserError}, one line each.
 */
public final class ConfigLoader {
    private static final String REQUIRED = "allowed: a mapping with at least app, environment, aws.region,"
            + " state.bucket and github.repository";

    private final Path configDir;

    /** @param configDir the folder holding {@code <env>.yaml}, as the user names it. */
    public ConfigLoader(Path configDir) {
        this.configDir = configDir;
    }

    /** Reads and validates {@code <configDir>/<env>.yaml}. */
    public EnvironmentConfig load(String env) {
        if (!Format.ENV_NAME.matches(env)) {
            throw new UserError("--env: \"" + env + "\" is not an environment name; allowed: " + Format.ENV_NAME.allowed()
                    + " (the name of a file <env>.yaml in " + configDir + ")");
        }
        Path file = configDir.resolve(env + ".yaml");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": file not found; environments available: " + available());
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": is not UTF-8 text; save it as UTF-8");
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read: " + e.getMessage());
        }
        return parse(file.toString(), text, env);
    }

    /**
     * Reads and validates each of {@code environments} once, in order, then refuses them when one
     * would create a name that another environment of the folder creates too ({@link SharedAccount}).
     * The folder's other files are read for that alone, and one with a problem of its own is
     * passed over: it cannot be synthesized or applied until fixed, and then its own run compares it.
     */
    public List<EnvironmentConfig> loadBesideTheOthers(List<String> environments) {
        List<EnvironmentConfig> chosen = new LinkedHashSet<>(environments).stream().map(this::load).toList();
        List<String> names = chosen.stream().map(EnvironmentConfig::environment).toList();
        List<EnvironmentConfig> others = environmentFiles().stream()
                .filter(env -> !names.contains(env))
                .map(this::loadIfValid)
                .flatMap(Optional::stream)
                .toList();
        SharedAccount.check(chosen, others);
        return chosen;
    }

    private Optional<EnvironmentConfig> loadIfValid(String env) {
        try {
            return Optional.of(load(env));
        } catch (UserError e) {
            return Optional.empty();
        }
    }

    /** The names of the folder's files that could be environments ({@code <env>.yaml}), sorted. */
    private List<String> environmentFiles() {
        try (Stream<Path> files = Files.list(configDir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .filter(Format.ENV_NAME::matches)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** The environments that have a file in the config folder, for messages. */
    private String available() {
        try (Stream<Path> files = Files.list(configDir)) {
            String names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length()))
                    .sorted()
                    .collect(Collectors.joining(", "));
            return names.isEmpty() ? "none in " + configDir : names + " (in " + configDir + ")";
        } catch (IOException e) {
            return "none (" + configDir + " is not a readable folder)";
        }
    }

    /** Parses YAML text. {@code file} is only used in messages; {@code env} must match the file's name. */
    public static EnvironmentConfig parse(String file, String text, String env) {
        JsonNode root;
        try {
            YAMLMapper mapper = YAMLMapper.builder().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION).build();
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw new UserError(file + ": " + malformed(e));
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            throw new UserError(file + ": the file is empty; " + REQUIRED);
        }
        if (!root.isObject()) {
            throw new UserError(file + ": the top level is " + Section.show(root) + ", not a mapping; " + REQUIRED);
        }
        Problems problems = new Problems(file);
        EnvironmentConfig config = read(new Section(problems, "", (ObjectNode) root), env);
        problems.throwIfAny();
        return config;
    }

    /**
     * What is wrong with text that is not YAML, where: SnakeYAML's own mark of the problem (its
     * lines count from 0), since Jackson's location is where it stopped reading, often a line later.
     */
    private static String malformed(JsonProcessingException e) {
        if (e.getCause() instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
            String context = yaml.getContext() == null || yaml.getContextMark() == null ? ""
                    : " (" + yaml.getContext() + " that starts at " + position(yaml.getContextMark()) + ")";
            return position(yaml.getProblemMark()) + ": malformed YAML: " + yaml.getProblem() + context;
        }
        if (e instanceof StreamReadException read && read.getProcessor() != null
                && e.getOriginalMessage().startsWith("Duplicate field")) {
            String path = path(read.getProcessor().getParsingContext());
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            return path + ": duplicate key at line " + line + "; a key may appear once in a mapping, keep one of them";
        }
        JsonLocation at = e.getLocation();
        String where = at == null ? "" : "line " + at.getLineNr() + ", column " + at.getColumnNr() + ": ";
        return where + "malformed YAML: " + e.getOriginalMessage().lines().findFirst().orElse("");
    }

    private static String position(Mark mark) {
        return "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
    }

    /** The field path of a parser position, as messages spell it: {@code aws.region}, {@code list[2]}. */
    private static String path(JsonStreamContext context) {
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            String part = at.inArray() ? "[" + at.getCurrentIndex() + "]"
                    : (at.getParent() != null && !at.getParent().inRoot() ? "." : "") + at.getCurrentName();
            path.insert(0, part);
        }
        return path.toString();
    }

    /**
     * Reads the sections in the order they are written, each through its schema, and checks the
     * rules across keys after the keys they need: every problem is reported in file order.
     */
    private static EnvironmentConfig read(Section root, String env) {
        String app = root.requiredString(EnvironmentSchema.APP);
        String environment = root.requiredString(EnvironmentSchema.ENVIRONMENT, "the environment's name, e.g. " + env);
        environmentNamesTheFile(root, environment, env);
        AwsConfig aws = AwsSchema.read(root.section(EnvironmentSchema.AWS));
        StateConfig state = StateSchema.read(root.section(EnvironmentSchema.STATE), app, environment, aws);
        boolean regionOk = root.ok(EnvironmentSchema.AWS.name(), AwsSchema.REGION.path());
        // A log group's key must be in the environment's region (and account, when it is named).
        boolean awsOk = root.ok(EnvironmentSchema.AWS.name(), AwsSchema.REGION.path(), AwsSchema.ACCOUNT_ID.path());
        NetworkConfig network = network(root.section(EnvironmentSchema.NETWORK), aws, regionOk, awsOk);
        RegistryConfig registry = RegistrySchema.read(root.section(EnvironmentSchema.REGISTRY), app);
        GithubConfig github = GithubSchema.read(root.section(EnvironmentSchema.GITHUB));
        ClusterConfig cluster = ClusterSchema.read(root.section(EnvironmentSchema.CLUSTER));
        ServiceConfig service = ServiceSchema.read(root.section(EnvironmentSchema.SERVICE), app, aws, awsOk);
        LoadBalancerConfig loadBalancer = LoadBalancerSchema.read(root.section(EnvironmentSchema.LOAD_BALANCER), aws, regionOk,
                root.ok(EnvironmentSchema.AWS.name(), AwsSchema.ACCOUNT_ID.path()),
                root.ok(EnvironmentSchema.NETWORK.name(), NetworkSchema.CIDR.path()) ? Cidr.parse(network.cidr()) : Optional.empty());
        DeploymentConfig deployment = deployment(root, root.section(EnvironmentSchema.DEPLOYMENT));
        Map<String, String> tags = EnvironmentSchema.tags(root);
        root.rejectUnknownKeys();
        return new EnvironmentConfig(root.problems.file(), app, environment, aws, state, network, registry, github,
                cluster, service, loadBalancer, deployment, tags);
    }

    /** The environment's name is its file's, and not one of cdktf's own folders. */
    private static void environmentNamesTheFile(Section root, String environment, String env) {
        if (root.ok(EnvironmentSchema.ENVIRONMENT) && EnvironmentSchema.RESERVED_ENVIRONMENTS.contains(environment)) {
            root.problem(EnvironmentSchema.ENVIRONMENT, "\"" + environment + "\" is reserved for cdktf's own output folder;"
                    + " allowed: any other name");
        }
        if (root.ok(EnvironmentSchema.ENVIRONMENT) && !environment.isEmpty() && !environment.equals(env)) {
            root.problem(EnvironmentSchema.ENVIRONMENT, "\"" + environment + "\" does not match the file name; allowed: \""
                    + env + "\", or rename the file to " + environment + ".yaml");
        }
    }

    /**
     * The network's keys, then whether its tasks can reach AWS at all, then its subnets.
     *
     * @param regionOk whether {@code aws.region} is the user's own, to compare the zones' region with
     * @param awsOk whether {@code aws.region} and {@code aws.accountId} are, to compare a log group key's with
     */
    private static NetworkConfig network(Section s, AwsConfig aws, boolean regionOk, boolean awsOk) {
        NetworkConfig network = NetworkSchema.read(s, aws, regionOk, awsOk);
        if (network.natGateways() == NetworkConfig.NatGateways.NONE && !network.vpcEndpoints()) {
            // Without NAT or endpoints, tasks in the private subnets cannot pull their image.
            s.problem(NetworkSchema.NAT_GATEWAYS, "none needs " + NetworkSchema.VPC_ENDPOINTS.path() + ": true, or tasks"
                    + " in the private subnets cannot reach ECR, CloudWatch Logs or their secrets; allowed: natGateways"
                    + " single or one-per-az, or vpcEndpoints: true");
        }
        return Subnets.layOut(s, network);
    }

    /**
     * The deployment's keys, then its window against its alarms. An alarm fires after
     * evaluationPeriods breaching periods, and never within one period since the first data point
     * lands at the end of it: a canary or linear step must last at least two.
     */
    private static DeploymentConfig deployment(Section root, Section s) {
        DeploymentConfig deployment = DeploymentSchema.read(s);
        int interval = deployment.intervalMinutes();
        int period = deployment.alarms().periodSeconds();
        int periods = Math.max(2, deployment.alarms().evaluationPeriods());
        if (deployment.strategy() != DeploymentConfig.Strategy.ALL_AT_ONCE && s.ok(DeploymentSchema.INTERVAL_MINUTES)
                && root.ok(DeploymentSchema.PERIOD_SECONDS.path(), DeploymentSchema.EVALUATION_PERIODS.path())
                && interval * 60 < periods * period) {
            s.problem(DeploymentSchema.INTERVAL_MINUTES, interval + " minute(s) is shorter than " + periods
                    + " alarm periods (" + periods + " x " + period + " s = " + periods * period + " s), so the alarms"
                    + " could not fire before traffic shifts; allowed: at least " + minutes(periods * period)
                    + " minute(s), or lower " + DeploymentSchema.PERIOD_SECONDS.path() + " or evaluationPeriods");
        }
        return deployment;
    }

    private static int minutes(int seconds) {
        return (seconds + 59) / 60;
    }
}
