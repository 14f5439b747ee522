package io.ecsforge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration's keys as the variables of a Terraform module: the type, description and
 * default of each come from its {@link Key}, and its {@code validation} blocks refuse what the
 * loader refuses, with the loader's words wherever Terraform can say them (the value, then
 * "allowed: ..."). Rules across keys are written here too, next to the loader's own
 * ({@link Subnets}, {@link ConfigLoader}), from the same limits.
 */
public final class ModuleVariables {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The most times RE2, Terraform's regular expressions, repeats a part of a pattern. */
    private static final int RE2_MAX_REPEAT = 1000;

    /**
     * A key's description links to the docs beside docs/configuration.md ({@code releases.md#...});
     * a module's description is read in its README, two folders down in {@code modules/<module>/},
     * so those links are made to lead from there.
     */
    private static final Pattern DOCS_LINK = Pattern.compile("\\]\\(([\\w-]+\\.md)\\b");
    private static final String DOCS_FROM_A_MODULE = "](../../docs/";

    /**
     * One variable.
     *
     * @param name its name, the key in snake case ({@code az_count})
     * @param key the key it stands for, as messages name it ({@code network.azCount})
     * @param type its Terraform type
     * @param description what it does
     * @param defaultValue its default, null when it is required or, when nullable, when null is its default
     * @param validations what it must satisfy, in the order they are checked
     * @param nullable whether null is a value of its own (it turns something off) rather than its default
     */
    public record Variable(String name, String key, String type, String description, Object defaultValue, List<Validation> validations,
            boolean nullable) {
        /** A variable that is never null: given null, it takes its default. */
        public Variable(String name, String key, String type, String description, Object defaultValue, List<Validation> validations) {
            this(name, key, type, description, defaultValue, validations, false);
        }
    }

    /**
     * One {@code validation} block.
     *
     * @param condition a Terraform expression, without {@code ${}}, true for an allowed value
     * @param errorMessage the message when it is false, a Terraform template
     */
    public record Validation(String condition, String errorMessage) {}

    /** The variable of {@code service.environment}, the container's plain environment variables. */
    public static final String ENVIRONMENT_VARIABLES = "environment_variables";

    private ModuleVariables() {}

    /** {@code app} and {@code environment}, which every name is made from. */
    public static List<Variable> names() {
        return List.of(variable(EnvironmentSchema.APP), variable(EnvironmentSchema.ENVIRONMENT));
    }

    /** The {@code network} section's keys, with the loader's rules across them. */
    public static List<Variable> network() {
        String cidr = "var." + snake(NetworkSchema.CIDR);
        String azCount = "var." + snake(NetworkSchema.AZ_COUNT);
        String publicSubnets = "var." + snake(NetworkSchema.PUBLIC_SUBNETS);
        String privateSubnets = "var." + snake(NetworkSchema.PRIVATE_SUBNETS);
        List<Variable> variables = new ArrayList<>();
        for (Key<?> key : NetworkSchema.KEYS) {
            Variable variable = variable(key);
            List<Validation> validations = new ArrayList<>(variable.validations());
            if (key == NetworkSchema.CIDR) {
                validations.addAll(vpcBlock(cidr));
            } else if (key == NetworkSchema.NAT_GATEWAYS) {
                // Without NAT or endpoints, tasks in the private subnets cannot pull their image.
                String endpoints = snake(NetworkSchema.VPC_ENDPOINTS);
                validations.add(new Validation("var." + variable.name() + " != \"none\" || var." + endpoints,
                        "none needs " + endpoints + " = true, or tasks in the private subnets cannot reach ECR, CloudWatch"
                                + " Logs or their secrets; allowed: " + variable.name() + " single or one-per-az, or "
                                + endpoints + " = true"));
            } else if (key == NetworkSchema.AVAILABILITY_ZONES) {
                validations.addAll(zones("var." + variable.name(), azCount));
            } else if (key == NetworkSchema.FLOW_LOG_KMS_KEY) {
                variables.add(logKey(NetworkSchema.FLOW_LOG_KMS_KEY, "flow_log_kms_key_arn", "the flow log group"));
                continue;
            } else if (key == NetworkSchema.PUBLIC_SUBNETS || key == NetworkSchema.PRIVATE_SUBNETS) {
                validations.addAll(subnets("var." + variable.name(), cidr, azCount));
                if (key == NetworkSchema.PRIVATE_SUBNETS) {
                    validations.addAll(bothOrNeither(cidr, azCount, publicSubnets, privateSubnets));
                }
            }
            variables.add(new Variable(variable.name(), variable.key(), variable.type(), variable.description(),
                    variable.defaultValue(), List.copyOf(validations)));
        }
        return List.copyOf(variables);
    }

    /**
     * The subnets a module computes when none are listed, as {@link Subnets#layOut} does: zone
     * {@code i} gets public block {@code i} and private block {@code 8 + i} of sixteen.
     *
     * @param tier {@code public} or {@code private}
     */
    public static String computedSubnets(String tier) {
        Key<List<String>> key = tier.equals("public") ? NetworkSchema.PUBLIC_SUBNETS : NetworkSchema.PRIVATE_SUBNETS;
        int offset = tier.equals("public") ? 0 : Subnets.PRIVATE_OFFSET;
        String listed = "var." + snake(key);
        String zone = offset == 0 ? "zone" : offset + " + zone";
        return "length(" + listed + ") > 0 ? " + listed + " : [for zone in range(var." + snake(NetworkSchema.AZ_COUNT)
                + ") : cidrsubnet(var." + snake(NetworkSchema.CIDR) + ", " + Subnets.NEW_BITS + ", " + zone + ")]";
    }

    /**
     * A log group's key as a module takes it: the key's ARN, empty for CloudWatch Logs' own
     * encryption. A file's {@code state} is the state key, which {@link ModuleInputs} looks up
     * by its alias where the module is called.
     */
    private static Variable logKey(Key<String> key, String name, String group) {
        String ref = "var." + name;
        return new Variable(name, key.path(), "string", "The ARN of the customer-managed KMS key " + group + " is encrypted"
                + " with, in the module's region; its policy must let `logs.<region>.amazonaws.com` use it. Empty:"
                + " CloudWatch Logs' own encryption. The `" + key.path() + "` key of an ecsforge environment file, where"
                + " `" + EnvironmentConfig.STATE_KEY + "` names the environment's state key, which `ecsforge modules --inputs`"
                + " looks up by its alias. Costs KMS requests, few: CloudWatch Logs caches data keys.", "",
                List.of(new Validation(ref + " == \"\" || " + matches(Format.KMS_KEY_ARN, ref),
                        "\"${" + ref + "}\" is not allowed; allowed: " + Format.KMS_KEY_ARN.allowed())));
    }

