package io.ecsforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An environment's stacks as one root configuration that a single fresh plan covers: each stack
 * but the state stack becomes a local module ({@code module.network}, {@code module.service}, ...)
 * holding its synthesized JSON as it is, except that its reads of other stacks' outputs
 * ({@code data.terraform_remote_state...outputs.X}) become input variables which the root fills
 * from the other stack's module ({@code module.network.X}). Nothing else is touched, so its plan
 * shows what the stacks make, with values unknown exactly where they depend on what is not yet
 * created, as a plan of a module that makes the same things in one go does.
 */
public final class StacksAsModules {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REMOTE_OUTPUT = Pattern.compile(
            "data\\.terraform_remote_state\\.cross-stack-reference-input-([\\w-]+?)\\.outputs\\.([\\w-]+)");

    private StacksAsModules() {}

    /**
     * Writes the root into {@code root}: {@code main.tf.json} calling {@code stacks/<part>/}, one
     * folder a stack of {@code env} but the state stack, and {@code provider.tf.json} with
     * {@code provider}. Returns the module name of each stack, by stack name, in order.
     */
    public static Map<String, String> write(Synthesized synthesized, String app, String env, Path root, ObjectNode provider) {
        String prefix = app + "-" + env + "-";
        Map<String, String> parts = new LinkedHashMap<>();
        ObjectNode modules = JSON.createObjectNode();
        try {
            for (String stackName : synthesized.stacks().get(env)) {
                if (stackName.equals(prefix + "state")) {
                    continue;
                }
                String part = stackName.substring(prefix.length());
                parts.put(stackName, part);
                ObjectNode stack = synthesized.stack(stackName).deepCopy();
                stack.remove("provider");
                stack.remove("//");
                ((ObjectNode) stack.path("terraform")).remove("backend");
                if (stack.path("data") instanceof ObjectNode data) {
                    data.remove("terraform_remote_state");
                    if (data.isEmpty()) {
                        stack.remove("data");
                    }
                }
                TreeSet<String> inputs = new TreeSet<>();
                ObjectNode rewritten = (ObjectNode) rewrite(stack, prefix, inputs);
                ObjectNode call = modules.putObject(part);
                call.put("source", "./stacks/" + part);
                ObjectNode variables = rewritten.putObject("variable");
                for (String input : inputs) {
                    variables.putObject(input);
                    String[] from = input.split("__", 3);
                    call.put(input, "${module." + from[1] + "." + from[2] + "}");
                }
                if (variables.isEmpty()) {
                    rewritten.remove("variable");
                }
                Path dir = Files.createDirectories(root.resolve("stacks").resolve(part));
                Files.writeString(dir.resolve("main.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(rewritten));
            }
            ObjectNode main = JSON.createObjectNode();
            main.set("module", modules);
            Files.writeString(root.resolve("main.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(main));
            Files.writeString(root.resolve("provider.tf.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(provider));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parts;
    }

    /**
     * Applies each stack of a root {@link #write} wrote as a root of its own, in order, with local
     * state, as the stacks are applied: {@code provider} beside it, and what it reads of the stacks
     * before it given as variables from their outputs; {@code environment} is added to Terraform's
     * ({@code AWS_ENDPOINT_URL}), and each address of {@code excluded} a stack has is left out
     * with OpenTofu's {@code -exclude} (with what depends on it). Returns each stack's state file by its part.
     */
    public static Map<String, Path> applySeparately(RealProvider.Binary terraform, Map<String, String> environment, Path root,
            Map<String, String> parts, ObjectNode provider, List<String> excluded) {
        Map<String, Path> states = new LinkedHashMap<>();
        Map<String, JsonNode> outputs = new LinkedHashMap<>();
        try {
            for (String part : parts.values()) {
                Path dir = root.resolve("stacks").resolve(part);
                Files.writeString(dir.resolve("provider.tf.json"), JSON.writeValueAsString(provider));
                ObjectNode values = JSON.createObjectNode();
                JSON.readTree(dir.resolve("main.tf.json").toFile()).path("variable").fieldNames().forEachRemaining(input -> {
                    String[] from = input.split("__", 3);
                    values.set(input, outputs.get(from[1]).path(from[2]).path("value"));
                });
                Files.writeString(dir.resolve("terraform.tfvars.json"), JSON.writeValueAsString(values));
                terraform.run(dir, "init", "-input=false", "-no-color").succeeded();
                List<String> apply = new ArrayList<>(List.of("apply", "-input=false", "-no-color", "-auto-approve"));
                apply.addAll(excludes(dir, excluded));
                terraform.run(dir, environment, apply.toArray(String[]::new)).succeeded();
                outputs.put(part, JSON.readTree(terraform.run(dir, "output", "-json").succeeded().stdout()));
                states.put(part, dir.resolve("terraform.tfstate"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return states;
    }

    /** {@code -exclude=ADDRESS} for each address of {@code excluded} the stack in {@code dir} has. */
    public static List<String> excludes(Path dir, List<String> excluded) throws IOException {
        List<String> arguments = new ArrayList<>();
        JsonNode resources = JSON.readTree(dir.resolve("main.tf.json").toFile()).path("resource");
        for (String address : excluded) {
            String[] typeAndName = address.split("\\.", 2);
            if (resources.path(typeAndName[0]).has(typeAndName[1])) {
                arguments.add("-exclude=" + address);
            }
        }
        return arguments;
    }

    /** {@code node} with every read of another stack's output replaced by {@code var.in__<part>__<output>}. */
    private static JsonNode rewrite(JsonNode node, String prefix, TreeSet<String> inputs) {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(rewrite(field.getValue(), prefix, inputs));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, rewrite(array.get(i), prefix, inputs));
            }
            return array;
        }
        if (node.isTextual()) {
            Matcher matcher = REMOTE_OUTPUT.matcher(node.textValue());
            StringBuilder text = new StringBuilder();
            while (matcher.find()) {
                String stack = matcher.group(1);
                if (!stack.startsWith(prefix)) {
                    throw new IllegalStateException("a read of " + stack + ", not a stack of this environment (" + prefix + "*)");
                }
                String input = "in__" + stack.substring(prefix.length()) + "__" + matcher.group(2);
                inputs.add(input);
                matcher.appendReplacement(text, Matcher.quoteReplacement("var." + input));
            }
            matcher.appendTail(text);
            return TextNode.valueOf(text.toString());
        }
        return node;
    }
}
