package io.ecsforge.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans against moto that the tests comparing modules with stacks share. */
public final class MotoPlans {
    private static final ObjectMapper JSON = new ObjectMapper();

    private MotoPlans() {}

    /**
     * The provider of {@code stack} with moto's keys and its endpoint for each of {@code services}:
     * the region, default tags and allowed account are the stack's, so a module's root given the
     * same provider differs from the stack only in what the two documents say.
     */
    public static ObjectNode provider(ObjectNode stack, MotoServer moto, List<String> services) {
        ObjectNode aws = (ObjectNode) stack.path("provider").path("aws").path(0).deepCopy();
        aws.put("access_key", MotoServer.ACCESS_KEY_ID);
        aws.put("secret_key", MotoServer.SECRET_ACCESS_KEY);
        aws.put("skip_credentials_validation", true);
        aws.put("skip_metadata_api_check", "true");
        aws.put("skip_region_validation", true);
        ObjectNode endpoints = aws.putArray("endpoints").addObject();
        for (String service : services) {
            endpoints.put(service, moto.endpoint().toString());
        }
        ObjectNode provider = JSON.createObjectNode();
        provider.putObject("provider").putArray("aws").add(aws);
        return provider;
    }

    /** Every planned change by address, after {@code init} and {@code plan -out}, from {@code show -json}. */
    public static Map<String, JsonNode> changes(RealProvider.Binary terraform, Path dir) throws IOException {
        return changes(terraform, dir, Map.of());
    }

    /** As {@link #changes(RealProvider.Binary, Path)}, the plan run with {@code variables} in its environment. */
    public static Map<String, JsonNode> changes(RealProvider.Binary terraform, Path dir, Map<String, String> variables)
            throws IOException {
        terraform.run(dir, "init", "-input=false", "-no-color").succeeded();
        terraform.run(dir, variables, "plan", "-input=false", "-no-color", "-out=plan.out").succeeded();
        RealProvider.Run show = terraform.run(dir, "show", "-json", "plan.out").succeeded();
        Map<String, JsonNode> changes = new LinkedHashMap<>();
        for (JsonNode change : JSON.readTree(show.stdout()).path("resource_changes")) {
            changes.put(change.path("address").asText(), change);
        }
        return changes;
    }
}
