package io.ecsforge.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.hashicorp.cdktf.App;
import com.hashicorp.cdktf.AppConfig;
import io.ecsforge.config.AwsConfig;
import io.ecsforge.jsii.Jsii;
import io.ecsforge.jsii.JsiiSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.io.file.PathUtils;

/**
 * Every finished module as a Terraform JSON document: what cdktf synthesizes for its
 * {@link ModuleStack}, with what belongs to a root module taken out (the provider block, the
 * backend, cdktf's metadata comments) and the module's versions put in.
 */
public final class ModuleDocuments {
    /**
     * Terraform and OpenTofu 1.10 are what the stacks need too; a module's variable validations
     * also refer to other variables, which both read from 1.9 on.
     */
    static final String REQUIRED_VERSION = ">= 1.10";
    static final String PROVIDER_SOURCE = "hashicorp/aws";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ModuleDocuments() {}

    /** Each module's document by its folder's name under {@code modules/}, in the order they are built on each other. */
    public static Map<String, ObjectNode> build(JsiiSettings jsii) {
        Jsii.prepare(jsii);
        Path dir = null;
        try {
            dir = Files.createTempDirectory("ecsforge-modules");
            App app = new App(AppConfig.builder().outdir(dir.toString()).stackTraces(false).build());
            List<ModuleStack> modules = List.of(new NetworkModule(app), new RegistryModule(app),
                    new AccessModule(app), new EcsServiceModule(app), new BlueGreenModule(app));
            app.synth();
            Map<String, ObjectNode> documents = new LinkedHashMap<>();
            for (ModuleStack module : modules) {
                Path file = dir.resolve("stacks").resolve(module.moduleName()).resolve("cdk.tf.json");
                documents.put(module.moduleName(), document((ObjectNode) JSON.readTree(file.toFile()),
                        module.shapes().singleInstances()));
            }
            // The platform is the others' calls, wired; it is built from their documents.
            documents.put(PlatformModule.NAME, PlatformModule.document(documents));
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    /**
     * The module's document from the stack's JSON. References to what is made once with a
     * {@code count} of 1 or 0 ({@code singleInstances}) are written {@code address[0].attribute},
     * as Terraform requires of a counted resource.
     */
    static ObjectNode document(ObjectNode synthesized, List<String> singleInstances) {
        synthesized.remove("provider");
        ObjectNode terraform = synthesized.with("terraform");
        terraform.remove("backend");
        terraform.put("required_version", REQUIRED_VERSION);
        ObjectNode aws = terraform.putObject("required_providers").putObject("aws");
        aws.put("source", PROVIDER_SOURCE);
        aws.put("version", AwsConfig.DEFAULT_PROVIDER_VERSION);
        List<Pattern> references = singleInstances.stream()
                .map(address -> Pattern.compile("(?<![\\w.-])(" + Pattern.quote(address) + ")\\."))
                .toList();
        return (ObjectNode) clean(synthesized, references);
    }

    /** Without cdktf's {@code //} metadata, references to single instances indexed. */
    private static JsonNode clean(JsonNode node, List<Pattern> references) {
        if (node instanceof ObjectNode object) {
            object.remove("//");
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(clean(field.getValue(), references));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, clean(array.get(i), references));
            }
            return array;
        }
        if (node.isTextual()) {
            String text = node.textValue();
            for (Pattern reference : references) {
                text = reference.matcher(text).replaceAll("$1[0].");
            }
            return TextNode.valueOf(text);
        }
        return node;
    }

    private static void delete(Path dir) {
        try {
            PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