    /** The {@code registry} section's keys, and the tag the lifecycle policy keeps ({@code service.imageTag}). */
    public static List<Variable> registry() {
        List<Variable> variables = new ArrayList<>();
        Variable name = variable(RegistrySchema.REPOSITORY_NAME);
        // The file's default is the app's name, which a registry alone does not know.
        variables.add(new Variable(name.name(), name.key(), name.type(),
                name.description() + " (In a file it defaults to the `app` name.)", null, name.validations()));
        variables.add(variable(RegistrySchema.KEEP_IMAGES));
        variables.add(variable(RegistrySchema.UNTAGGED_EXPIRY_DAYS));
        variables.add(variable(ServiceSchema.IMAGE_TAG));
        return List.copyOf(variables);
    }

    /**
     * Inputs of a module that another module's variable already stands for, under another name:
     * in {@code modules/ecs-platform} each is given that variable ({@code deployment_strategy =
     * var.strategy}), so one value cannot be given two ways.
     */
    public static final Map<String, String> PLATFORM_ALIASES = Map.of(
            "deployment_strategy", "strategy",
            "autoscaling", "autoscaling_enabled");

    /**
     * The variables of {@code modules/ecs-platform}: every module's that a key stands for, once
     * each, in the order of the modules, but the {@link #PLATFORM_ALIASES}. The modules' inputs
     * that other modules' outputs fill ({@code vpc_id}) stand for no key and are not among them.
     */
    public static List<Variable> platform() {
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (List<Variable> module : List.of(names(), network(), registry(), access(), ecsService(), blueGreen())) {
            module.stream()
                    .filter(variable -> !PLATFORM_ALIASES.containsKey(variable.name()) && standsForAKey(variable))
                    .forEach(variable -> variables.putIfAbsent(variable.name(), variable));
        }
        return List.copyOf(variables.values());
    }

    /**
     * The {@code deployment} section's keys, alarms' included, with the loader's rule between a
     * canary's or linear step's window and the alarms ({@link ConfigLoader}), which sits on
     * {@code interval_minutes} and refers to the alarms' variables, never the other way round.
     */
    public static List<Variable> blueGreen() {
        List<Variable> variables = new ArrayList<>();
        for (Key<?> key : Stream.concat(DeploymentSchema.KEYS.stream(), DeploymentSchema.ALARM_KEYS.stream()).toList()) {
            if (key.kind() == Key.Kind.MAPPING) {
                continue;
            }
            Variable variable = variable(key);
            List<Validation> validations = new ArrayList<>(variable.validations());
            String ref = "var." + variable.name();
            if (key == DeploymentSchema.PERIOD_SECONDS) {
                // Load balancer metrics arrive once a minute (DeploymentSchema).
                validations.add(new Validation(ref + " % 60 == 0", "${" + ref + "} is not an alarm period for load balancer"
                        + " metrics, which arrive once a minute; allowed: a multiple of 60"));
            } else if (key == DeploymentSchema.INTERVAL_MINUTES) {
                validations.add(window(ref));
            } else if (key == DeploymentSchema.EVALUATION_PERIODS) {
                // CloudWatch's limit, checked as the loader checks it: only when both are allowed.
                String period = "var." + snake(DeploymentSchema.PERIOD_SECONDS);
                validations.add(new Validation("!" + allowed(DeploymentSchema.PERIOD_SECONDS, period) + " || " + period
                        + " % 60 != 0 || !" + allowed(key, ref) + " || " + ref + " * " + period + " <= "
                        + DeploymentSchema.MAX_EVALUATED_SECONDS, "${" + ref + "} periods of ${" + period + "} s are ${" + ref
                        + " * " + period + "} s; CloudWatch evaluates an alarm over at most one day; allowed: "
                        + named(ref) + " x " + named(period) + " up to " + DeploymentSchema.MAX_EVALUATED_SECONDS + " s"));
            }
            variables.add(new Variable(variable.name(), variable.key(), variable.type(), variable.description(),
                    variable.defaultValue(), List.copyOf(validations), variable.nullable()));
        }
        return List.copyOf(variables);
    }

    /**
     * What the ecs-service module takes: the other modules' outputs it is given (the network, the
     * image repository, the roles), and the {@code cluster}, {@code service} (but its task policy,
     * which is the access stack's) and {@code loadBalancer} sections' keys, with the loader's rules
     * across them. The autoscaling keys are {@code autoscaling_*}; the keys whose file default is
     * derived or none take {@code ""} for it.
     */
    public static List<Variable> ecsService() {
        List<Variable> variables = new ArrayList<>();
        variables.add(input("vpc_id", "string", "The VPC the load balancer, the tasks and their security groups are in."));
        variables.add(input("public_subnet_ids", "list(string)", "The public subnets the load balancer listens in, one a zone."));
        variables.add(input("private_subnet_ids", "list(string)", "The private subnets the tasks run in, one a zone."));
        // Optional, unlike the other inputs: a service with no NAT gateways in front of it has none.
        variables.add(new Variable("nat_public_ips", "nat_public_ips", "list(string)", "The public addresses requests"
                + " from inside the VPC leave through, one a NAT gateway (the network module's `nat_public_ips`): the"
                + " test listener admits each as a /32, as the load balancer is internet-facing and sees those"
                + " requests come from them. Empty: only `test_listener_cidrs` reach the test listener.", List.of(),
                List.of()));
        variables.add(input("repository_url", "string", "The ECR repository the task's image is pulled from"
                + " (`<repository_url>:<image_tag>`)."));
        variables.add(input("execution_role_arn", "string", "The role ECS pulls the image, reads the secrets and writes"
                + " the logs with."));
        variables.add(input("task_role_arn", "string", "The role the application's code runs as."));
        for (Key<?> key : ClusterSchema.KEYS) {
            variables.add(variable(key));
        }
        String cpu = "var." + snake(ServiceSchema.CPU);
        // service.environment would be environment, the name app and environment already take.
        String environment = "var." + ENVIRONMENT_VARIABLES;
        for (Key<?> key : ServiceSchema.KEYS) {
            if (key == ServiceSchema.CONTAINER_NAME) {
                variables.add(emptyMeans(variable(key), "the `app` name"));
            } else if (key == ServiceSchema.MEMORY) {
                variables.add(withRule(variable(key), fargateSize(cpu, "var." + snake(key))));
            } else if (key == ServiceSchema.ENVIRONMENT) {
                variables.add(map(key, ENVIRONMENT_VARIABLES, List.of(names(environment))));
            } else if (key == ServiceSchema.SECRETS) {
                String secrets = "var." + snake(key);
                variables.add(map(key, snake(key), List.of(names(secrets), secretArns(secrets), notInBoth(secrets, environment))));
            } else if (key == AutoscalingSchema.SECTION) {
                for (Key<?> scaling : AutoscalingSchema.KEYS) {
                    Variable variable = variable(scaling, "autoscaling_" + snake(scaling));
                    variables.add(scaling == AutoscalingSchema.MIN ? withRule(variable, atMostMax(variable)) : variable);
                }
            } else if (key == EgressSchema.SECTION) {
                variables.add(egress());
            } else if (key == ServiceSchema.LOG_KMS_KEY) {
                variables.add(logKey(ServiceSchema.LOG_KMS_KEY, "log_kms_key_arn", "the container log group"));
            } else if (key.kind() != Key.Kind.MAPPINGS) {
                variables.add(variable(key));
            }
        }
        String certificate = "var." + snake(LoadBalancerSchema.CERTIFICATE_ARN);
        for (Key<?> key : LoadBalancerSchema.KEYS) {
            if (key == LoadBalancerSchema.ACCESS_LOGS) {
                variables.addAll(accessLogs());
                continue;
            }
            Variable variable = variable(key);
            if (key == LoadBalancerSchema.CERTIFICATE_ARN) {
                variables.add(emptyMeans(variable, "none: plain HTTP on port 80"));
            } else if (key == LoadBalancerSchema.ALLOWED_CIDRS) {
                variables.add(withRules(variable, cidrBlocks("var." + variable.name())));
            } else if (key == LoadBalancerSchema.TEST_LISTENER_CIDRS) {
                String ref = "var." + variable.name();
                List<Validation> rules = new ArrayList<>(cidrBlocks(ref).subList(1, 3));
                rules.add(publicBlocks(ref));
                variables.add(withRules(variable, rules));
            } else if (key == LoadBalancerSchema.TEST_LISTENER_PORT) {
                variables.add(withRule(variable, notAProductionPort("var." + variable.name(), certificate)));
            } else if (key == LoadBalancerSchema.WAF_WEB_ACL_ARN) {
                variables.add(webAcl());
            } else if (key == LoadBalancerSchema.SSL_POLICY) {
                String ref = "var." + variable.name();
                variables.add(new Variable(variable.name(), variable.key(), variable.type(), variable.description(),
                        variable.defaultValue(), List.of(new Validation(matches(Format.SSL_POLICY, ref), "\"${" + ref
                                + "}\" allows TLS versions older than 1.2 or non-forward-secret ciphers; allowed: "
                                + Format.SSL_POLICY.allowed()))));
            } else {
                variables.add(variable);
            }
        }
        return List.copyOf(variables);
    }

