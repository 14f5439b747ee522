package io.ecsforge.stacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The copy of a synthesized stack that checkov scans, so that its checks read our real values.
 *
 * <p>A task definition's {@code container_definitions} is a JSON document inside a string. Checkov's
 * {@code terraform_json} framework never decodes it: CKV_AWS_336 (read-only root filesystem) passes
 * whatever the string holds, and CKV_AWS_335 (host PID mode) cannot fail. Its {@code terraform}
 * framework reads {@code container_definitions = jsonencode([...])} in HCL as the list it encodes.
 * So the copy moves every {@code aws_ecs_task_definition} out of {@code cdk.tf.json} into
 * {@code task_definitions.tf}, in HCL, with the container definitions decoded into
 * {@code jsonencode(...)}, and leaves everything else byte for byte as synthesized.
 *
 * <p>Why this hides nothing: each resource is in exactly one of the two files, with the same
 * address; the HCL carries every attribute and block of the task definition with the same value
 * (strings keep their {@code ${...}} references as HCL templates, which is the same syntax); a
 * container definition that is not JSON, or a task definition attribute whose HCL form is not
 * known here, stops the scan with an error instead of being dropped. {@code CheckovInputTest}
 * checks this on every example stack.
 *
 * <p>The other JSON string, {@code aws_ecr_lifecycle_policy.policy}, stays as it is: no check of
 * checkov 3.3.30 reads it (our own tests do, in {@code SecurityControlsTest}).
 */
final class CheckovInput {
    static final String STACK_FILE = "cdk.tf.json";
    static final String TASK_DEFINITIONS_FILE = "task_definitions.tf";
    static final String TASK_DEFINITION = "aws_ecs_task_definition";

    /** The task definition's nested blocks (hashicorp/aws 5.x schema); every other object is an error. */
    private static final Set<String> BLOCKS = Set.of("runtime_platform", "ephemeral_storage", "volume",
            "placement_constraints", "proxy_configuration", "inference_accelerator", "lifecycle");
    /** Its arguments whose value is a map, written {@code name = { ... }}. */
    private static final Set<String> MAPS = Set.of("tags", "tags_all");
    /** Its meta-arguments that take references, not strings. */
    private static final Set<String> REFERENCE_LISTS = Set.of("depends_on");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CheckovInput() {}

    /** Writes the scanned copy of the stack folder {@code stack} into {@code into}. */
    static void write(Path stack, Path into) {
        try {
            ObjectNode json = (ObjectNode) JSON.readTree(stack.resolve(STACK_FILE).toFile());
            String hcl = takeTaskDefinitions(json, stack);
            Files.createDirectories(into);
            if (hcl.isEmpty()) {
                Files.copy(stack.resolve(STACK_FILE), into.resolve(STACK_FILE));
                return;
            }
            Files.writeString(into.resolve(STACK_FILE), JSON.writeValueAsString(json), StandardCharsets.UTF_8);
            Files.writeString(into.resolve(TASK_DEFINITIONS_FILE), hcl, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes the task definitions from {@code json} and returns them in HCL ("" when there are none). */
    static String takeTaskDefinitions(ObjectNode json, Path stack) {
        JsonNode resources = json.path("resource");
        if (!resources.has(TASK_DEFINITION)) {
            return "";
        }
        StringBuilder hcl = new StringBuilder();
        ObjectNode definitions = (ObjectNode) resources.get(TASK_DEFINITION);
        for (Iterator<Map.Entry<String, JsonNode>> it = definitions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> definition = it.next();
            String where = stack + ": " + TASK_DEFINITION + "." + definition.getKey();
            hcl.append("resource \"").append(TASK_DEFINITION).append("\" \"").append(definition.getKey()).append("\" {\n");
            body(definition.getValue(), where, "  ", hcl);
            hcl.append("}\n");
        }
        ((ObjectNode) resources).remove(TASK_DEFINITION);
        if (resources.isEmpty()) {
            json.remove("resource");
        }
        return hcl.toString();
    }

    private static void body(JsonNode body, String where, String indent, StringBuilder hcl) {
        body.fields().forEachRemaining(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (name.equals("//")) {
                return; // cdktf's metadata comment: no attribute
            }
            if (BLOCKS.contains(name)) {
                for (JsonNode block : value.isArray() ? value : JSON.createArrayNode().add(value)) {
                    hcl.append(indent).append(name).append(" {\n");
                    body(block, where + "." + name, indent + "  ", hcl);
                    hcl.append(indent).append("}\n");
                }
                return;
            }
            if (value.isObject() && !MAPS.contains(name)) {
                throw new IllegalStateException(where + ": " + name + " is an object, and whether it is a block or a map"
                        + " is not known here; add it to CheckovInput's BLOCKS or MAPS");
            }
            hcl.append(indent).append(name).append(" = ").append(attribute(name, value, where)).append('\n');
        });
    }

    private static String attribute(String name, JsonNode value, String where) {
        if (name.equals("container_definitions")) {
            try {
                return "jsonencode(" + expression(JSON.readTree(value.asText())) + ")";
            } catch (IOException e) {
                throw new IllegalStateException(where + ": container_definitions is not JSON: " + value, e);
            }
        }
        if (REFERENCE_LISTS.contains(name)) {
            List<String> references = new ArrayList<>();
            value.forEach(reference -> references.add(reference.asText()));
            return "[" + String.join(", ", references) + "]";
        }
        return expression(value);
    }

    /** A JSON value as an HCL expression with the same value; strings keep their templates. */
    static String expression(JsonNode value) {
        if (value.isObject()) {
            StringBuilder object = new StringBuilder("{");
            value.fields().forEachRemaining(field -> object.append(object.length() == 1 ? "" : ", ")
                    .append(quoted(field.getKey())).append(" = ").append(expression(field.getValue())));
            return object.append('}').toString();
        }
        if (value.isArray()) {
            StringBuilder list = new StringBuilder("[");
            value.forEach(item -> list.append(list.length() == 1 ? "" : ", ").append(expression(item)));
            return list.append(']').toString();
        }
        if (value.isTextual()) {
            return quoted(value.asText());
        }
        return value.toString();
    }

    /** An HCL quoted string: JSON's escapes are HCL's, and {@code ${...}} means the same in both. */
    private static String quoted(String text) {
        try {
            return JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
