package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One synthesized stack, as {@code cdktf.out/manifest.json} lists it.
 *
 * @param name the stack name, {@code <app>-<env>-<part>}
 * @param workingDirectory where Terraform runs for this stack (absolute)
 * @param stackJson the synthesized {@code cdk.tf.json} (absolute)
 * @param dependencies names of the stacks that must be applied before this one
 */
public record Stack(String name, Path workingDirectory, Path stackJson, List<String> dependencies) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public Stack {
        dependencies = List.copyOf(dependencies);
    }

    /** The backend the stack JSON declares; {@code local} when it declares none. */
    public Backend backend() {
        JsonNode root;
        try {
            root = JSON.readTree(stackJson.toFile());
        } catch (IOException e) {
            throw new UserError(stackJson + ": cannot read the synthesized stack (" + e.getMessage()
                    + "); run 'ecsforge synth' again");
        }
        JsonNode backends = root.path("terraform").path("backend");
        Iterator<Map.Entry<String, JsonNode>> declared = backends.properties().iterator();
        if (!declared.hasNext()) {
            return Backend.localDefault();
        }
        Map.Entry<String, JsonNode> backend = declared.next();
        Map<String, Object> settings = new LinkedHashMap<>();
        backend.getValue().properties().forEach(
                setting -> settings.put(setting.getKey(), JSON.convertValue(setting.getValue(), Object.class)));
        return new Backend(backend.getKey(), settings);
    }
}
