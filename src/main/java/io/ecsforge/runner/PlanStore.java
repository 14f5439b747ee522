package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The saved plans, one directory per stack: {@code plan.tfplan} (Terraform's plan file),
 * {@code plan.json} ({@code show -json} of it, for review) and {@code fingerprint.json} (the
 * sha256 of the stack JSON the plan was made from, and of the plan file).
 *
 * <p>They live outside {@code cdktf.out} on purpose: synthesis replaces that directory whole,
 * and a plan must outlive a new synthesis so that applying it can be refused as stale.
 */
public final class PlanStore {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root;

    public PlanStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path planFile(Stack stack) {
        return directory(stack).resolve("plan.tfplan");
    }

    public Path planJson(Stack stack) {
        return directory(stack).resolve("plan.json");
    }

    public Path fingerprintFile(Stack stack) {
        return directory(stack).resolve("fingerprint.json");
    }

    private Path directory(Stack stack) {
        return root.resolve(stack.name());
    }

    /** Removes the stack's saved plan, so a failed new plan cannot leave an old one to apply. */
    public void discard(Stack stack) {
        for (Path file : List.of(planFile(stack), planJson(stack), fingerprintFile(stack))) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Creates the stack's directory and returns where Terraform should write the plan. */
    public Path prepare(Stack stack) {
        try {
            Files.createDirectories(directory(stack));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return planFile(stack);
    }

    /** Saves the reviewed JSON and the fingerprint beside the plan file Terraform wrote. */
    public void save(Stack stack, String showJson) {
        ObjectNode fingerprint = JSON.createObjectNode();
        fingerprint.put("stack", stack.name());
        fingerprint.put("stackJson", stack.stackJson().toString());
        fingerprint.put("stackJsonSha256", sha256(stack.stackJson()));
        fingerprint.put("planSha256", sha256(planFile(stack)));
        try {
            Files.writeString(planJson(stack), showJson);
            JSON.writerWithDefaultPrettyPrinter().writeValue(fingerprintFile(stack).toFile(), fingerprint);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks that the stack's saved plan can be applied as reviewed.
     *
     * @return null when it can, else why not (one line for the user)
     */
    public String whyNotApplicable(Stack stack) {
        if (!Files.isRegularFile(planFile(stack)) || !Files.isRegularFile(fingerprintFile(stack))) {
            return "no saved plan in " + directory(stack) + "; run 'ecsforge plan' first";
        }
        JsonNode fingerprint;
        try {
            fingerprint = JSON.readTree(fingerprintFile(stack).toFile());
        } catch (IOException e) {
            return fingerprintFile(stack) + " is unreadable (" + e.getMessage() + "); run 'ecsforge plan' again";
        }
        String plannedStack = fingerprint.path("stackJsonSha256").asText();
        String currentStack = Files.isRegularFile(stack.stackJson()) ? sha256(stack.stackJson()) : "(missing)";
        if (!plannedStack.equals(currentStack)) {
            return "the plan is stale: " + stack.stackJson() + " changed since the plan was made (sha256 "
                    + plannedStack + " when planned, " + currentStack + " now); run 'ecsforge plan' again and review it";
        }
        String plannedPlan = fingerprint.path("planSha256").asText();
        String currentPlan = sha256(planFile(stack));
        if (!plannedPlan.equals(currentPlan)) {
            return "the plan file " + planFile(stack) + " changed since it was made (sha256 " + plannedPlan
                    + " when planned, " + currentPlan + " now); run 'ecsforge plan' again and review it";
        }
        return null;
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
