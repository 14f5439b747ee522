package io.ecsforge.modules;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecsforge.config.ServiceConfig.Destination;
import io.ecsforge.config.ServiceConfig.EgressRule;
import io.ecsforge.config.ServiceConfig.Protocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The way from an environment's stacks to a configuration that calls {@code modules/ecs-platform}
 * without recreating anything: each resource of each stack's state moved to its address under
 * {@code module.platform} ({@code aws_subnet.public_0} of the network stack is
 * {@code module.platform.module.network.aws_subnet.public[0]}). Data sources are not moved: they
 * are read again by the next plan.
 */
public final class StateMoves {
    /** The platform's block name in the configuration the moves are for. */
    public static final String CALL = "platform";

    private static final Pattern NUMBERED = Pattern.compile("(.+)_(\\d+)");
    /** An interpolation without braces inside it, which is all a comparison of names and descriptions needs. */
    /** How a module's resource made for each object of a list begins its {@code for_each}. */
    private static final String FOR_EACH_OBJECT = "${{ for item in ";
    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{[^{}]*\\}");

    /**
     * One resource's move.
     *
     * @param stack the stack's part of its name ({@code network})
     * @param from its address in the stack's state
     * @param to its address in the platform's caller's state
     */
    public record Move(String stack, String from, String to) {}

    private StateMoves() {}

    /**
     * The moves of every resource of {@code stacks}.
     *
     * @param stacks each stack's synthesized JSON by its part, the state stack left out
     * @param modules each module's document by its folder's name ({@link ModuleDocuments#build})
     * @throws IllegalStateException naming the resource when a stack has one that its module does not make
     */
    public static List<Move> of(Map<String, JsonNode> stacks, Map<String, ? extends JsonNode> modules) {
        return addresses(stacks, modules, false);
    }

    /**
     * As {@link #of}, and with {@code data}, the data sources too ({@code data.<type>.<name>}), but
     * the other stacks' states a stack reads, which the platform reads from its modules instead,
     * and the state key a stack looks up by its alias, which the platform's caller looks up
     * ({@link io.ecsforge.config.ModuleInputs#STATE_KEY_ARN}).
     */
    public static List<Move> addresses(Map<String, JsonNode> stacks, Map<String, ? extends JsonNode> modules, boolean data) {
        List<Move> moves = new ArrayList<>();
        stacks.forEach((part, stack) -> {
            String folder = PlatformModule.MODULE_OF_STACK.get(part);
            if (folder == null) {
                throw new IllegalStateException("no module makes the resources of stack " + part + "; the platform's: "
                        + PlatformModule.MODULE_OF_STACK);
            }
            if (!modules.containsKey(folder)) {
                throw new IllegalStateException("no module " + folder + " among " + modules.keySet());
            }
            String prefix = "module." + CALL + ".module." + PlatformModule.callName(folder) + ".";
            for (String mode : data ? List.of("resource", "data") : List.of("resource")) {
                String modePrefix = mode.equals("data") ? "data." : "";
                JsonNode module = modules.get(folder).path(mode);
                stack.path(mode).properties().forEach(type -> {
                    if (type.getKey().equals("terraform_remote_state") || type.getKey().equals("aws_kms_alias")) {
                        return;
                    }
                    type.getValue().properties().forEach(resource -> {
                        String address = modePrefix + type.getKey() + "." + resource.getKey();
                        moves.add(new Move(part, address, prefix + modePrefix
                                + moduleAddress(module, type.getKey(), resource.getKey(), resource.getValue(), part, folder)));
                    });
                });
            }
        });
        return List.copyOf(moves);
    }

    /**
     * Where the module keeps what the stack calls {@code type.name}: the same name, with {@code [0]}
     * when the module counts it (it is optional there); or, for the stack's {@code name_<i>}, the
     * module's counted {@code name} at {@code [i]}; or an instance of a resource the module makes
     * for each of some keys ({@code for_each}), the one resource of the type whose attributes agree
     * with the stack's: each literal equal, and the attribute that is {@code each.value} giving the
     * key ({@code alb_ingress_8443_10_0_0_0_8}, the test listener's rule for {@code 10.0.0.0/8}, is
     * {@code alb_ingress_test["10.0.0.0/8"]}).
     */
    private static String moduleAddress(JsonNode module, String type, String name, JsonNode body, String part, String folder) {
        JsonNode same = module.path(type).path(name);
        if (same.isObject() && !same.has("for_each")) {
            return type + "." + name + (same.has("count") ? "[0]" : "");
        }
        Matcher numbered = NUMBERED.matcher(name);
        if (numbered.matches() && module.path(type).path(numbered.group(1)).has("count")) {
            return type + "." + numbered.group(1) + "[" + numbered.group(2) + "]";
        }
        List<String> keyed = new ArrayList<>();
        module.path(type).properties().forEach(candidate -> {
            if (candidate.getValue().has("for_each")) {
                String key = candidate.getValue().path("for_each").asText().startsWith(FOR_EACH_OBJECT)
                        ? objectKey(type, body) : keyOf(candidate.getValue(), body);
                if (key != null) {
                    keyed.add(type + "." + candidate.getKey() + "[\"" + key + "\"]");
                }
            }
        });
        if (keyed.size() == 1) {
            return keyed.get(0);
        }
        throw new IllegalStateException(type + "." + name + " of stack " + part + " has " + (keyed.isEmpty() ? "no counterpart"
                : "more than one counterpart (" + String.join(", ", keyed) + ")") + " in module " + folder);
    }

