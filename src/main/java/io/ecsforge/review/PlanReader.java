package io.ecsforge.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.ecsforge.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the JSON that {@code terraform show -json PLANFILE} (or {@code tofu show -json}) writes,
 * from Terraform 0.12 on, into a {@link Plan}. Anything that is not such a plan is refused with
 * a {@link UserError} naming the file.
 */
public final class PlanReader {
    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");
    private static final String HOW = "give the JSON that `terraform show -json PLANFILE` writes";

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            // Without this a file holding one JSON value followed by garbage would be accepted.
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            // Keeps numbers as written (0.50 stays 0.50) so a diff shows what the plan says.
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    static {
        // Plans of large stacks hold long strings (rendered policies, container definitions).
        MAPPER.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE).build());
    }

    private PlanReader() {}

    /** Reads and checks one plan file. */
    public static Plan read(Path file) {
        return parse(file.toString(), readBytes(file));
    }

    /** Reads plan JSON already in memory; {@code name} names it in error messages. */
    public static Plan parse(String name, byte[] content) {
        String text = decode(name, content);
        if (text.isBlank()) {
            throw new UserError(name + " is empty; " + HOW + " (did the plan step fail?)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw new UserError(name + " is not valid JSON" + where + " (" + e.getOriginalMessage() + "); " + HOW);
        }
        return toPlan(name, root);
    }

    private static byte[] readBytes(Path file) {
        if (Files.isDirectory(file)) {
            throw new UserError(file + " is a directory; " + HOW);
        }
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + " does not exist; " + HOW);
        } catch (IOException e) {
            throw new UserError(file + " cannot be read (" + e.getMessage() + "); " + HOW);
        }
    }

    /**
     * UTF-8 unless a byte-order mark says otherwise: Windows PowerShell's {@code >} writes
     * UTF-16LE with a mark, and some editors put a mark before UTF-8.
     */
    static String decode(String name, byte[] bytes) {
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            skip = 3;
        } else if (startsWith(bytes, 0xFF, 0xFE)) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (startsWith(bytes, 0xFE, 0xFF)) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserError(name + " is not " + charset.name()
                    + " text (expected UTF-8, or UTF-16 with a byte-order mark); " + HOW);
        }
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static Plan toPlan(String name, JsonNode root) {
        if (!root.isObject()) {
            throw new UserError(name + " is not a Terraform plan: expected a JSON object, found "
                    + root.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + "; " + HOW);
        }
        boolean planShaped = root.has("resource_changes") || root.has("planned_values");
        if (!planShaped && root.has("values")) {
            throw new UserError(name + " is a Terraform state, not a plan (it has top-level \"values\" and no"
                    + " \"resource_changes\" or \"planned_values\"); " + HOW + ", not `terraform show -json` alone");
        }
        if (!planShaped) {
            throw new UserError(name + " is not a Terraform plan (no \"resource_changes\" or \"planned_values\"); " + HOW);
        }
        List<ResourceChange> changes = resourceChanges(name, "resource_changes", root.path("resource_changes"));
        List<ResourceChange> drift = resourceChanges(name, "resource_drift", root.path("resource_drift"));
        List<DeferredChange> deferred = new ArrayList<>();
        JsonNode deferredNodes = root.path("deferred_changes");
        for (int i = 0; i < deferredNodes.size(); i++) {
            JsonNode entry = deferredNodes.get(i);
            deferred.add(new DeferredChange(entry.path("reason").asText("unknown"),
                    resourceChange(name, "deferred_changes[" + i + "].resource_change", entry.path("resource_change"))));
        }
        deferred.sort(Comparator.comparing((DeferredChange d) -> d.change().address(), AddressOrder.INSTANCE));
        String version = root.path("terraform_version").asText("unknown");
        boolean outputsRecorded = recordsOutputChanges(version);
        return new Plan(
                version,
                changes,
                drift,
                deferred,
                outputsRecorded ? outputChanges(name, root) : List.of(),
                !outputsRecorded && root.path("output_changes").size() > 0,
                root.path("errored").asBoolean(false),
                Secrets.of(root));
    }

    private static List<ResourceChange> resourceChanges(String name, String field, JsonNode nodes) {
        List<ResourceChange> changes = new ArrayList<>();
        for (int i = 0; i < nodes.size(); i++) {
            changes.add(resourceChange(name, field + "[" + i + "]", nodes.get(i)));
        }
        changes.sort(Comparator.comparing(ResourceChange::address, AddressOrder.INSTANCE)
                .thenComparing(c -> c.deposed().orElse("")));
        return changes;
    }

    private static ResourceChange resourceChange(String name, String where, JsonNode node) {
        String address = node.path("address").asText("");
        if (address.isEmpty()) {
            throw new UserError(name + ": " + where + " has no \"address\"; " + HOW);
        }
        JsonNode change = node.path("change");
        Action action = action(name, address, change.path("actions"));
        JsonNode importing = change.path("importing");
        boolean imported = importing.isObject();
        return new ResourceChange(
                address,
                text(node.path("previous_address")),
                text(node.path("deposed")),
                action,
                text(node.path("action_reason")),
                replacePaths(change.path("replace_paths")),
                imported,
                imported ? text(importing.path("id")) : Optional.empty(),
                new Values(
                        change.path("before"),
                        change.path("after"),
                        change.path("after_unknown"),
                        change.path("before_sensitive"),
                        change.path("after_sensitive"),
                        change.has("before_sensitive") || change.has("after_sensitive")));
    }

    private static Action action(String name, String address, JsonNode actionsNode) {
        List<String> actions = new ArrayList<>();
        actionsNode.forEach(a -> actions.add(a.asText()));
        return Action.of(actions).orElseThrow(() -> new UserError(name + ": " + address + " has actions " + actions
                + ", which this version of ecsforge does not know; it knows " + knownActions()));
    }

    private static String knownActions() {
        List<String> known = new ArrayList<>();
        for (Action action : Action.values()) {
            known.add(action.terraformActions().toString());
        }
        return String.join(", ", known);
    }

    private static List<AttributePath> replacePaths(JsonNode node) {
        List<AttributePath> paths = new ArrayList<>();
        for (JsonNode pathNode : node) {
            AttributePath path = AttributePath.root();
            for (JsonNode step : pathNode) {
                path = path.child(step.isNumber() ? (Object) step.asLong() : step.asText());
            }
            paths.add(path);
        }
        return paths;
    }

    private static List<OutputChange> outputChanges(String name, JsonNode root) {
        List<OutputChange> outputs = new ArrayList<>();
        JsonNode changes = root.path("output_changes");
        List<String> names = new ArrayList<>();
        changes.fieldNames().forEachRemaining(names::add);
        names.sort(Comparator.naturalOrder());
        for (String output : names) {
            JsonNode change = changes.get(output);
            Action action = action(name, "output." + output, change.path("actions"));
            // Output changes carry no sensitivity before Terraform 0.15: the declaration does.
            Values values = new Values(change.path("before"), change.path("after"), change.path("after_unknown"),
                    change.path("before_sensitive"), change.path("after_sensitive"), true);
            if (declaredSensitive(root, output)) {
                values = values.allSensitive();
            }
            outputs.add(new OutputChange(output, action, values));
        }
        return outputs;
    }

    static boolean declaredSensitive(JsonNode root, String output) {
        return root.path("planned_values").path("outputs").path(output).path("sensitive").asBoolean(false)
                || root.path("configuration").path("root_module").path("outputs").path(output).path("sensitive").asBoolean(false)
                || root.path("prior_state").path("values").path("outputs").path(output).path("sensitive").asBoolean(false)
                || isTrue(root.path("output_changes").path(output).path("before_sensitive"))
                || isTrue(root.path("output_changes").path(output).path("after_sensitive"));
    }

    private static boolean isTrue(JsonNode node) {
        return node.isBoolean() && node.asBoolean();
    }

    /**
     * Terraform before 0.14 did not record output changes in the plan: {@code show -json}
     * reported every root output as "create" whatever the state held (hashicorp/terraform#24628,
     * fixed by #26551 in 0.14), and its own {@code plan} ignored outputs. So do summaries.
     */
    static boolean recordsOutputChanges(String terraformVersion) {
        Matcher version = VERSION.matcher(terraformVersion);
        if (!version.lookingAt()) {
            return true;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        return major > 0 || minor >= 14;
    }

    private static Optional<String> text(JsonNode node) {
        return node.isTextual() ? Optional.of(node.asText()) : Optional.empty();
    }
}
