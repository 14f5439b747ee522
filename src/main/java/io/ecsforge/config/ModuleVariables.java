package io.ecsforge.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The configuration's keys as the variables of a Terraform module: the type, description and
 * default of each come from its {@link Key}, and its {@code validation} blocks refuse what the
 * loader refuses, with the loader's words wherever Terraform can say them (the value, then
 * "allowed: ..."). Rules across keys are written here too, next to the loader's own
 * ({@link Subnets}, {@link ConfigLoader}), from the same limits.
 */
public final class ModuleVariables {
    private static final ObjectMapper JSON = new ObjectMapper();

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
     * @param defaultValue its default, null when it is required
     * @param validations what it must satisfy, in the order they are checked
     */
    public record Variable(String name, String key, String type, String description, Object defaultValue, List<Validation> validations) {}

    /**
     * One {@code validation} block.
     *
     * @param condition a Terraform expression, without {@code ${}}, true for an allowed value
     * @param errorMessage the message when it is false, a Terraform template
     */
    public record Validation(String condition, String errorMessage) {}

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

    /** {@code azCount} as {@code az_count}: the name a key's variable has. */
    static String snake(Key<?> key) {
        return key.name().replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    /** A key's variable, with the checks of its kind, range, allowed values and format. */
    static Variable variable(Key<?> key) {
        String name = snake(key);
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
        return new Variable(name, key.path(), type, description(key), defaultValue, List.copyOf(validations));
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
        return description + (allowed.isEmpty() ? "" : " Allowed: " + String.join("; ", allowed) + ".") + " The `"
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
        conditions.add("can(regex(" + hcl("^(?:" + pattern + ")$") + ", " + ref + "))");
        if (format.limitsLength()) {
            conditions.add("length(" + ref + ") >= " + format.minLength() + " && length(" + ref + ") <= " + format.maxLength());
        }
        return String.join(" && ", conditions);
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