    /**
     * The key under which a module makes, for each object of a list ({@code Shapes.eachOf}), what
     * the stack's {@code body} is: the object's key worked out from the resource's attributes as
     * the object declares it; null for a type no list makes.
     */
    private static String objectKey(String type, JsonNode body) {
        if (!type.equals("aws_vpc_security_group_egress_rule")) {
            return null;
        }
        Map<Destination, String> attributes = Map.of(Destination.CIDR, "cidr_ipv4", Destination.PREFIX_LIST_ID,
                "prefix_list_id", Destination.SECURITY_GROUP_ID, "referenced_security_group_id");
        for (Destination destination : Destination.values()) {
            JsonNode target = body.path(attributes.get(destination));
            if (target.isTextual()) {
                return new EgressRule(body.path("from_port").asInt(), body.path("to_port").asInt(),
                        Protocol.valueOf(body.path("ip_protocol").asText().toUpperCase(Locale.ROOT)), destination,
                        target.asText(), "").key();
            }
        }
        return null;
    }

    /** The key under which {@code candidate}, made for each key, makes what {@code body} is; null when it cannot. */
    private static String keyOf(JsonNode candidate, JsonNode body) {
        String key = null;
        for (Map.Entry<String, JsonNode> attribute : candidate.properties()) {
            String name = attribute.getKey();
            JsonNode value = attribute.getValue();
            if (name.equals("for_each") || name.equals("//") || !value.isValueNode()) {
                continue;
            }
            String text = value.asText();
            if (text.equals("${each.value}") || text.equals("${each.key}")) {
                key = body.path(name).asText(null);
                if (key == null) {
                    return null;
                }
            } else if (!matches(text, body.path(name).asText(null))) {
                return null;
            }
        }
        return key;
    }

    /**
     * Whether {@code value} can be what {@code template} makes: equal to it, or, where the template
     * interpolates, anything there ({@code the test listener on ${var.test_listener_port}}).
     */
    private static boolean matches(String template, String value) {
        if (value == null) {
            return false;
        }
        StringBuilder pattern = new StringBuilder();
        int at = 0;
        Matcher interpolation = INTERPOLATION.matcher(template);
        while (interpolation.find()) {
            pattern.append(Pattern.quote(template.substring(at, interpolation.start()))).append(".*");
            at = interpolation.end();
        }
        pattern.append(Pattern.quote(template.substring(at)));
        return Pattern.compile(pattern.toString(), Pattern.DOTALL).matcher(value).matches();
    }

    /**
     * A shell script of {@code state mv} commands, for {@code prefix}'s stacks ({@code webapp-dev-}):
     * run in the folder of the configuration that calls the platform, with each stack's state pulled
     * into {@code <part>.tfstate} beside it, it moves every resource into {@code platform.tfstate};
     * {@code back}, it moves each from {@code platform.tfstate} into its stack's {@code <part>.tfstate}.
     */
    public static String script(String prefix, List<Move> moves, String binary, boolean back) {
        StringBuilder script = new StringBuilder();
        script.append("#!/bin/sh\n");
        if (back) {
            script.append("# Moves every resource of module \"").append(CALL).append("\" (modules/ecs-platform) from platform.tfstate back\n")
                    .append("# into the state of the stack ").append(prefix).append("<part> that makes it, <part>.tfstate.\n")
                    .append("# Before: the configuration's state pulled into platform.tfstate in this folder (see docs/modules.md).\n")
                    .append("# After: each <part>.tfstate pushed to its stack, then a plan of the environment, which should change nothing.\n");
        } else {
            script.append("# Moves every resource of the stacks ").append(prefix).append("* into platform.tfstate, at its address\n")
                    .append("# in a configuration that calls modules/ecs-platform as module \"").append(CALL).append("\".\n")
                    .append("# Before: each stack's state pulled into <part>.tfstate in this folder (see docs/modules.md).\n")
                    .append("# After: ").append(binary).append(" state push platform.tfstate, then a plan, which should change nothing.\n");
        }
        script.append("set -eu\n");
        for (Move move : moves) {
            String stackState = move.stack() + ".tfstate";
            script.append(binary).append(" state mv -state=").append(back ? "platform.tfstate" : stackState)
                    .append(" -state-out=").append(back ? stackState : "platform.tfstate").append(" '")
                    .append(back ? move.to() : move.from()).append("' '").append(back ? move.from() : move.to()).append("'\n");
        }
        return script.toString();
    }
}
