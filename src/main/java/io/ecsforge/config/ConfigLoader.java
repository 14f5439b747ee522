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
import io.ecsforge.config.DeploymentConfig.Alarms;
import io.ecsforge.config.ServiceConfig.Autoscaling;
import io.ecsforge.config.ServiceConfig.PolicyStatement;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads {@code config/<env>.yaml} into an {@link EnvironmentConfig}: the one place that reads
 * configuration. Every problem of a file is reported in one {@link UserError}, one line each.
 */
public final class ConfigLoader {
    // Names are joined with dashes into every resource name ("webapp-dev-network"), so a dash at
    // the end or two in a row would make names that read as a different app or environment.
    static final Pattern APP_NAME = Pattern.compile("(?!.*--)[a-z][a-z0-9-]{0,19}[a-z0-9]");
    static final Pattern ENV_NAME = Pattern.compile("(?!.*--)[a-z](?:[a-z0-9-]{0,14}[a-z0-9])?");
    private static final String APP_NAME_ALLOWED =
            "2 to 21 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash";
    private static final String ENV_NAME_ALLOWED =
            "1 to 16 lower-case letters, digits and single dashes, starting with a letter and not ending with a dash";
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern REPOSITORY = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*");
    private static final Pattern GITHUB_REPO = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");
    private static final Pattern BRANCH = Pattern.compile("[A-Za-z0-9._/-]{1,255}");
    private static final Pattern CONTAINER_NAME = Pattern.compile("[A-Za-z0-9_-]{1,255}");
    private static final Pattern IMAGE_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern ENV_VAR = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern SECRET_ARN = Pattern.compile(
            "arn:aws[a-z-]*:(ssm:[a-z0-9-]+:\\d{12}:parameter/.+|secretsmanager:[a-z0-9-]+:\\d{12}:secret:.+)");
    private static final Pattern CERTIFICATE_ARN = Pattern.compile("arn:aws[a-z-]*:acm:[a-z0-9-]+:\\d{12}:certificate/.+");
    private static final Pattern IAM_ACTION = Pattern.compile("[a-z0-9-]+:[A-Za-z0-9*]+");
    private static final Pattern TAG_KEY = Pattern.compile("[\\p{L}\\p{N}\\p{Zs}_.:/=+@-]{1,128}");
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{N}\\p{Zs}_.:/=+@-]{0,256}");
    private static final Pattern HEALTH_PATH = Pattern.compile("/[\\x21-\\x7e]{0,1023}");

    private static final String REQUIRED = "allowed: a mapping with at least app, environment, aws.region,"
            + " state.bucket and github.repository";

    private static final Set<String> RESERVED_ENVIRONMENTS = Set.of("stacks", "assets");

    private final Path configDir;

    /** @param configDir the folder holding {@code <env>.yaml}, as the user names it. */
    public ConfigLoader(Path configDir) {
        this.configDir = configDir;
    }

    /** Reads and validates {@code <configDir>/<env>.yaml}. */
    public EnvironmentConfig load(String env) {
        if (!ENV_NAME.matcher(env).matches()) {
            throw new UserError("--env: \"" + env + "\" is not an environment name; allowed: " + ENV_NAME_ALLOWED
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
        EnvironmentConfig config = new Reader(problems, new Section(problems, "", (ObjectNode) root)).read(env);
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

    /** Reads one file's sections in order; cross-field checks come after the fields they need. */
    private static final class Reader {
        private final Problems problems;
        private final Section root;

        Reader(Problems problems, Section root) {
            this.problems = problems;
            this.root = root;
        }

        EnvironmentConfig read(String env) {
            String app = matching(root, root.requiredString("app", "a name like webapp"), "app", APP_NAME, APP_NAME_ALLOWED);
            String environment = matching(root, root.requiredString("environment", "the environment's name, e.g. " + env),
                    "environment", ENV_NAME, ENV_NAME_ALLOWED);
            if (root.ok("environment") && RESERVED_ENVIRONMENTS.contains(environment)) {
                // cdktf.out/<env>/ holds an environment's release files, beside cdktf.out/stacks/.
                root.problem("environment", "\"" + environment + "\" is reserved for cdktf's own output folder;"
                        + " allowed: any other name");
            }
            if (root.ok("environment") && !environment.isEmpty() && !environment.equals(env)) {
                root.problem("environment", "\"" + environment + "\" does not match the file name; allowed: \"" + env
                        + "\", or rename the file to " + environment + ".yaml");
            }
            AwsConfig aws = aws(root.section("aws"));
            StateConfig state = state(root.section("state"), app, aws);
            NetworkConfig network = network(root.section("network"));
            RegistryConfig registry = registry(root.section("registry"), app);
            GithubConfig github = github(root.section("github"));
            ClusterConfig cluster = cluster(root.section("cluster"));
            ServiceConfig service = service(root.section("service"), app);
            LoadBalancerConfig loadBalancer = loadBalancer(root.section("loadBalancer"), aws, root.ok("aws", "aws.region"));
            DeploymentConfig deployment = deployment(root.section("deployment"));
            Map<String, String> tags = root.stringMap("tags");
            tags.forEach((key, value) -> tag(root, key, value));
            root.rejectUnknownKeys();
            return new EnvironmentConfig(problems.file(), app, environment, aws, state, network, registry, github,
                    cluster, service, loadBalancer, deployment, tags);
        }

        /** Checks a string the user wrote; one that is missing or not a string was reported already. */
        private static String matching(Section s, String value, String key, Pattern pattern, String allowed) {
            if (s.ok(key) && !pattern.matcher(value).matches()) {
                s.problem(key, "\"" + value + "\" is not allowed; allowed: " + allowed);
            }
            return value;
        }

        private static void tag(Section root, String key, String value) {
            String path = "tags." + key;
            if (Set.of("app", "environment", "managed-by").contains(key)) {
                root.problem(path, "is set by ecsforge on every resource; allowed: a key other than app, environment and managed-by");
            } else if (!TAG_KEY.matcher(key).matches() || key.toLowerCase(Locale.ROOT).startsWith("aws:")) {
                root.problem(path, "\"" + key + "\" is not a tag key; allowed: 1 to 128 letters, digits, spaces and _ . : / = + - @,"
                        + " not starting with aws:");
            } else if (!TAG_VALUE.matcher(value).matches()) {
                root.problem(path, "\"" + value + "\" is not a tag value; allowed: up to 256 letters, digits, spaces and _ . : / = + - @");
            }
        }

        private AwsConfig aws(Section s) {
            String region = matching(s, s.requiredString("region", "e.g. us-east-1"), "region", REGION, "an AWS region such as us-east-1");
            Optional<String> accountId = Optional.empty();
            if (s.isNumber("accountId")) {
                // Unquoted, YAML reads the id as a number and a leading zero is lost.
                s.problem("accountId", s.raw("accountId") + " is a number; write the account id as a quoted string of 12 digits,"
                        + " e.g. accountId: \"123456789012\"");
            } else {
                accountId = s.optionalString("accountId");
                accountId.ifPresent(id -> matching(s, id, "accountId", ACCOUNT_ID, "12 digits, quoted"));
            }
            Optional<String> role = s.optionalString("assumeRoleArn");
            role.ifPresent(arn -> matching(s, arn, "assumeRoleArn", ROLE_ARN, "an IAM role ARN, arn:aws:iam::<account>:role/<name>"));
            String providerVersion = matching(s, s.string("providerVersion", AwsConfig.DEFAULT_PROVIDER_VERSION),
                    "providerVersion", AwsConfig.VERSION_CONSTRAINT, AwsConfig.VERSION_CONSTRAINT_ALLOWED);
            s.rejectUnknownKeys();
            return new AwsConfig(region, accountId, role, providerVersion);
        }

        private StateConfig state(Section s, String app, AwsConfig aws) {
            StateConfig.Backend backend = s.choice("backend", StateConfig.Backend.S3, StateConfig.Backend.class);
            String bucket = s.string("bucket", "");
            if (backend == StateConfig.Backend.S3 && bucket.isEmpty()) {
                s.problem("bucket", "is required when state.backend is s3; e.g. " + app + "-tfstate-"
                        + aws.accountId().orElse("<account-id>") + ", or use backend: local");
            } else if (!bucket.isEmpty()) {
                matching(s, bucket, "bucket", BUCKET, "an S3 bucket name: 3 to 63 lower-case letters, digits, dots and dashes");
            }
            String region = s.string("region", aws.region());
            if (s.has("region")) {
                matching(s, region, "region", REGION, "an AWS region such as us-east-1");
            }
            StateConfig.LockMode lock = s.choice("lock", StateConfig.LockMode.LOCKFILE, StateConfig.LockMode.class);
            Optional<String> table = s.optionalString("dynamodbTable");
            table.ifPresent(t -> matching(s, t, "dynamodbTable", TABLE, "a DynamoDB table name: 3 to 255 letters, digits, _ . -"));
            if (lock.usesDynamodb() && table.isEmpty()) {
                s.problem("dynamodbTable", "is required when state.lock is " + lock.yamlName()
                        + "; name the lock table (e.g. " + app + "-tflock) or use lock: lockfile");
            }
            if (!lock.usesDynamodb() && table.isPresent() && s.ok("lock")) {
                s.problem("dynamodbTable", "\"" + table.get() + "\" is set but state.lock is " + lock.yamlName()
                        + ", which uses no table; allowed: lock: dynamodb or both, or no dynamodbTable");
            }
            s.rejectUnknownKeys();
            return new StateConfig(backend, bucket, region, lock, table);
        }

        private NetworkConfig network(Section s) {
            String cidrText = s.string("cidr", "10.0.0.0/16");
            int azCount = s.integer("azCount", 2, 1, 6);
            NetworkConfig.NatGateways nat = s.choice("natGateways", NetworkConfig.NatGateways.SINGLE, NetworkConfig.NatGateways.class);
            boolean flowLogs = s.bool("flowLogs", true);
            int retention = s.oneOf("flowLogRetentionDays", 90, LOG_RETENTIONS);
            boolean endpoints = s.bool("vpcEndpoints", false);
            List<String> publicGiven = s.strings("publicSubnets", List.of());
            List<String> privateGiven = s.strings("privateSubnets", List.of());
            s.rejectUnknownKeys();
            if (nat == NetworkConfig.NatGateways.NONE && !endpoints) {
                // Without NAT or endpoints, tasks in the private subnets cannot pull their image.
                s.problem("natGateways", "none needs network.vpcEndpoints: true, or tasks in the private subnets cannot reach"
                        + " ECR, CloudWatch Logs or their secrets; allowed: natGateways single or one-per-az, or vpcEndpoints: true");
            }

            Optional<Cidr> vpc = Cidr.parse(cidrText);
            if (vpc.isEmpty()) {
                Cidr.problem(cidrText).ifPresent(problem -> s.problem("cidr", problem));
                return new NetworkConfig(cidrText, azCount, nat, flowLogs, retention, endpoints, publicGiven, privateGiven);
            }
            if (vpc.get().prefix() < 16 || vpc.get().prefix() > 28) {
                s.problem("cidr", "\"" + cidrText + "\" has prefix /" + vpc.get().prefix() + "; allowed: a VPC of /16 to /28");
                return new NetworkConfig(cidrText, azCount, nat, flowLogs, retention, endpoints, publicGiven, privateGiven);
            }
            List<String> publicSubnets = publicGiven;
            List<String> privateSubnets = privateGiven;
            if (publicGiven.isEmpty() && privateGiven.isEmpty()) {
                // Two subnets a zone, each 1/16 of the VPC (a /20 in a /16), leaving room to grow.
                int newBits = 4;
                int subnetPrefix = vpc.get().prefix() + newBits;
                if (subnetPrefix > 28) {
                    s.problem("cidr", "\"" + cidrText + "\" is too small: its " + 2 * azCount + " subnets would be /" + subnetPrefix
                            + ", smaller than AWS's smallest subnet (/28); allowed: a VPC of /24 or larger, or"
                            + " network.publicSubnets and network.privateSubnets listed yourself");
                } else {
                    List<String> pub = new ArrayList<>();
                    List<String> priv = new ArrayList<>();
                    for (int i = 0; i < azCount; i++) {
                        pub.add(vpc.get().subnet(newBits, i).toString());
                        priv.add(vpc.get().subnet(newBits, 8 + i).toString());
                    }
                    publicSubnets = List.copyOf(pub);
                    privateSubnets = List.copyOf(priv);
                }
            } else {
                checkSubnets(s, vpc.get(), azCount, publicGiven, privateGiven);
            }
            return new NetworkConfig(cidrText, azCount, nat, flowLogs, retention, endpoints, publicSubnets, privateSubnets);
        }

        private static void checkSubnets(Section s, Cidr vpc, int azCount, List<String> publicGiven, List<String> privateGiven) {
            List<String> paths = new ArrayList<>();
            List<Cidr> blocks = new ArrayList<>();
            for (String key : List.of("publicSubnets", "privateSubnets")) {
                List<String> given = key.equals("publicSubnets") ? publicGiven : privateGiven;
                if (given.size() != azCount && s.ok("azCount")) {
                    s.problem(key, given.size() + " subnets given; allowed: " + azCount
                            + ", one per availability zone (network.azCount)");
                }
                for (int i = 0; i < given.size(); i++) {
                    String path = key + "[" + i + "]";
                    Optional<Cidr> block = Cidr.parse(given.get(i));
                    if (block.isEmpty()) {
                        Cidr.problem(given.get(i)).ifPresent(problem -> s.problem(path, problem));
                    } else if (!vpc.contains(block.get())) {
                        s.problem(path, "\"" + given.get(i) + "\" is outside the VPC " + vpc + "; allowed: a block inside network.cidr");
                    } else if (block.get().prefix() > 28) {
                        s.problem(path, "\"" + given.get(i) + "\" is smaller than AWS allows; allowed: a subnet of /28 or larger");
                    } else {
                        for (int j = 0; j < blocks.size(); j++) {
                            if (blocks.get(j).overlaps(block.get())) {
                                s.problem(path, "\"" + given.get(i) + "\" overlaps network." + paths.get(j) + " (" + blocks.get(j)
                                        + "); allowed: blocks that do not overlap");
                            }
                        }
                        paths.add(path);
                        blocks.add(block.get());
                    }
                }
            }
        }

        private RegistryConfig registry(Section s, String app) {
            String name = s.string("repositoryName", app);
            if (s.has("repositoryName")) {
                matching(s, name, "repositoryName", REPOSITORY, "an ECR repository name: lower-case letters, digits, and . _ - / between them");
            }
            int keep = s.integer("keepImages", 30, 1, 1000);
            int untagged = s.integer("untaggedExpiryDays", 7, 1, 365);
            s.rejectUnknownKeys();
            return new RegistryConfig(name, keep, untagged);
        }

        private GithubConfig github(Section s) {
            String repo = matching(s, s.requiredString("repository", "the repository whose workflows deploy, as owner/name"),
                    "repository", GITHUB_REPO, "owner/name, e.g. my-org/webapp");
            String branch = matching(s, s.string("branch", "main"), "branch", BRANCH, "a branch name such as main");
            boolean create = s.bool("createOidcProvider", false);
            s.rejectUnknownKeys();
            return new GithubConfig(repo, branch, create);
        }

        private ClusterConfig cluster(Section s) {
            ClusterConfig config = new ClusterConfig(s.bool("containerInsights", true), s.bool("executeCommand", false),
                    s.integer("fargateSpotWeight", 0, 0, 10));
            s.rejectUnknownKeys();
            return config;
        }

        private ServiceConfig service(Section s, String app) {
            String containerName = s.string("containerName", app);
            if (s.has("containerName")) {
                matching(s, containerName, "containerName", CONTAINER_NAME, "letters, digits, _ and -, up to 255");
            }
            int port = s.integer("containerPort", 3000, 1, 65535);
            int cpu = s.oneOf("cpu", 256, FargateSizes.CPUS);
            int memory = s.integer("memory", 512, 512, 122880);
            if (s.ok("cpu", "memory")) {
                FargateSizes.check(cpu, memory).ifPresent(message -> s.problem("memory", message));
            }
            ServiceConfig.CpuArchitecture arch = s.choice("cpuArchitecture", ServiceConfig.CpuArchitecture.X86_64,
                    ServiceConfig.CpuArchitecture.class);
            int desired = s.integer("desiredCount", 2, 0, 1000);
            String healthPath = matching(s, s.string("healthCheckPath", "/health"), "healthCheckPath", HEALTH_PATH,
                    "a path starting with /, e.g. /health");
            int grace = s.integer("healthCheckGracePeriodSeconds", 60, 0, 7200);
            String tag = matching(s, s.string("imageTag", "initial"), "imageTag", IMAGE_TAG, "a Docker tag: letters, digits, _ . -, up to 128");
            Map<String, String> environment = s.stringMap("environment");
            environment.keySet().forEach(name -> matching(s, name, "environment." + name, ENV_VAR, "an environment variable name"));
            Map<String, String> secrets = s.stringMap("secrets");
            secrets.forEach((name, arn) -> {
                matching(s, name, "secrets." + name, ENV_VAR, "an environment variable name");
                if (!SECRET_ARN.matcher(arn).matches()) {
                    s.problem("secrets." + name, "\"" + arn + "\" is not an SSM parameter or Secrets Manager ARN; allowed:"
                            + " arn:aws:ssm:<region>:<account>:parameter/<name> or arn:aws:secretsmanager:<region>:<account>:secret:<name>");
                }
                if (environment.containsKey(name)) {
                    s.problem("secrets." + name, "is also set in service.environment; allowed: a name in one of the two,"
                            + " as a plain value or as a secret");
                }
            });
            Optional<Autoscaling> autoscaling = autoscaling(s);
            int retention = s.oneOf("logRetentionDays", 30, LOG_RETENTIONS);
            boolean readonlyRoot = s.bool("readonlyRootFilesystem", true);
            List<PolicyStatement> taskPolicy = s.sections("taskPolicy", this::statement);
            s.rejectUnknownKeys();
            return new ServiceConfig(containerName, port, cpu, memory, arch, desired, healthPath, grace, tag, environment,
                    secrets, autoscaling, retention, readonlyRoot, taskPolicy);
        }

        private static Optional<Autoscaling> autoscaling(Section service) {
            Section s = service.section("autoscaling");
            boolean enabled = s.bool("enabled", true);
            int min = s.integer("min", 2, 1, 1000);
            int max = s.integer("max", 6, 1, 1000);
            int target = s.integer("cpuTarget", 70, 10, 90);
            s.rejectUnknownKeys();
            if (s.ok("min", "max") && min > max) {
                s.problem("min", min + " is greater than service.autoscaling.max (" + max + "); allowed: 1 to " + max);
            }
            return enabled ? Optional.of(new Autoscaling(min, max, target)) : Optional.empty();
        }

        private PolicyStatement statement(Section s) {
            List<String> actions = s.strings("actions", List.of());
            List<String> resources = s.strings("resources", List.of());
            if (actions.isEmpty()) {
                s.problem("actions", "is required; list the IAM actions the task needs, e.g. [s3:GetObject]");
            }
            for (int i = 0; i < actions.size(); i++) {
                String action = actions.get(i);
                if (!IAM_ACTION.matcher(action).matches() || action.endsWith(":*")) {
                    s.problem("actions[" + i + "]", "\"" + action + "\" is not allowed; allowed: one action as service:Action,"
                            + " e.g. s3:GetObject (not \"*\" or \"service:*\")");
                }
            }
            if (resources.isEmpty()) {
                s.problem("resources", "is required; list the ARNs the actions apply to");
            }
            for (int i = 0; i < resources.size(); i++) {
                if (resources.get(i).equals("*")) {
                    s.problem("resources[" + i + "]", "\"*\" is not allowed; allowed: the ARNs the task needs,"
                            + " e.g. arn:aws:s3:::my-bucket/*");
                }
            }
            return new PolicyStatement(actions, resources);
        }

        private LoadBalancerConfig loadBalancer(Section s, AwsConfig aws, boolean awsOk) {
            Optional<String> certificate = s.optionalString("certificateArn");
            certificate.ifPresent(arn -> matching(s, arn, "certificateArn", CERTIFICATE_ARN, "an ACM certificate ARN"));
            // A load balancer can only use a certificate from its own region.
            certificate.filter(arn -> CERTIFICATE_ARN.matcher(arn).matches() && awsOk && !aws.region().isEmpty())
                    .map(arn -> arn.split(":")[3])
                    .filter(region -> !region.equals(aws.region()))
                    .ifPresent(region -> s.problem("certificateArn", "\"" + certificate.get() + "\" is in " + region
                            + "; allowed: a certificate in aws.region (" + aws.region() + "), where the load balancer is"));
            List<String> allowed = cidrs(s, "allowedCidrs", List.of("0.0.0.0/0"));
            int testPort = s.integer("testListenerPort", 8443, 1, 65535);
            List<String> testCidrs = cidrs(s, "testListenerCidrs", List.of("10.0.0.0/8"));
            boolean deletionProtection = s.bool("deletionProtection", false);
            String sslPolicy = s.string("sslPolicy", "ELBSecurityPolicy-TLS13-1-2-2021-06");
            if (!sslPolicy.startsWith("ELBSecurityPolicy-TLS13-") && !sslPolicy.startsWith("ELBSecurityPolicy-FS-1-2-")) {
                s.problem("sslPolicy", "\"" + sslPolicy + "\" allows TLS versions older than 1.2 or non-forward-secret ciphers;"
                        + " allowed: an ELBSecurityPolicy-TLS13-* or ELBSecurityPolicy-FS-1-2-* policy");
            }
            int idle = s.integer("idleTimeoutSeconds", 60, 1, 4000);
            s.rejectUnknownKeys();
            LoadBalancerConfig config = new LoadBalancerConfig(certificate, allowed, testPort, testCidrs, deletionProtection, sslPolicy, idle);
            if (s.ok("testListenerPort") && config.productionPorts().contains(testPort)) {
                s.problem("testListenerPort", testPort + " is a production listener port; allowed: any port but "
                        + config.productionPorts().stream().map(String::valueOf).collect(Collectors.joining(" and ")));
            }
            return config;
        }

        private static List<String> cidrs(Section s, String key, List<String> defaults) {
            List<String> cidrs = s.strings(key, defaults);
            if (cidrs.isEmpty()) {
                s.problem(key, "is empty; list at least one CIDR block, e.g. [0.0.0.0/0]");
            }
            for (int i = 0; i < cidrs.size(); i++) {
                String path = key + "[" + i + "]";
                Cidr.problem(cidrs.get(i)).ifPresent(problem -> s.problem(path, problem));
            }
            return cidrs;
        }

        private DeploymentConfig deployment(Section s) {
            DeploymentConfig.Strategy strategy = s.choice("strategy", DeploymentConfig.Strategy.CANARY, DeploymentConfig.Strategy.class);
            int percent = s.integer("percent", 25, 1, 99);
            int interval = s.integer("intervalMinutes", 10, 1, 2880);
            int terminate = s.integer("terminateBlueAfterMinutes", 5, 0, 2880);
            Section a = s.section("alarms");
            double http5xx = a.optionalNumber("http5xxPercent", 5.0, 0.1, 100).orElse(5.0);
            int unhealthy = a.integer("unhealthyHosts", 1, 1, 1000);
            Optional<Double> p99 = a.optionalNumber("p99LatencySeconds", null, 0.001, 60);
            int period = a.integer("periodSeconds", 60, 10, 86400);
            // Load balancer metrics arrive once a minute: a shorter period mostly sees no data,
            // which counts as not breaching, so the alarm would never stop a bad release.
            if (period % 60 != 0) {
                a.problem("periodSeconds", period + " is not an alarm period for load balancer metrics, which arrive once a"
                        + " minute; allowed: a multiple of 60");
            }
            int evaluations = a.integer("evaluationPeriods", 2, 1, 10);
            a.rejectUnknownKeys();
            s.rejectUnknownKeys();
            // An alarm fires after evaluationPeriods breaching periods, and never within one period
            // since the first data point lands at the end of it: the window must hold at least two.
            int periods = Math.max(2, evaluations);
            if (strategy != DeploymentConfig.Strategy.ALL_AT_ONCE && s.ok("intervalMinutes")
                    && a.ok("periodSeconds", "evaluationPeriods") && interval * 60 < periods * period) {
                s.problem("intervalMinutes", interval + " minute(s) is shorter than " + periods + " alarm periods ("
                        + periods + " x " + period + " s = " + periods * period + " s), so the alarms could not fire before"
                        + " traffic shifts; allowed: at least " + minutes(periods * period) + " minute(s), or lower"
                        + " deployment.alarms.periodSeconds or evaluationPeriods");
            }
            return new DeploymentConfig(strategy, percent, interval, terminate, new Alarms(http5xx, unhealthy, p99, period, evaluations));
        }
    }

    private static int minutes(int seconds) {
        return (seconds + 59) / 60;
    }

    /** The retentions CloudWatch Logs accepts, in days. */
    static final List<Integer> LOG_RETENTIONS = List.of(
            1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
}