    /**
     * {@code loadBalancer.accessLogs} as two strings, {@code ""} for none: the bucket, whose name is
     * checked as the loader checks {@code state.bucket}'s, and the prefix, which needs a bucket.
     */
    private static List<Variable> accessLogs() {
        String bucket = "access_logs_bucket";
        String prefix = "access_logs_prefix";
        Variable bucketVariable = emptyMeans(withRules(variable(LoadBalancerSchema.ACCESS_LOGS_BUCKET, bucket),
                reservedBucketNames("var." + bucket)), "no access logs");
        Variable prefixVariable = emptyMeans(variable(LoadBalancerSchema.ACCESS_LOGS_PREFIX, prefix), "the top of the bucket");
        return List.of(bucketVariable, withRule(prefixVariable, new Validation("var." + prefix + " == \"\" || var." + bucket
                + " != \"\"", "\"${var." + prefix + "}\" is set but " + bucket + " is empty, which means no access logs;"
                + " allowed: a bucket in " + bucket + ", or no " + prefix)));
    }

    /**
     * {@code loadBalancer.wafWebAclArn}, {@code ""} for none, and not with {@code waf} managed. The
     * loader also compares its region and account with {@code aws}'s, which a module knows only from
     * its provider, not in a validation.
     */
    static Variable webAcl() {
        String arn = "var.waf_web_acl_arn";
        String waf = "var." + snake(LoadBalancerSchema.WAF);
        return withRule(emptyMeans(variable(LoadBalancerSchema.WAF_WEB_ACL_ARN, "waf_web_acl_arn"), "no web ACL"),
                new Validation(waf + " != \"managed\" || " + arn + " == \"\"", "\"${" + arn + "}\" is set but "
                        + snake(LoadBalancerSchema.WAF) + " is managed, which makes the module's own web ACL; allowed: one"
                        + " web ACL, waf managed without waf_web_acl_arn, or waf_web_acl_arn with waf none"));
    }

    /**
     * Pinned zones, as {@link NetworkSchema} checks them but for their region, which a module
     * knows only from its provider: none, or one a zone of {@code az_count}, each a zone's name, once.
     */
    private static List<Validation> zones(String list, String azCount) {
        String form = matches(Format.ZONE, "zone");
        String twice = "[for i, zone in " + list + " : zone if index(" + list + ", zone) != i]";
        return List.of(
                new Validation("length(" + list + ") == 0 || length(" + list + ") == " + azCount, "${length(" + list
                        + ")} zones given; allowed: ${" + azCount + "}, one for each zone of " + named(azCount)),
                new Validation("alltrue([for zone in " + list + " : " + form + "])", "\"" + shown("[for zone in " + list
                        + " : zone if !(" + form + ")][0]") + "\" is not allowed; allowed: " + Format.ZONE.allowed()),
                new Validation("length(distinct(" + list + ")) == length(" + list + ")", "\"" + shown(twice + "[0]")
                        + "\" is given twice; allowed: each zone once"));
    }

    /**
     * A canary's or linear step's window against the alarms, as {@link ConfigLoader} checks it:
     * only when the interval, period and evaluation periods are each allowed, and not for all-at-once.
     */
    private static Validation window(String interval) {
        String strategy = "var." + snake(DeploymentSchema.STRATEGY);
        String period = "var." + snake(DeploymentSchema.PERIOD_SECONDS);
        String evaluations = "var." + snake(DeploymentSchema.EVALUATION_PERIODS);
        String periods = "max(2, " + evaluations + ")";
        String seconds = periods + " * " + period;
        String condition = String.join(" || ", List.of(
                strategy + " == " + hcl(DeploymentConfig.Strategy.ALL_AT_ONCE.yamlName()),
                "!" + allowed(DeploymentSchema.INTERVAL_MINUTES, interval),
                "!" + allowed(DeploymentSchema.PERIOD_SECONDS, period) + " || " + period + " % 60 != 0",
                "!" + allowed(DeploymentSchema.EVALUATION_PERIODS, evaluations),
                interval + " * 60 >= " + seconds));
        return new Validation(condition, "${" + interval + "} minute(s) is shorter than ${" + periods + "} alarm periods (${"
                + periods + "} x ${" + period + "} s = ${" + seconds + "} s), so the alarms could not fire before traffic"
                + " shifts; allowed: at least ${ceil(" + seconds + " / 60)} minute(s), or lower " + named(period) + " or "
                + named(evaluations));
    }

    /** Whether a whole-number key's variable {@code ref} is a whole number in the key's range. */
    private static String allowed(Key<?> key, String ref) {
        return "(floor(" + ref + ") == " + ref + " && " + ref + " >= " + Key.plain(key.min()) + " && " + ref + " <= "
                + Key.plain(key.max()) + ")";
    }

    /** A value another module gives: required, any value of its type. */
    private static Variable input(String name, String type, String description) {
        return new Variable(name, name, type, description, null, List.of());
    }

    private static Variable withRule(Variable variable, Validation rule) {
        return withRules(variable, List.of(rule));
    }

