package io.ecsforge.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.config.ModuleInputs;
import io.ecsforge.config.ModuleVariables;
import io.ecsforge.emit.hcl.HclModule;
import io.ecsforge.emit.hcl.ProviderSchema;
import io.ecsforge.stacks.EnvironmentNames;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code modules/ecs-platform}: a whole environment, as the stacks make it, by calling the other
 * modules in the order the stacks are applied, each through a relative {@code source}
 * ({@code ../network}), so that a caller pinning {@code //modules/ecs-platform?ref=v1.0.0} gets the
 * modules of the same tag. Its document is built from theirs, not from parts of its own: there is
 * nothing in it but the wiring.
 *
 * <ul>
 *   <li>An input of a module that an earlier module gives as an output of the same name is wired
 *       to it: {@code vpc_id = module.network.vpc_id}. The modules name their inputs after what
 *       they take, so the names are the wiring.
 *   <li>An input another module's variable stands for under another name
 *       ({@link ModuleVariables#PLATFORM_ALIASES}) is given that variable.
 *   <li>Every other input is a variable of the platform, declared once however many modules take
 *       it ({@code app}, {@code environment}, {@code image_tag}), with its type, description and
 *       default, and passed on. Its validation blocks stay in the modules, which check it where it
 *       is used; repeating them here would report each bad value twice.
 *   <li>Every output of every module is an output of the platform, with its description.
 * </ul>
 */
public final class PlatformModule {
    public static final String NAME = "ecs-platform";

    /**
     * Inputs whose default in an environment file is another key's value: given as {@code null}
     * (the default), the module passes that variable's value instead, as the file does.
     */
    static final Map<String, String> DEFAULTS_FROM = Map.of("repository_name", "app");

    /**
     * The module each stack's resources are in, by the stack's part of its name; the state stack's
     * bucket and lock table are the caller's backend, not the platform's.
     */
    public static final Map<String, String> MODULE_OF_STACK = orderedMap(
            EnvironmentNames.NETWORK, "network",
            EnvironmentNames.REGISTRY, "registry",
            EnvironmentNames.ACCESS, "access",
            EnvironmentNames.CLUSTER, "ecs-service",
            EnvironmentNames.SERVICE, "ecs-service",
            EnvironmentNames.DELIVERY, "blue-green");

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlatformModule() {}

    /** A module's block name in the platform: its folder's name with underscores ({@code ecs_service}). */
    public static String callName(String folder) {
        return folder.replace('-', '_');
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }

    /**
     * The platform's document.
     *
     * @param modules each module's document by its folder's name, in the order they are built on
     *     each other: a module's inputs are wired only to outputs of the modules before it
     */
    public static ObjectNode document(Map<String, ObjectNode> modules) {
        ObjectNode document = JSON.createObjectNode();
        ObjectNode variables = JSON.createObjectNode();
        ObjectNode calls = JSON.createObjectNode();
        ObjectNode outputs = JSON.createObjectNode();
        Map<String, String> given = new HashMap<>();
        Map<String, String> declaredBy = new LinkedHashMap<>();
        Map<String, String> aliased = new LinkedHashMap<>();
        ObjectNode terraform = null;
        for (Map.Entry<String, ObjectNode> module : modules.entrySet()) {
            String folder = module.getKey();
            ObjectNode body = module.getValue();
            String call = callName(folder);
            ObjectNode block = calls.putObject(call);
            block.put("source", "../" + folder);
            body.path("variable").properties().forEach(input -> {
                String name = input.getKey();
                if (given.containsKey(name)) {
                    block.put(name, "${" + given.get(name) + "}");
                    return;
                }
                String alias = ModuleVariables.PLATFORM_ALIASES.get(name);
                if (alias != null) {
                    block.put(name, "${var." + alias + "}");
                    aliased.put(name, folder);
                    return;
                }
                ObjectNode declared = declaration(name, (ObjectNode) input.getValue());
                if (declaredBy.containsKey(name)) {
                    JsonNode first = variables.get(name);
                    if (!first.path("type").equals(declared.path("type")) || !first.path("default").equals(declared.path("default"))) {
                        throw new IllegalStateException("variable " + name + " of module " + folder + " differs from module "
                                + declaredBy.get(name) + "'s in type or default: " + declared + " and " + first);
                    }
                } else {
                    variables.set(name, declared);
                    declaredBy.put(name, folder);
                }
                String from = DEFAULTS_FROM.get(name);
                block.put(name, from == null ? "${var." + name + "}" : "${coalesce(var." + name + ", var." + from + ")}");
            });
            body.path("output").properties().forEach(output -> {
                String name = output.getKey();
                if (outputs.has(name)) {
                    throw new IllegalStateException("output " + name + " of module " + folder + " is also another module's;"
                            + " the platform gives each once");
                }
                ObjectNode out = outputs.putObject(name);
                if (output.getValue().has("description")) {
                    out.set("description", output.getValue().get("description"));
                }
                out.put("value", "${module." + call + "." + name + "}");
                if (output.getValue().has("sensitive")) {
                    out.set("sensitive", output.getValue().get("sensitive"));
                }
                given.putIfAbsent(name, "module." + call + "." + name);
            });
            if (terraform == null && body.get("terraform") instanceof ObjectNode versions) {
                terraform = versions.deepCopy();
            }
        }
        for (String name : DEFAULTS_FROM.keySet()) {
            if (variables.has(name) && !variables.has(DEFAULTS_FROM.get(name))) {
                throw new IllegalStateException("no variable " + DEFAULTS_FROM.get(name) + " to default " + name + " from");
            }
        }
        aliased.forEach((name, folder) -> {
            if (!variables.has(ModuleVariables.PLATFORM_ALIASES.get(name))) {
                throw new IllegalStateException("module " + folder + "'s " + name + " is given var."
                        + ModuleVariables.PLATFORM_ALIASES.get(name) + ", which no module takes");
            }
        });
        if (terraform != null) {
            document.set("terraform", terraform);
        }
        document.set("variable", variables);
        document.set("module", calls);
        document.set("output", outputs);
        return document;
    }

    /**
     * A {@code module "platform"} block in HCL, as {@code terraform fmt} lays it out, that calls the
     * platform at {@code source} with {@code inputs} ({@link ModuleInputs}); before it, when an
     * input is the state key, the {@code aws_kms_alias} data source that looks the key up by its
     * alias, which the state stack made.
     */
    public static String call(String source, ObjectNode inputs) {
        ObjectNode block = JSON.createObjectNode();
        block.put("source", source);
        block.setAll(inputs);
        ObjectNode document = JSON.createObjectNode();
        boolean stateKey = inputs.properties().stream().anyMatch(input -> input.getValue().asText().equals(ModuleInputs.STATE_KEY_ARN));
        if (stateKey) {
            String alias = EnvironmentNames.of(inputs.path("app").asText(), inputs.path("environment").asText()).stateKmsAlias();
            document.putObject("data").putObject("aws_kms_alias").putObject(ModuleInputs.STATE_KEY_LOOKUP).put("name", alias);
        }
        document.putObject("module").set("platform", block);
        return HclModule.render(document, ProviderSchema.bundled()).get(HclModule.MAIN);
    }

    /** A module's variable as the platform declares it: without validations; optional where it defaults from another. */
    private static ObjectNode declaration(String name, ObjectNode variable) {
        ObjectNode declared = JSON.createObjectNode();
        for (String field : new String[] {"type", "description", "default", "nullable", "sensitive"}) {
            if (variable.has(field)) {
                declared.set(field, variable.get(field));
            }
        }
        String from = DEFAULTS_FROM.get(name);
        if (from != null) {
            declared.put("description", declared.path("description").asText() + " Null (the default) takes `" + from + "`.");
            declared.putNull("default");
            declared.put("nullable", true);
        }
        return declared;
    }
}
