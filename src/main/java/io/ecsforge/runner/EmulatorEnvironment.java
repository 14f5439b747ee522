package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.config.AwsEndpoint;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The variables a stack synthesized for an AWS API emulator needs when Terraform runs it: the
 * emulator's address, which the stack's JSON names ({@link AwsEndpoint#SYNTHESIZED_KEY}), as
 * {@link AwsEndpoint#SDK_VARIABLE}, so that the provider's calls go there. Read from the stack
 * as it was synthesized, so that {@code --no-synth}, {@code apply} and {@code destroy} find the
 * same emulator as the synth that made it, whatever the caller's environment says.
 */
final class EmulatorEnvironment {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<Path, Map<String, String>> byFile = new ConcurrentHashMap<>();

    /**
     * Nothing for a stack synthesized for AWS, or one whose file cannot be read (Terraform then
     * says why itself).
     *
     * @throws io.ecsforge.UserError when the address it names is not on loopback
     */
    Map<String, String> of(Stack stack) {
        return byFile.computeIfAbsent(stack.stackJson(), EmulatorEnvironment::read);
    }

    private static Map<String, String> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            return Map.of();
        }
        JsonNode url = root == null ? null : root.path("//").get(AwsEndpoint.SYNTHESIZED_KEY);
        if (url == null || !url.isTextual()) {
            return Map.of();
        }
        AwsEndpoint endpoint = AwsEndpoint.parse(url.asText(),
                file + ": \"//\"." + AwsEndpoint.SYNTHESIZED_KEY + " " + url.asText());
        return Map.of(AwsEndpoint.SDK_VARIABLE, endpoint.url());
    }
}