    private static Variable withRules(Variable variable, List<Validation> rules) {
        List<Validation> validations = new ArrayList<>(variable.validations());
        validations.addAll(rules);
        return new Variable(variable.name(), variable.key(), variable.type(), variable.description(), variable.defaultValue(),
                List.copyOf(validations));
    }

    /**
     * A string key whose file default is derived or none: {@code ""} stands for that, since a
     * module's variable is never null; any other value is checked as the loader checks it.
     */
    private static Variable emptyMeans(Variable variable, String meaning) {
        String ref = "var." + variable.name();
        List<Validation> validations = variable.validations().stream()
                .map(rule -> new Validation(ref + " == \"\" || " + rule.condition(), rule.errorMessage())).toList();
        return new Variable(variable.name(), variable.key(), variable.type(), variable.description() + " (Empty: "
                + meaning + ".)", "", validations);
    }

    /** A mapping of names to strings, every name an environment variable's. */
    private static Variable map(Key<?> key, String name, List<Validation> validations) {
        return new Variable(name, key.path(), "map(string)", description(key), Map.of(), validations);
    }

    /** Every name of {@code map} an environment variable's name; the message names the first that is not. */
    private static Validation names(String map) {
        String bad = "!" + matches(Format.ENV_VAR, "name");
        return new Validation("alltrue([for name in keys(" + map + ") : " + matches(Format.ENV_VAR, "name") + "])",
                "\"" + shown("[for name in keys(" + map + ") : name if " + bad + "][0]") + "\" is not allowed; allowed: "
                        + Format.ENV_VAR.allowed());
    }

    /** Every secret an SSM parameter's or a Secrets Manager secret's ARN, as the loader checks it. */
    private static Validation secretArns(String secrets) {
        String good = matches(Format.SECRET_ARN, "arn");
        return new Validation("alltrue([for arn in values(" + secrets + ") : " + good + "])",
                "\"" + shown("[for arn in values(" + secrets + ") : arn if !" + good + "][0]") + "\" is not an SSM parameter or Secrets"
                        + " Manager ARN; allowed: " + Format.SECRET_ARN.allowed());
    }

    /** No name both a secret and a plain variable; the message names the first. */
    private static Validation notInBoth(String secrets, String environment) {
        return new Validation("length(setintersection(keys(" + secrets + "), keys(" + environment + "))) == 0",
                "${try(sort(setintersection(keys(" + secrets + "), keys(" + environment + ")))[0], \"\")} is also set in "
                        + named(environment) + "; allowed: a name in one of the two, as a plain value or as a secret");
    }

    /** Memory Fargate pairs with the CPU size, checked once both are whole numbers in range, as the loader does. */
    private static Validation fargateSize(String cpu, String memory) {
        Key<?> memoryKey = ServiceSchema.MEMORY;
        String inRange = "(floor(" + memory + ") == " + memory + " && " + memory + " >= " + Key.plain(memoryKey.min()) + " && "
                + memory + " <= " + Key.plain(memoryKey.max()) + " && contains(" + hcl(ServiceSchema.CPU.values()) + ", " + cpu
                + "))";
        return new Validation("!" + inRange + " || " + FargateSizes.condition(cpu, memory), "${" + memory + "} MiB does not"
                + " pair with " + named(cpu) + " ${" + cpu + "} on Fargate; allowed memory for cpu ${" + cpu + "}: ${"
                + FargateSizes.allowed(cpu) + "}");
    }

    /** {@code autoscaling_min} no greater than {@code autoscaling_max}, once both are in range, as the loader does. */
    private static Validation atMostMax(Variable min) {
        String ref = "var." + min.name();
        String max = "var.autoscaling_" + snake(AutoscalingSchema.MAX);
        Key<?> maxKey = AutoscalingSchema.MAX;
        String maxOk = "(floor(" + max + ") == " + max + " && " + max + " >= " + Key.plain(maxKey.min()) + " && " + max + " <= "
                + Key.plain(maxKey.max()) + ")";
        return new Validation("!" + maxOk + " || " + ref + " <= " + max, "${" + ref + "} is greater than " + named(max)
                + " (${" + max + "}); allowed: " + Key.plain(AutoscalingSchema.MIN.min()) + " to ${" + max + "}");
    }

    /** At least one block, each an IPv4 block with its host bits zero, as the loader checks a list of CIDR blocks. */
    private static List<Validation> cidrBlocks(String list) {
        String wellFormed = wellFormed("block");
        return List.of(
                new Validation("length(" + list + ") > 0", "is empty; list at least one CIDR block, e.g. [0.0.0.0/0]"),
                eachBlock(list, wellFormed, first -> "\"" + shown(first) + "\" is not an IPv4 CIDR block; allowed:"
                        + " a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"),
                eachBlock(list, "!" + wellFormed + " || " + network("block") + " == block", first -> "\"" + shown(first)
                        + "\" has host bits set; allowed: the block's network address, " + shown(network(first))));
    }

