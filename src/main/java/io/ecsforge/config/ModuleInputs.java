package io.ecsforge.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.ecsforge.UserError;
import io.ecsforge.config.ModuleVariables.Variable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An environment file as the inputs of {@code modules/ecs-platform}: every key the file sets that
 * a variable stands for, under the variable's name, with the file's value ({@code network:
 * azCount: 3} is {@code "az_count": 3}). A key the file leaves out is left out, so the module's
 * default, which is the key's, applies. This is the way from a file to the modules: the JSON is
 * a {@code terraform.tfvars.json}, or the body of a {@code module} block.
 */
public final class ModuleInputs {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The data source a file's {@code state} key is looked up with where the platform is called. */
    public static final String STATE_KEY_LOOKUP = "state_key";
    /** A log group's key when the file says {@code state}: the state key's ARN, by its alias. */
    public static final String STATE_KEY_ARN = "${data.aws_kms_alias." + STATE_KEY_LOOKUP + ".target_key_arn}";

    private ModuleInputs() {}

    /** The inputs for {@code <configDir>/<env>.yaml}, which is validated first, as {@code synth} does. */
    public static ObjectNode of(Path configDir, String env) {
        new ConfigLoader(configDir).load(env);
        Path file = configDir.resolve(env + ".yaml");
        try {
            return of(YAMLMapper.builder().build().readTree(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            // The loader has just read and parsed the same file.
            throw new UserError(file + ": cannot be read: " + e.getMessage());
        }
    }

    /** The inputs for a file's parsed (and already validated) YAML. */
    static ObjectNode of(JsonNode file) {
        ObjectNode inputs = JSON.createObjectNode();
        for (Variable variable : ModuleVariables.platform()) {
            JsonNode value = file.at("/" + variable.key().replace('.', '/'));
            if (value.isTextual() && value.textValue().equals(EnvironmentConfig.STATE_KEY) && isLogKey(variable)) {
                inputs.put(variable.name(), STATE_KEY_ARN);
            } else if (!value.isMissingNode() && !value.isNull()) {
                inputs.set(variable.name(), value(value));
            }
        }
        return inputs;
    }

    private static boolean isLogKey(Variable variable) {
        return variable.key().equals(ServiceSchema.LOG_KMS_KEY.path()) || variable.key().equals(NetworkSchema.FLOW_LOG_KMS_KEY.path());
    }

    /**
     * A key's value as its variable takes it: the same, but for the entries of a list of
     * mappings ({@code service.egress}), whose keys are the object's attributes in snake case
     * ({@code toPort} is {@code to_port}). The names in a plain mapping, such as environment
     * variables, are the user's and stay as written.
     */
    public static JsonNode value(JsonNode value) {
        if (!value.isArray()) {
            return value;
        }
        ArrayNode list = JSON.createArrayNode();
        for (JsonNode item : value) {
            if (item.isObject()) {
                ObjectNode object = JSON.createObjectNode();
                item.properties().forEach(field -> object.set(ModuleVariables.snake(field.getKey()), field.getValue()));
                list.add(object);
            } else {
                list.add(item);
            }
        }
        return list;
    }
}
