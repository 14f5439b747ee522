package io.ecsforge.emit.hcl;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A Terraform module in HCL, written from the Terraform JSON document that cdktf synthesizes
 * (a {@code cdk.tf.json}): the files {@code main.tf} (locals, data sources, resources, module
 * calls, moved blocks), {@code variables.tf}, {@code outputs.tf} and {@code versions.tf}.
 *
 * <p>Terraform JSON writes a nested block and an attribute holding objects alike, so which one a
 * name is comes from the provider's schema, never from the shape of the value. A name the schema
 * does not know is an error, as is a type it lacks ({@code scripts/provider-schema.sh} adds it).
 * A module takes its providers and its backend from whoever calls it, so {@code provider} blocks
 * and the {@code backend} are left out. Everything else keeps the document's order, which is
 * the order the constructs were added in, and is laid out as {@code terraform fmt} does.
 */
public final class HclModule {
    public static final String MAIN = "main.tf";
    public static final String VARIABLES = "variables.tf";
    public static final String OUTPUTS = "outputs.tf";
    public static final String VERSIONS = "versions.tf";

    /**
     * String attributes that hold a JSON document (an IAM policy, container definitions, an ECR
     * lifecycle policy, an event pattern): a literal JSON string there is written as
     * {@code jsonencode({...})}, which reads as HCL and lets Terraform write the JSON. The
     * provider compares these attributes as JSON, so the different spacing or key order of
     * jsonencode's output is no change.
     */
    static final Set<String> JSON_DOCUMENT_ATTRIBUTES = Set.of("policy", "assume_role_policy",
            "container_definitions", "event_pattern", "access_policies");

    /** cdktf writes this key into the document and every block as a comment for itself. */
    private static final String COMMENT_KEY = "//";
    private static final String HEREDOC_DELIMITER = "EOT";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ProviderSchema schema;

    private HclModule(ProviderSchema schema) {
        this.schema = schema;
    }

    /**
     * Each file's name and text, in the order {@link #MAIN}, {@link #VARIABLES}, {@link #OUTPUTS},
     * {@link #VERSIONS}; a file with nothing to say is empty.
     *
     * @throws IllegalArgumentException naming the path in the document, when it has a resource or
     *     data source type, an argument or a top-level key that the schema or this emitter does not know
     */
    public static Map<String, String> render(JsonNode terraformJson, ProviderSchema schema) {
        return new HclModule(schema).files(terraformJson);
    }

    /**
     * Writes {@link #render}'s files into {@code folder} (made when missing). Everything is
     * rendered before the first file is written, and each is written aside and moved into place.
     *
     * @return the files written
     */
    public static List<Path> write(JsonNode terraformJson, ProviderSchema schema, Path folder) {
        Map<String, String> files = render(terraformJson, schema);
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(folder);
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path target = folder.resolve(file.getKey());
                Path partial = folder.resolve(file.getKey() + ".partial");
                Files.writeString(partial, file.getValue(), StandardCharsets.UTF_8);
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(target);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written;
    }

    private Map<String, String> files(JsonNode document) {
        if (!document.isObject()) {
            throw new IllegalArgumentException("a Terraform JSON document is an object; found " + document.getNodeType());
        }
        HclWriter main = new HclWriter();
        HclWriter variables = new HclWriter();
        HclWriter outputs = new HclWriter();
        HclWriter versions = new HclWriter();
        Map<String, JsonNode> sections = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> section : document.properties()) {
            switch (section.getKey()) {
                case COMMENT_KEY, "provider" -> { }
                case "terraform", "variable", "locals", "data", "resource", "module", "moved", "output" ->
                    sections.put(section.getKey(), section.getValue());
                default -> throw new IllegalArgumentException("top-level key \"" + section.getKey() + "\" is not"
                        + " supported; the emitter writes terraform, variable, locals, data, resource, module, moved"
                        + " and output, and leaves out provider");
            }
        }
        if (sections.containsKey("terraform")) {
            terraform(versions, sections.get("terraform"));
        }
        eachEntry(sections.get("variable"), (name, body) -> variable(variables, name, body));
        if (sections.containsKey("locals")) {
            eachObject(sections.get("locals"), "locals", locals -> {
                main.blank();
                main.block("locals", () -> attributes(main, locals, "locals"));
            });
        }
        eachEntry(sections.get("data"), (type, named) -> eachEntry(named, (name, body) ->
                resource(main, "data", type, name, body, schema.dataSource(type).orElseThrow(() ->
                        unknownType("data source", type)))));
        eachEntry(sections.get("resource"), (type, named) -> eachEntry(named, (name, body) ->
                resource(main, "resource", type, name, body, schema.resource(type).orElseThrow(() ->
                        unknownType("resource", type)))));
        eachEntry(sections.get("module"), (name, body) -> module(main, name, body));
        if (sections.containsKey("moved")) {
            eachObject(sections.get("moved"), "moved", moved -> {
                main.blank();
                main.block("moved", () -> {
                    main.attribute("from", new Expr.Raw(reference(moved.path("from"), "moved.from")));
                    main.attribute("to", new Expr.Raw(reference(moved.path("to"), "moved.to")));
                });
            });
        }
        eachEntry(sections.get("output"), (name, body) -> output(outputs, name, body));