    /**
     * No block inside a private range, as {@link LoadBalancerSchema} refuses it: a block's first
     * address, with the range's prefix, is the range's, and its prefix is at least as long.
     */
    private static Validation publicBlocks(String list) {
        List<String> inside = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Cidr range : Cidr.PRIVATE) {
            inside.add("(" + prefix("block") + " >= " + range.prefix() + " && " + network("format(\"%s/" + range.prefix()
                    + "\", split(\"/\", block)[0])") + " == \"" + range + "\")");
            names.add("(" + inside.get(inside.size() - 1) + " ? \"" + range + "\" : \"\")");
        }
        // A block that is not whole is refused for that alone, as the loader does.
        String allowed = guarded("!" + whole("block") + " || !(" + String.join(" || ", inside) + ")");
        String first = "[for block in " + list + " : block if !" + allowed + "][0]";
        String range = "[for block in " + list + " : join(\"\", [" + String.join(", ", names) + "]) if !" + allowed + "][0]";
        return new Validation("alltrue([for block in " + list + " : " + allowed + "])",
                LoadBalancerSchema.privateBlock(shown(first), "a private range (" + shown(range) + ")"));
    }

    /** The test listener on a port production does not use: 80, and 443 with a certificate. */
    private static Validation notAProductionPort(String port, String certificate) {
        return new Validation(port + " != 80 && (" + certificate + " == \"\" || " + port + " != 443)", "${" + port
                + "} is a production listener port; allowed: any port but ${" + certificate + " == \"\" ? \"80\" :"
                + " \"443 and 80\"}");
    }

    /**
     * What the access module reads: the {@code github} keys, the admin role, the service's secrets
     * and task policy, ECS Exec, where the state is and how it is locked, and which of the other
     * stacks' optional resources exist, which the infra role's permissions follow. Keys outside
     * their section are named with it ({@code state.bucket} is {@code state_bucket}); optional
     * strings are empty for none.
     */
    public static List<Variable> access() {
        List<Variable> variables = new ArrayList<>();
        variables.add(new Variable("repository_arn", "repository_arn", "string", "The ARN of the ECR repository the"
                + " service's images are in, which the execution role pulls from and the release role pushes to: the"
                + " registry module's `repository_arn`.", null, List.of(new Validation(
                "can(regex(\"^arn:aws[a-z-]*:ecr:[a-z0-9-]+:\\\\d{12}:repository/.+$\", var.repository_arn))",
                "\"${var.repository_arn}\" is not an ECR repository ARN; allowed: arn:aws:ecr:<region>:<account>:repository/<name>"))));
        Variable repositoryName = variable(RegistrySchema.REPOSITORY_NAME);
        variables.add(new Variable(repositoryName.name(), repositoryName.key(), repositoryName.type(), "The name of that"
                + " repository, which the infra role manages: the registry module's `repository_name`.", null,
                repositoryName.validations()));
        variables.add(variable(GithubSchema.REPOSITORY, "github_repository"));
        variables.add(variable(GithubSchema.CREATE_OIDC_PROVIDER));
        variables.add(optional(variable(AwsSchema.ASSUME_ROLE_ARN), "none: the infra role applies the stacks itself"));
        variables.add(secrets());
        variables.add(taskPolicy());
        variables.add(variable(ClusterSchema.EXECUTE_COMMAND));
        variables.add(withRules(variable(StateSchema.BUCKET, "state_bucket"), reservedBucketNames("var.state_bucket")));
        variables.add(optional(variable(StateSchema.REGION, "state_region"), "the region of the provider"));
        variables.add(variable(StateSchema.LOCK, "state_lock"));
        String lock = "var.state_lock";
        String table = "var.state_dynamodb_table";
        Variable tableVariable = optional(variable(StateSchema.DYNAMODB_TABLE, "state_dynamodb_table"), "none");
        List<Validation> tableValidations = new ArrayList<>(tableVariable.validations());
        tableValidations.add(new Validation(lock + " == \"lockfile\" || " + table + " != \"\"", "is required when state_lock is ${"
                + lock + "}; name the lock table (e.g. ${var.app}-tflock) or use state_lock = \"lockfile\""));
        tableValidations.add(new Validation(lock + " != \"lockfile\" || " + table + " == \"\"", "\"${" + table + "}\" is set but"
                + " state_lock is lockfile, which uses no table; allowed: state_lock dynamodb or both, or no state_dynamodb_table"));
        variables.add(new Variable(tableVariable.name(), tableVariable.key(), tableVariable.type(), tableVariable.description(),
                tableVariable.defaultValue(), List.copyOf(tableValidations)));
        for (Key<?> network : List.of(NetworkSchema.NAT_GATEWAYS, NetworkSchema.FLOW_LOGS, NetworkSchema.VPC_ENDPOINTS)) {
            variables.add(infraFollows(variable(network)));
        }
        variables.add(new Variable("autoscaling", AutoscalingSchema.SECTION.path(), "bool", "Whether the service scales on"
                + " CPU (`service.autoscaling` is set): the infra role may then register its scalable target and"
                + " policy.", false, List.of()));
        variables.add(infraFollows(variable(DeploymentSchema.STRATEGY, "deployment_strategy")));
        Variable waf = variable(LoadBalancerSchema.WAF);
        variables.add(new Variable(waf.name(), waf.key(), waf.type(), waf.description() + " Here it says what the infra"
                + " role may manage: give the value the ecs-service module has.", waf.defaultValue(), waf.validations()));
        variables.add(webAcl());
        return List.copyOf(variables);
    }

    /**
     * What the loader refuses of a bucket name of the right form ({@link StateSchema}), one rule a
     * block, each only for a name of that form, as the loader checks it only then.
     */
    private static List<Validation> reservedBucketNames(String ref) {
        String form = matches(Format.BUCKET, ref);
        String allowed = ", which S3 refuses; allowed: " + Format.BUCKET.allowed() + ", " + Format.BUCKET_RULES;
        List<Validation> rules = new ArrayList<>();
        rules.add(new Validation("!(" + form + ") || !strcontains(" + ref + ", \"..\")",
                "\"${" + ref + "}\" has two periods in a row" + allowed));
        rules.add(new Validation("!(" + form + ") || strcontains(" + ref + ", \"..\") || !can(regex("
                + hcl("^\\d{1,3}(?:\\.\\d{1,3}){3}$") + ", " + ref + "))",
                "\"${" + ref + "}\" is formatted as an IP address" + allowed));
        for (String prefix : Format.BUCKET_RESERVED_PREFIXES) {
            rules.add(new Validation("!(" + form + ") || !startswith(" + ref + ", " + hcl(prefix) + ")",
                    "\"${" + ref + "}\" starts with " + prefix + allowed));
        }
        for (String suffix : Format.BUCKET_RESERVED_SUFFIXES) {
            rules.add(new Validation("!(" + form + ") || !endswith(" + ref + ", " + hcl(suffix) + ")",
                    "\"${" + ref + "}\" ends with " + suffix + allowed));
        }
        return rules;
    }

    /** A key of another part, which the access module reads to know what the infra role may manage. */
    private static Variable infraFollows(Variable variable) {
        return new Variable(variable.name(), variable.key(), variable.type(), variable.description() + " Here it says what the"
                + " infra role may manage: give the value the environment's network or deployment has.", variable.defaultValue(),
                variable.validations());
    }

    /** {@code service.secrets}: each value an SSM parameter or Secrets Manager ARN, as the loader checks it. */
    private static Variable secrets() {
        String ref = "var.secrets";
        String format = matches(Format.SECRET_ARN, "arn");
        String first = "[for arn in values(" + ref + ") : arn if !(" + format + ")][0]";
        return new Variable("secrets", ServiceSchema.SECRETS.path(), "map(string)", description(ServiceSchema.SECRETS),
                Map.of(), List.of(
                new Validation("alltrue([for arn in values(" + ref + ") : " + format + "])", "\"" + shown(first) + "\" is not"
                        + " an SSM parameter or Secrets Manager ARN; allowed: " + Format.SECRET_ARN.allowed()),
                new Validation("alltrue([for name in keys(" + ref + ") : " + matches(Format.ENV_VAR, "name") + "])",
                        "\"" + shown("[for name in keys(" + ref + ") : name if !(" + matches(Format.ENV_VAR, "name") + ")][0]")
                                + "\" is not allowed; allowed: " + Format.ENV_VAR.allowed())));
    }

    /**
     * {@code service.egress}: the rules as the loader checks them, each check over every rule and
     * its message about the first rule it refuses. Its attributes are the keys in snake case.
     */
    private static Variable egress() {
        String ref = "var.egress";
        String toPort = "coalesce(rule.to_port, rule.port)";
        String givenToPort = "coalesce(rule.to_port, 1)";
        String port = "(floor(%1$s) == %1$s && %1$s >= " + Key.plain(EgressSchema.PORT.min()) + " && %1$s <= "
                + Key.plain(EgressSchema.PORT.max()) + ")";
        String destinations = "{ cidr = rule.cidr, prefix_list_id = rule.prefix_list_id, security_group_id = rule.security_group_id }";
        String given = "[for name, value in " + destinations + " : name if value != null]";
        String choices = "cidr, prefix_list_id or security_group_id";
        String anywhere = hcl(EgressSchema.ANYWHERE);
        String keys = "[for item in " + ref + " : try(" + ServiceConfig.EgressRule.KEY_EXPRESSION + ", \"\")]";
        List<Validation> validations = new ArrayList<>(List.of(
                new Validation("alltrue([for rule in " + ref + " : " + port.formatted("rule.port") + "])", "${" + first(ref,
                        "rule.port", "!" + port.formatted("rule.port")) + "} is out of range; allowed: " + EgressSchema.PORT.allowed()),
                // A rule without to_port is one port, already checked above; 1 stands in so that only to_port is judged.
                new Validation("alltrue([for rule in " + ref + " : " + port.formatted(givenToPort) + "])", "${" + first(ref,
                        "rule.to_port", "!" + port.formatted(givenToPort)) + "} is out of range; allowed: "
                        + EgressSchema.TO_PORT.allowed()),
                new Validation("alltrue([for rule in " + ref + " : " + toPort + " >= rule.port])", "${" + first(ref, toPort,
                        toPort + " < rule.port") + "} is below port ${" + first(ref, "rule.port", toPort + " < rule.port")
                        + "}; allowed: ${" + first(ref, "rule.port", toPort + " < rule.port") + "} to "
                        + Key.plain(EgressSchema.TO_PORT.max())),
                new Validation("alltrue([for rule in " + ref + " : contains(" + hcl(Key.names(ServiceConfig.Protocol.TCP))
                        + ", rule.protocol)])", "\"${" + first(ref, "rule.protocol", "!contains(" + hcl(Key.names(
                        ServiceConfig.Protocol.TCP)) + ", rule.protocol)") + "}\" is not allowed; allowed: "
                        + EgressSchema.PROTOCOL.allowed()),
                new Validation("alltrue([for rule in " + ref + " : length(" + given + ") > 0])",
                        "has no destination; allowed: exactly one of " + choices),
                new Validation("alltrue([for rule in " + ref + " : length(" + given + ") < 2])", "has ${" + first(ref,
                        "length(" + given + ")", "length(" + given + ") > 1") + "} destinations (${" + first(ref,
                        "join(\", \", " + given + ")", "length(" + given + ") > 1") + "}); allowed: exactly one of " + choices
                        + ", a rule each"),
                new Validation("alltrue([for rule in " + ref + " : !(rule.cidr == " + anywhere + " && " + toPort
                        + " != rule.port)])", "opens ports ${" + first(ref, "rule.port", "rule.cidr == " + anywhere + " && "
                        + toPort + " != rule.port") + "} to ${" + first(ref, toPort, "rule.cidr == " + anywhere + " && " + toPort
                        + " != rule.port") + "} to " + EgressSchema.ANYWHERE + "; allowed: one port to " + EgressSchema.ANYWHERE
                        + ", or a range to a narrower CIDR block"),
                new Validation("alltrue([for rule in " + ref + " : !(rule.protocol == \"tcp\" && rule.port == "
                        + EgressSchema.HTTPS_PORT + " && " + toPort + " == " + EgressSchema.HTTPS_PORT + " && rule.cidr == "
                        + anywhere + ")])", "is the HTTPS rule every service has (tcp " + EgressSchema.HTTPS_PORT + " to "
                        + EgressSchema.ANYWHERE + "); allowed: other rules only, leave this one out"),
                new Validation("length(distinct(" + keys + ")) == length(" + ref + ")", "\"" + shown("[for i, key in " + keys
                        + " : key if index(" + keys + ", key) != i][0]") + "\" is given twice; allowed: each rule once")));
        String cidrs = "[for rule in " + ref + " : rule.cidr if rule.cidr != null]";
        validations.addAll(cidrBlocks(cidrs).subList(1, 3));
        for (Map.Entry<String, Format> id : List.of(Map.entry("prefix_list_id", Format.PREFIX_LIST_ID),
                Map.entry("security_group_id", Format.SECURITY_GROUP_ID), Map.entry("description", Format.RULE_DESCRIPTION))) {
            String absent = id.getKey().equals("description") ? "\"\"" : "null";
            String values = "[for rule in " + ref + " : rule." + id.getKey() + " if rule." + id.getKey() + " != " + absent + "]";
            validations.add(new Validation("alltrue([for value in " + values + " : " + matches(id.getValue(), "value") + "])",
                    "\"" + shown("[for value in " + values + " : value if !(" + matches(id.getValue(), "value") + ")][0]")
                            + "\" is not allowed; allowed: " + id.getValue().allowed()));
        }
        return new Variable("egress", EgressSchema.SECTION.path(), "list(object({ port = number, to_port = optional(number),"
                + " protocol = optional(string, \"tcp\"), cidr = optional(string), prefix_list_id = optional(string),"
                + " security_group_id = optional(string), description = optional(string, \"\") }))",
                description(EgressSchema.SECTION) + " Each rule: `port`, `to_port` (default: `port`), `protocol` (`tcp` or"
                + " `udp`, default `tcp`), exactly one of `cidr`, `prefix_list_id` and `security_group_id`, and"
                + " `description`.", List.of(), List.copyOf(validations));
    }

    /** {@code value} of the first rule of {@code rules} for which {@code refused} holds, in a message; empty when none. */
    private static String first(String rules, String value, String refused) {
        return "try([for rule in " + rules + " : " + value + " if " + refused + "][0], \"\")";
    }

    /** {@code service.taskPolicy}: statements of actions and resources, as the loader checks them. */
    private static Variable taskPolicy() {
        String ref = "var.task_policy";
        String action = matches(Format.IAM_ACTION, "action") + " && !endswith(action, \":*\")";
        String badAction = "flatten([for statement in " + ref + " : [for action in statement.actions : action if !(" + action + ")]])[0]";
        // "*" has its own message, as in the loader.
        String arn = "resource == \"*\" || " + matches(Format.RESOURCE_ARN, "resource");
        return new Variable("task_policy", TaskPolicySchema.SECTION.path(),
                "list(object({ actions = list(string), resources = list(string) }))",
                description(TaskPolicySchema.SECTION) + " Each statement allows its"
                + " `actions` on its `resources`.", List.of(), List.of(
                new Validation("alltrue([for statement in " + ref + " : length(statement.actions) > 0])",
                        "actions is required; list the IAM actions the task needs, e.g. [s3:GetObject]"),
                new Validation("alltrue([for statement in " + ref + " : alltrue([for action in statement.actions : " + action + "])])",
                        "\"" + shown(badAction) + "\" is not allowed; allowed: " + Format.IAM_ACTION.allowed()),
                new Validation("alltrue([for statement in " + ref + " : length(statement.resources) > 0])",
                        "resources is required; list the ARNs the actions apply to"),
                new Validation("alltrue([for statement in " + ref + " : !contains(statement.resources, \"*\")])",
                        "\"*\" is not allowed; allowed: the ARNs the task needs, e.g. arn:aws:s3:::my-bucket/*"),
                new Validation("alltrue([for statement in " + ref + " : alltrue([for resource in statement.resources : " + arn
                        + "])])", "\"" + shown("flatten([for statement in " + ref + " : [for resource in statement.resources :"
                        + " resource if !(" + arn + ")]])[0]") + "\" is not an ARN, which IAM refuses; allowed: "
                        + Format.RESOURCE_ARN.allowed())));
    }

    /** {@code variable}, empty by default ({@code none} says what empty means), its checks only for a value. */
    private static Variable optional(Variable variable, String none) {
        String ref = "var." + variable.name();
        List<Validation> validations = variable.validations().stream()
                .map(validation -> new Validation(ref + " == \"\" || " + validation.condition(), validation.errorMessage()))
                .toList();
        return new Variable(variable.name(), variable.key(), variable.type(), variable.description() + " Empty: " + none + ".",
                "", validations);
    }

    /** Whether a key of the file stands behind {@code variable}, rather than another module's output ({@code vpc_id}). */
    static boolean standsForAKey(Variable variable) {
        return variable.key().contains(".") || EnvironmentSchema.KEYS.stream().anyMatch(key -> key.path().equals(variable.key()));
    }

    /** {@code azCount} as {@code az_count}: the name a key's variable has. */
    static String snake(Key<?> key) {
        return snake(key.name());
    }

    /** {@code toPort} as {@code to_port}. */
    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A key's variable, with the checks of its kind, range, allowed values and format. */
    static Variable variable(Key<?> key) {
        return variable(key, snake(key));
    }

    /** A key's variable named {@code name}, with the checks of its kind, range, allowed values and format. */
    static Variable variable(Key<?> key, String name) {
        String ref = "var." + name;
        List<Validation> validations = new ArrayList<>();
        String type = switch (key.kind()) {
            case WHOLE_NUMBER -> {
                validations.add(new Validation("floor(" + ref + ") == " + ref,
                        "${" + ref + "} is not a whole number; allowed: " + key.allowed()));
                validations.add(new Validation(ref + " >= " + Key.plain(key.min()) + " && " + ref + " <= " + Key.plain(key.max()),
                        "${" + ref + "} is out of range; allowed: " + key.allowed()));
                yield "number";
            }
            case ONE_OF -> {
                validations.add(new Validation("contains(" + hcl(key.values()) + ", " + ref + ")",
                        "${" + ref + "} is not allowed; allowed: " + key.allowed()));
                yield "number";
            }
            case NUMBER -> {
                // null turns off what the key configures when it has no default; else it means the default.
                String range = ref + " >= " + Key.plain(key.min()) + " && " + ref + " <= " + Key.plain(key.max());
                String shown = key.defaultValue() == null ? "${" + ref + " == null ? \"\" : " + ref + "}" : "${" + ref + "}";
                validations.add(new Validation(key.defaultValue() == null ? ref + " == null ? true : (" + range + ")" : range,
                        shown + " is out of range; allowed: " + key.allowed()));
                yield "number";
            }
            case BOOLEAN -> "bool";
            case CHOICE -> {
                List<String> choices = List.of(key.allowed().split(", "));
                validations.add(new Validation("contains(" + hcl(choices) + ", " + ref + ")",
                        "\"${" + ref + "}\" is not allowed; allowed: " + key.allowed()));
                yield "string";
            }
            case STRING -> {
                if (key.format() != null) {
                    validations.add(new Validation(matches(key.format(), ref),
                            "\"${" + ref + "}\" is not allowed; allowed: " + key.allowed()));
                }
                yield "string";
            }
            case STRINGS -> "list(string)";
            default -> throw new IllegalArgumentException(key.path() + " is a " + key.kind() + ", which no module takes");
        };
        Object defaultValue = key.defaultValue() instanceof Named choice ? choice.yamlName() : key.defaultValue();
        boolean nullable = key.kind() == Key.Kind.NUMBER && key.defaultValue() == null;
        return new Variable(name, key.path(), type, description(key), defaultValue, List.copyOf(validations), nullable);
    }

    /** The reference's description, and the key it stands for. */
    private static String description(Key<?> key) {
        List<String> allowed = new ArrayList<>();
        if (key.kind() != Key.Kind.BOOLEAN && !key.allowed().isEmpty()) {
            allowed.add(key.allowed());
        }
        if (!key.note().isEmpty()) {
            allowed.add(key.note());
        }
        String description = DOCS_LINK.matcher(key.description()).replaceAll(
                Matcher.quoteReplacement(DOCS_FROM_A_MODULE) + "$1");
        String off = key.kind() == Key.Kind.NUMBER && key.defaultValue() == null
                ? " `null`, the default, means " + key.defaultText() + "." : "";
        return description + (allowed.isEmpty() ? "" : " Allowed: " + String.join("; ", allowed) + ".") + off + " The `"
                + key.path() + "` key of an ecsforge environment file.";
    }

    /**
     * A format as Terraform's {@code regex} (RE2) takes it. RE2 has no lookahead, so the one
     * form our formats use, "nowhere {@code X}" ({@code (?!.*X)} at the start), becomes a
     * {@code strcontains} beside it.
     */
    static String matches(Format format, String ref) {
        String pattern = format.pattern().pattern();
        List<String> conditions = new ArrayList<>();
        while (pattern.startsWith("(?!.*")) {
            int end = pattern.indexOf(')');
            conditions.add("!strcontains(" + ref + ", " + hcl(pattern.substring(5, end)) + ")");
            pattern = pattern.substring(end + 1);
        }
        conditions.add("can(regex(" + hcl("^(?:" + withinRe2Repeats(pattern) + ")$") + ", " + ref + "))");
        if (format.limitsLength()) {
            conditions.add("length(" + ref + ") >= " + format.minLength() + " && length(" + ref + ") <= " + format.maxLength());
        }
        return String.join(" && ", conditions);
    }

    /**
     * RE2 repeats at most 1000 times, so a character class repeated {@code {m,n}} times with
     * {@code n} above that ({@code /[\x21-\x7e]{0,1023}}) is written as two repeats of it that
     * allow the same lengths.
     */
    private static String withinRe2Repeats(String pattern) {
        Matcher repeat = Pattern.compile("(\\[[^\\]]*\\])\\{(\\d+),(\\d+)\\}").matcher(pattern);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            int min = Integer.parseInt(repeat.group(2));
            int max = Integer.parseInt(repeat.group(3));
            String atom = repeat.group(1);
            String written = max <= RE2_MAX_REPEAT || min > RE2_MAX_REPEAT ? repeat.group()
                    : atom + "{" + min + "," + RE2_MAX_REPEAT + "}" + atom + "{0," + (max - RE2_MAX_REPEAT) + "}";
            repeat.appendReplacement(out, Matcher.quoteReplacement(written));
        }
        repeat.appendTail(out);
        return out.toString();
    }

    /**
     * The VPC's block: IPv4, host bits zero, /16 to /28. Its checks refer to no other variable:
     * Terraform refuses validations that refer to each other in a circle, so the subnet lists'
     * rules refer to the block and not the other way round, and the rules across both lists sit
     * on {@code private_subnets} (see {@link #bothOrNeither}).
     */
    private static List<Validation> vpcBlock(String cidr) {
        String prefix = prefix(cidr);
        String block = "\"${" + cidr + "}\"";
        String wellFormed = wellFormed(cidr);
        String network = network(cidr);
        return List.of(
                new Validation(wellFormed, block + " is not an IPv4 CIDR block; allowed: a.b.c.d/n with a to d from 0 to 255"
                        + " and n from 0 to 32"),
                new Validation(guarded("!" + wellFormed + " || " + network + " == " + cidr), block + " has host bits set;"
                        + " allowed: the block's network address, " + shown(network)),
                new Validation(guarded("!" + whole(cidr) + " || (" + prefix + " >= " + Subnets.LARGEST_VPC + " && " + prefix
                        + " <= " + Subnets.SMALLEST + ")"), block + " has prefix /" + shown(prefix) + "; allowed: a VPC of /"
                        + Subnets.LARGEST_VPC + " to /" + Subnets.SMALLEST));
    }

    /**
     * Both lists or neither; and, when neither is given, a VPC large enough for the computed
     * subnets. Terraform reports these on {@code private_subnets}, though the last is about the
     * VPC's block: the message says so.
     */
    private static List<Validation> bothOrNeither(String cidr, String azCount, String publicSubnets, String privateSubnets) {
        String prefix = prefix(cidr);
        String sized = "(" + whole(cidr) + " && " + prefix + " >= " + Subnets.LARGEST_VPC + " && " + prefix + " <= "
                + Subnets.SMALLEST + ")";
        String subnetPrefix = prefix + " + " + Subnets.NEW_BITS;
        String onePerZone = "0 subnets given; allowed: ${" + azCount + "}, one per availability zone (" + named(azCount) + ")";
        return List.of(
                new Validation("length(" + privateSubnets + ") > 0 || length(" + publicSubnets + ") == 0", onePerZone),
                new Validation("length(" + publicSubnets + ") > 0 || length(" + privateSubnets + ") == 0",
                        named(publicSubnets) + ": " + onePerZone),
                new Validation(guarded("length(" + privateSubnets + ") > 0 || length(" + publicSubnets + ") > 0 || !"
                        + sized + " || " + subnetPrefix + " <= " + Subnets.SMALLEST),
                        named(cidr) + ": \"${" + cidr + "}\" is too small: its ${2 * " + azCount + "} subnets would be /"
                                + shown(subnetPrefix) + ", smaller than AWS's smallest subnet (/" + Subnets.SMALLEST
                                + "); allowed: a VPC of /24 or larger, or " + named(publicSubnets) + " and "
                                + named(privateSubnets) + " listed yourself"));
    }

    /**
     * Listed subnets, as {@link Subnets} checks them: one a zone, each a block with its host bits
     * zero, inside the VPC and no smaller than AWS allows. Each message names the first block
     * that fails. Blocks that overlap each other are not refused here (the loader refuses them).
     */
    private static List<Validation> subnets(String list, String cidr, String azCount) {
        String vpcWhole = whole(cidr);
        String wellFormed = wellFormed("block");
        String whole = "(" + wellFormed + " && " + network("block") + " == block)";
        // The block's address with the VPC's prefix is the VPC itself.
        String inside = "(" + prefix("block") + " >= " + prefix(cidr) + " && cidrsubnet(format(\"%s/%s\","
                + " split(\"/\", block)[0], " + prefix(cidr) + "), 0, 0) == " + cidr + ")";
        String large = prefix("block") + " <= " + Subnets.SMALLEST;
        return List.of(
                new Validation("length(" + list + ") == 0 || length(" + list + ") == " + azCount, "${length(" + list
                        + ")} subnets given; allowed: ${" + azCount + "}, one per availability zone (" + named(azCount) + ")"),
                eachBlock(list, wellFormed, first -> "\"" + shown(first) + "\" is not an IPv4 CIDR block; allowed:"
                        + " a.b.c.d/n with a to d from 0 to 255 and n from 0 to 32"),
                eachBlock(list, "!" + wellFormed + " || " + network("block") + " == block", first -> "\"" + shown(first)
                        + "\" has host bits set; allowed: the block's network address, " + shown(network(first))),
                eachBlock(list, "!" + whole + " || !" + vpcWhole + " || " + inside, first -> "\"" + shown(first)
                        + "\" is outside the VPC ${" + cidr + "}; allowed: a block inside " + named(cidr)),
                eachBlock(list, "!" + whole + " || !" + vpcWhole + " || !" + inside + " || " + large, first -> "\""
                        + shown(first) + "\" is smaller than AWS allows; allowed: a subnet of /" + Subnets.SMALLEST
                        + " or larger"));
    }

    /** {@code az_count} of {@code var.az_count}: a variable as messages name it. */
    private static String named(String ref) {
        return ref.substring("var.".length());
    }

    /**
     * A condition every {@code block} of {@code list} must meet, and the message for the first
     * that does not, made from the expression that finds it.
     */
    private static Validation eachBlock(String list, String condition, UnaryOperator<String> message) {
        String met = guarded(condition);
        String first = "[for block in " + list + " : block if !" + met + "][0]";
        return new Validation("alltrue([for block in " + list + " : " + met + "])", message.apply(first));
    }

    /**
     * {@code condition}, true where it cannot be evaluated. Terraform evaluates both sides of
     * {@code ||}, so a check of a block's parts fails with an error, not a message, on a block
     * that is not one; another validation already refuses that block with the loader's words.
     */
    private static String guarded(String condition) {
        return "try(" + condition + ", true)";
    }

    /**
     * {@code expression} interpolated in a message, empty where it cannot be evaluated: Terraform
     * evaluates every message, also of the validations a value passes.
     */
    private static String shown(String expression) {
        return "${try(" + expression + ", \"\")}";
    }

    /** Whether {@code ref} is an IPv4 block Terraform can read. */
    private static String wellFormed(String ref) {
        return "(can(regex(\"^\\\\d{1,3}(\\\\.\\\\d{1,3}){3}/\\\\d{1,2}$\", " + ref + ")) && can(cidrhost(" + ref + ", 0)))";
    }

    /** Whether {@code ref} is an IPv4 block with its host bits zero. */
    private static String whole(String ref) {
        return "(" + wellFormed(ref) + " && " + network(ref) + " == " + ref + ")";
    }

    /** The block {@code ref} with its host bits cleared. */
    private static String network(String ref) {
        return "cidrsubnet(" + ref + ", 0, 0)";
    }

    private static String prefix(String ref) {
        return "tonumber(split(\"/\", " + ref + ")[1])";
    }

    private static String hcl(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