        Map<String, String> files = new LinkedHashMap<>();
        files.put(MAIN, main.render());
        files.put(VARIABLES, variables.render());
        files.put(OUTPUTS, outputs.render());
        files.put(VERSIONS, versions.render());
        return files;
    }

    private IllegalArgumentException unknownType(String kind, String type) {
        return new IllegalArgumentException("the provider schema has no " + kind + " type " + type
                + "; run scripts/provider-schema.sh after adding it to a stack, so that the bundled schema has it");
    }

    // ---- terraform, variable, output, module

    private void terraform(HclWriter out, JsonNode settings) {
        requireObject(settings, "terraform");
        settings.fieldNames().forEachRemaining(name -> {
            if (!Set.of("backend", "cloud", "required_version", "required_providers").contains(name)) {
                throw new IllegalArgumentException("terraform." + name + " is not supported; the emitter writes"
                        + " required_version and required_providers, and leaves out backend");
            }
        });
        // A module is given its state by whoever calls it, so backend and cloud are left out.
        out.block("terraform", () -> {
            if (settings.has("required_version")) {
                out.attribute("required_version", literal(settings.get("required_version"), false));
            }
            if (settings.has("required_providers")) {
                out.blank();
                out.block("required_providers", () -> settings.get("required_providers").properties().forEach(
                        provider -> out.attribute(Expr.key(provider.getKey()), requiredProvider(provider.getValue()))));
            }
        });
    }

    /**
     * cdktf names a provider's source by its bare name ({@code aws}), which Terraform and
     * OpenTofu both read as {@code hashicorp/aws}; the module says so in full. The aliases a
     * module expects from its caller are references ({@code aws.west}), not strings.
     */
    private static Expr requiredProvider(JsonNode requirement) {
        if (!requirement.isObject()) {
            return literal(requirement, false);
        }
        List<Map.Entry<String, Expr>> items = new ArrayList<>();
        requirement.properties().forEach(field -> {
            JsonNode value = field.getValue();
            if (field.getKey().equals("source") && value.isTextual() && !value.asText().contains("/")) {
                items.add(item("source", new Expr.Raw(Template.literal("hashicorp/" + value.asText()).quoted())));
            } else if (field.getKey().equals("configuration_aliases")) {
                List<Expr> aliases = new ArrayList<>();
                value.forEach(alias -> aliases.add(new Expr.Raw(reference(alias, "configuration_aliases"))));
                items.add(item("configuration_aliases", new Expr.Tuple(aliases)));
            } else {
                items.add(item(Expr.key(field.getKey()), literal(value, false)));
            }
        });
        return new Expr.Obj(items);
    }

    private void variable(HclWriter out, String name, JsonNode body) {
        String where = "variable." + name;
        requireOnly(body, where, "description", "type", "default", "nullable", "sensitive", "ephemeral", "validation");
        out.blank();
        out.block("variable " + Template.literal(name).quoted(), () -> {
            if (body.has("description")) {
                out.attribute("description", literal(body.get("description"), false));
            }
            if (body.has("type")) {
                out.attribute("type", new Expr.Raw(typeExpression(body.get("type"), where + ".type")));
            }
            if (body.has("default")) {
                out.attribute("default", literal(body.get("default"), true));
            }
            for (String flag : List.of("nullable", "sensitive", "ephemeral")) {
                if (body.has(flag)) {
                    out.attribute(flag, value(body.get(flag), true));
                }
            }
            conditions(out, body.get("validation"), "validation", where);
        });
    }

    /** A variable's type: JSON holds it as a string ({@code "list(string)"}), once as {@code "${list(string)}"}. */
    private static String typeExpression(JsonNode type, String where) {
        if (!type.isTextual()) {
            throw new IllegalArgumentException(where + ": a type is a string such as \"list(string)\"; found " + type);
        }
        String sole = Template.parse(type.asText()).soleExpression();
        return sole != null ? sole : Expressions.format(type.asText());
    }

    private void output(HclWriter out, String name, JsonNode body) {
        String where = "output." + name;
        requireOnly(body, where, "description", "value", "sensitive", "ephemeral", "depends_on", "precondition");
        out.blank();
        out.block("output " + Template.literal(name).quoted(), () -> {
            if (body.has("description")) {
                out.attribute("description", literal(body.get("description"), false));
            }
            if (body.has("value")) {
                out.attribute("value", value(body.get("value"), true));
            }
            for (String flag : List.of("sensitive", "ephemeral")) {
                if (body.has(flag)) {
                    out.attribute(flag, value(body.get(flag), true));
                }
            }
            dependsOn(out, body.get("depends_on"), where);
            conditions(out, body.get("precondition"), "precondition", where);
        });
    }

    private void module(HclWriter out, String name, JsonNode body) {
        String where = "module." + name;
        out.blank();
        out.block("module " + Template.literal(name).quoted(), () -> {
            if (body.has("source")) {
                out.attribute("source", literal(body.get("source"), false));
            }
            if (body.has("version")) {
                out.attribute("version", literal(body.get("version"), false));
            }
            metaArguments(out, body, where);
            if (body.has("providers")) {
                List<Map.Entry<String, Expr>> providers = new ArrayList<>();
                body.get("providers").properties().forEach(p -> providers.add(item(Expr.key(p.getKey()),
                        new Expr.Raw(reference(p.getValue(), where + ".providers." + p.getKey())))));
                out.attribute("providers", new Expr.Obj(providers));
            }
            out.blank();
            body.properties().forEach(input -> {
                if (!Set.of("source", "version", "count", "for_each", "provider", "providers", "depends_on",
                        COMMENT_KEY).contains(input.getKey())) {
                    out.attribute(Expr.key(input.getKey()), value(input.getValue(), true));
                }
            });
            dependsOn(out, body.get("depends_on"), where);
        });
    }

    // ---- resources and data sources

    private void resource(HclWriter out, String kind, String type, String name, JsonNode body,
            ProviderSchema.Block block) {
        String where = kind + "." + type + "." + name;
        out.blank();
        out.block(kind + " " + Template.literal(type).quoted() + " " + Template.literal(name).quoted(), () -> {
            metaArguments(out, body, where);
            body(out, body, block, where, true);
            dependsOn(out, body.get("depends_on"), where);
            if (body.has("lifecycle")) {
                out.blank();
                out.block("lifecycle", () -> lifecycle(out, body.get("lifecycle"), where + ".lifecycle"));
            }
        });
    }

    /** {@code count}, {@code for_each} and {@code provider} come first, as they say how many and where. */
    private static void metaArguments(HclWriter out, JsonNode body, String where) {
        for (String meta : List.of("count", "for_each")) {
            if (body.has(meta)) {
                out.attribute(meta, value(body.get(meta), false));
            }
        }
        if (body.has("provider")) {
            out.attribute("provider", new Expr.Raw(reference(body.get("provider"), where + ".provider")));
        }
    }

    private static final Set<String> RESOURCE_META = Set.of(COMMENT_KEY, "count", "for_each", "provider",
            "depends_on", "lifecycle");

    /**
     * A block's arguments, then its nested blocks, each nested block after a blank line. With
     * {@code resourceLevel}, the meta-arguments that {@link #resource} writes itself are skipped.
     */
    private void body(HclWriter out, JsonNode body, ProviderSchema.Block block, String where, boolean resourceLevel) {
        List<Map.Entry<String, JsonNode>> nested = new ArrayList<>();
        boolean first = true;
        for (Map.Entry<String, JsonNode> field : body.properties()) {
            String name = field.getKey();
            if (name.equals(COMMENT_KEY) || resourceLevel && RESOURCE_META.contains(name)) {
                continue;
            }
            if (name.equals("dynamic") || block.blockTypes().containsKey(name)) {
                nested.add(field);
            } else if (block.hasAttribute(name)) {
                if (first) {
                    out.blank();
                    first = false;
                }
                out.attribute(name, attributeValue(block, name, field.getValue()));
            } else {
                throw new IllegalArgumentException(where + ": \"" + name + "\" is neither an attribute nor a block of"
                        + " this type in the provider schema (attributes: " + block.attributes().keySet() + ", blocks: "
                        + block.blockTypes().keySet() + ")");
            }
        }
        for (Map.Entry<String, JsonNode> field : nested) {
            if (field.getKey().equals("dynamic")) {
                dynamicBlocks(out, field.getValue(), block, where);
            } else {
                nestedBlocks(out, field.getKey(), field.getValue(), block.blockTypes().get(field.getKey()), where);
            }
        }
    }

    private static Expr attributeValue(ProviderSchema.Block block, String name, JsonNode value) {
        if (JSON_DOCUMENT_ATTRIBUTES.contains(name) && block.isStringAttribute(name) && value.isTextual()) {
            Expr document = jsonDocument(value.asText());
            if (document != null) {
                return document;
            }
        }
        return value(value, true);
    }

    private void nestedBlocks(HclWriter out, String name, JsonNode value, ProviderSchema.NestedBlock nested,
            String where) {
        String path = where + "." + name;
        if (value.isNull()) {
            return;
        }
        if (nested.nesting() == ProviderSchema.Nesting.MAP) {
            requireObject(value, path);
            value.properties().forEach(labelled -> {
                out.blank();
                out.block(name + " " + Template.literal(labelled.getKey()).quoted(), () ->
                        body(out, labelled.getValue(), nested.block(), path + "." + labelled.getKey(), false));
            });
            return;
        }
        List<JsonNode> blocks = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(blocks::add);
        } else {
            blocks.add(value);
        }
        if (blocks.size() > 1 && (nested.nesting() == ProviderSchema.Nesting.SINGLE
                || nested.nesting() == ProviderSchema.Nesting.GROUP)) {
            throw new IllegalArgumentException(path + ": " + blocks.size() + " blocks where the schema allows one");
        }
        for (JsonNode element : blocks) {
            requireObject(element, path);
            out.blank();
            out.block(name, () -> body(out, element, nested.block(), path, false));
        }
    }

    /** {@code "dynamic": {"name": {"for_each": ..., "iterator": ..., "labels": [...], "content": {...}}}}. */
    private void dynamicBlocks(HclWriter out, JsonNode dynamic, ProviderSchema.Block block, String where) {
        eachObject(dynamic, where + ".dynamic", byName -> byName.properties().forEach(entry -> {
            String name = entry.getKey();
            String path = where + ".dynamic." + name;
            ProviderSchema.NestedBlock nested = block.blockTypes().get(name);
            if (nested == null) {
                throw new IllegalArgumentException(path + ": the provider schema has no block \"" + name
                        + "\" here (blocks: " + block.blockTypes().keySet() + ")");
            }
            // Several dynamic blocks of one type are a list, in the order Terraform makes their blocks.
            if (entry.getValue().isArray()) {
                entry.getValue().forEach(spec -> dynamicBlock(out, name, spec, nested, path));
            } else {
                dynamicBlock(out, name, entry.getValue(), nested, path);
            }
        }));
    }

    private void dynamicBlock(HclWriter out, String name, JsonNode spec, ProviderSchema.NestedBlock nested, String path) {
        requireOnly(spec, path, "for_each", "iterator", "labels", "content");
        out.blank();
        out.block("dynamic " + Template.literal(name).quoted(), () -> {
            out.attribute("for_each", value(spec.path("for_each"), false));
            if (spec.has("iterator")) {
                out.attribute("iterator", new Expr.Raw(reference(spec.get("iterator"), path + ".iterator")));
            }
            if (spec.has("labels")) {
                out.attribute("labels", value(spec.get("labels"), false));
            }
            out.blank();
            out.block("content", () -> body(out, spec.path("content"), nested.block(), path + ".content", false));
        });
    }

    private void lifecycle(HclWriter out, JsonNode lifecycle, String where) {
        requireOnly(lifecycle, where, "create_before_destroy", "prevent_destroy", "ignore_changes",
                "replace_triggered_by", "precondition", "postcondition");
        for (String flag : List.of("create_before_destroy", "prevent_destroy")) {
            if (lifecycle.has(flag)) {
                out.attribute(flag, value(lifecycle.get(flag), false));
            }
        }
        for (String references : List.of("ignore_changes", "replace_triggered_by")) {
            JsonNode value = lifecycle.get(references);
            if (value == null) {
                continue;
            }
            // ignore_changes = all is a keyword; every other entry is an attribute path or a reference.
            if (value.isTextual()) {
                out.attribute(references, new Expr.Raw(reference(value, where + "." + references)));
            } else {
                List<Expr> items = new ArrayList<>();
                value.forEach(item -> items.add(new Expr.Raw(reference(item, where + "." + references))));
                out.attribute(references, new Expr.Tuple(items));
            }
        }
        conditions(out, lifecycle.get("precondition"), "precondition", where);
        conditions(out, lifecycle.get("postcondition"), "postcondition", where);
    }

    /** {@code validation}, {@code precondition} and {@code postcondition} blocks: a condition and its message. */
    private static void conditions(HclWriter out, JsonNode conditions, String kind, String where) {
        if (conditions == null) {
            return;
        }
        eachObject(conditions, where + "." + kind, condition -> {
            requireOnly(condition, where + "." + kind, "condition", "error_message");
            out.blank();
            out.block(kind, () -> {
                out.attribute("condition", value(condition.path("condition"), false));
                out.attribute("error_message", value(condition.path("error_message"), true));
            });
        });
    }

    private static void dependsOn(HclWriter out, JsonNode dependsOn, String where) {
        if (dependsOn == null) {
            return;
        }
        List<Expr> references = new ArrayList<>();
        dependsOn.forEach(reference -> references.add(new Expr.Raw(reference(reference, where + ".depends_on"))));
        out.blank();
        out.attribute("depends_on", new Expr.Tuple(references));
    }

    private void attributes(HclWriter out, JsonNode object, String where) {
        requireObject(object, where);
        object.properties().forEach(field -> out.attribute(Expr.key(field.getKey()), value(field.getValue(), true)));
    }

    // ---- values

    /**
     * A value Terraform evaluates: strings are templates. With {@code wholeValue} a string with
     * line breaks may become a heredoc; in a list it stays a quoted string, since a heredoc must
     * end its line.
     */
    static Expr value(JsonNode node, boolean wholeValue) {
        if (node.isTextual()) {
            return string(Template.parse(node.asText()), wholeValue);
        }
        if (node.isArray()) {
            List<Expr> items = new ArrayList<>();
            node.forEach(item -> items.add(value(item, false)));
            return new Expr.Tuple(items);
        }
        if (node.isObject()) {
            List<Map.Entry<String, Expr>> items = new ArrayList<>();
            node.properties().forEach(field -> items.add(item(evaluatedKey(field.getKey()),
                    value(field.getValue(), true))));
            return new Expr.Obj(items);
        }
        return scalar(node);
    }

    /** A value Terraform takes as it is (a default, a description): {@code ${} in it is text. */
    static Expr literal(JsonNode node, boolean wholeValue) {
        if (node.isTextual()) {
            return string(Template.literal(node.asText()), wholeValue);
        }
        if (node.isArray()) {
            List<Expr> items = new ArrayList<>();
            node.forEach(item -> items.add(literal(item, false)));
            return new Expr.Tuple(items);
        }
        if (node.isObject()) {
            List<Map.Entry<String, Expr>> items = new ArrayList<>();
            node.properties().forEach(field -> items.add(item(Expr.key(field.getKey()),
                    literal(field.getValue(), true))));
            return new Expr.Obj(items);
        }
        return scalar(node);
    }

    private static Expr scalar(JsonNode node) {
        if (node.isNumber() || node.isBoolean() || node.isNull()) {
            return new Expr.Raw(node.toString());
        }
        throw new IllegalArgumentException("no HCL for the JSON value " + node);
    }

    private static Expr string(Template template, boolean wholeValue) {
        String sole = template.soleExpression();
        if (sole != null) {
            return new Expr.Raw(sole);
        }
        if (wholeValue && template.isMultiLine()) {
            String heredoc = template.heredoc(HEREDOC_DELIMITER);
            if (heredoc != null) {
                return new Expr.Heredoc(heredoc);
            }
        }
        return new Expr.Raw(template.quoted());
    }

    /** An object key of an evaluated value: a template when it interpolates, else a name or a quoted string. */
    private static String evaluatedKey(String key) {
        Template template = Template.parse(key);
        return template.hasInterpolationOrDirective() ? template.quoted() : Expr.key(key);
    }

    /**
     * {@code jsonencode(...)} of a JSON document held in a string, or null when the string is no
     * such document or the HCL could mean something else: a directive, an interpolation outside
     * a JSON string or with quotes or backslashes in it (JSON escaping would change it), a
     * {@code \\u} escape (which could spell {@code ${} where the template saw none).
     */
    static Expr jsonDocument(String text) {
        Template template = Template.parse(text);
        for (Template.Part part : template.parts()) {
            if (part.kind() == Template.Kind.DIRECTIVE || part.kind() == Template.Kind.INTERPOLATION
                    && (part.text().contains("\"") || part.text().contains("\\"))) {
                return null;
            }
        }
        if (text.contains("\\u")) {
            return null;
        }
        JsonNode document;
        try {
            document = JSON.readTree(text);
        } catch (IOException notJson) {
            return null;
        }
        if (document == null || !(document.isObject() || document.isArray())) {
            return null;
        }
        return new Expr.Call("jsonencode", value(document, false));
    }

    /**
     * A reference or a keyword written bare: {@code depends_on}, {@code provider},
     * {@code ignore_changes}, {@code moved}. JSON holds it as {@code "aws_vpc.this"} or
     * {@code "${aws_vpc.this}"}.
     */
    private static String reference(JsonNode node, String where) {
        if (node == null || !node.isTextual()) {
            throw new IllegalArgumentException(where + ": expected a reference such as \"aws_vpc.this\"; found " + node);
        }
        String sole = Template.parse(node.asText()).soleExpression();
        String reference = sole != null ? sole : node.asText();
        if (!reference.matches("[A-Za-z_][A-Za-z0-9_.\\[\\]\"*-]*")) {
            throw new IllegalArgumentException(where + ": \"" + node.asText() + "\" is not a reference");
        }
        return reference;
    }

    // ---- walking the JSON

    private static Map.Entry<String, Expr> item(String key, Expr value) {
        return new AbstractMap.SimpleImmutableEntry<>(key, value);
    }

    private interface Entry {
        void accept(String name, JsonNode body);
    }

    private static void eachEntry(JsonNode object, Entry action) {
        if (object == null) {
            return;
        }
        object.properties().forEach(field -> {
            JsonNode body = field.getValue();
            // JSON may wrap a labelled block's body in a list; each element is a block of that name.
            if (body.isArray()) {
                body.forEach(element -> action.accept(field.getKey(), element));
            } else {
                action.accept(field.getKey(), body);
            }
        });
    }

    /** An object, or each object of a list: JSON writes one block or several either way. */
    private static void eachObject(JsonNode node, String where, Consumer<JsonNode> action) {
        if (node.isArray()) {
            node.forEach(element -> {
                requireObject(element, where);
                action.accept(element);
            });
        } else {
            requireObject(node, where);
            action.accept(node);
        }
    }

    private static void requireObject(JsonNode node, String where) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(where + ": expected an object; found " + node);
        }
    }

    private static void requireOnly(JsonNode body, String where, String... allowed) {
        requireObject(body, where);
        Set<String> known = Set.of(allowed);
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals(COMMENT_KEY) && !known.contains(name)) {
                throw new IllegalArgumentException(where + ": \"" + name + "\" is not supported here; allowed: "
                        + String.join(", ", allowed));
            }
        });
    }
}
