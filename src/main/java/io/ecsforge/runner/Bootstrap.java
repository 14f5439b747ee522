package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.UserError;
import io.ecsforge.stacks.EnvironmentNames;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates the state bucket and moves the state stack's state into it. The stack's JSON names
 * the bucket as its S3 backend, which cannot hold state before the bucket exists: the first
 * apply runs on local state through {@link #LOCAL_BACKEND_OVERRIDE}, then the override is
 * removed and {@code init -migrate-state} moves that state into the bucket. When the bucket
 * already holds the state it only checks the stack for changes, so running it twice changes
 * nothing; when a local state is left from an interrupted run it resumes from it.
 *
 * <p>A bucket whose state stack predates the state's KMS key is upgraded: every backend names
 * that key ({@code kms_key_id}), so no state, and no lock file, can be written before it exists.
 * Bootstrap then applies the state stack once with the backend as it was before, without the key,
 * which creates it; from then on every write uses it.
 */
public final class Bootstrap {
    /**
     * Written beside the state stack's JSON while the bucket its S3 backend names does not exist
     * yet, or while the KMS key that backend names does not: a local backend instead, or the same
     * S3 backend without the key (Terraform merges files named {@code *_override.tf.json} over
     * the rest). Removed before its state moves into the bucket, and before every other command's
     * init, so that nothing else ever runs on it.
     */
    public static final String LOCAL_BACKEND_OVERRIDE = "ecsforge_local_backend_override.tf.json";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The S3 backend's setting that names the KMS key state is encrypted with. */
    static final String KMS_KEY_ID = "kms_key_id";
    /** What the state stack makes the state key's alias as; a state without one predates the key. */
    static final String KEY_ALIAS_TYPE = "aws_kms_alias";

    private final Stack stateStack;
    private final Backend target;
    private final Path local;
    private final Terraform terraform;
    private final Init init;
    private final PrintWriter out;

    /**
     * Checks that the state stack has a bucket to create, before anything runs.
     *
     * @param localState the folder the local state goes in while the bucket does not exist
     * @param out where the lines saying what bootstrap found go
     */
    Bootstrap(Stack stateStack, Path localState, Terraform terraform, Init init, PrintWriter out) {
        this.target = stateStack.backend();
        if ("local".equals(target.type())) {
            throw new UserError("the stacks of " + EnvironmentNames.stackPrefixOfStateStack(stateStack.name()).orElseThrow()
                    + "* keep local state (state.backend: local), so there"
                    + " is no bucket to create; apply the stacks with 'ecsforge plan' and 'ecsforge apply'");
        }
        if (!target.isS3()) {
            throw new UserError(stateStack.stackJson() + ": the state stack " + stateStack.name() + " declares a '"
                    + target.type() + "' backend; bootstrap creates the bucket of an S3 backend, so it must declare 's3'");
        }
        this.stateStack = stateStack;
        this.local = localState.resolve(target.key()).normalize();
        this.terraform = terraform;
        this.init = init;
        this.out = out;
    }

    /**
     * @param apply the apply command that runs on the local state
     * @return what was done, for the stack's result line
     */
    String run(List<String> apply) {
        if (hasResources(local)) {
            out.println("[" + stateStack.name() + "] resuming from the local state left in " + local);
        } else {
            removeOverride(stateStack);
            Terraform.Result probe = init.run(stateStack, false, "-reconfigure");
            if (probe.succeeded()) {
                return target.settings().containsKey(KMS_KEY_ID) && !holdsTheStateKey()
                        ? createStateKey(apply)
                        : alreadyBootstrapped();
            }
            if (!InitDiagnosis.saysNoSuchBucket(probe)) {
                throw InitDiagnosis.failure(stateStack, probe);
            }
            out.println("[" + stateStack.name() + "] bucket " + target.bucket()
                    + " does not exist yet: creating it with local state in " + local);
        }
        applyOnLocalState(apply);
        Checked.succeeded(stateStack, init.run(stateStack, true, "-migrate-state", "-force-copy"));
        verifyMigrated();
        delete(local);
        delete(local.resolveSibling(local.getFileName() + ".backup"));
        return "bucket created, state moved to " + target.location();
    }

    /** One left by an interrupted bootstrap would run the stack on local state. */
    static void removeOverride(Stack stack) {
        delete(stack.workingDirectory().resolve(LOCAL_BACKEND_OVERRIDE));
    }

    private void applyOnLocalState(List<String> apply) {
        Path override = stateStack.workingDirectory().resolve(LOCAL_BACKEND_OVERRIDE);
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(override.toFile(),
                    Map.of("terraform", Map.of("backend", Map.of("local", Map.of("path", local.toString())))));
            Checked.succeeded(stateStack, init.run(stateStack, true, "-reconfigure"));
            Checked.succeeded(stateStack, terraform.stream(stateStack, apply));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            removeOverride(stateStack);
        }
    }

    private boolean holdsTheStateKey() {
        JsonNode state = Checked.json(stateStack, Checked.succeeded(stateStack,
                terraform.quiet(stateStack, List.of("state", "pull"))));
        for (JsonNode resource : state.path("resources")) {
            if (KEY_ALIAS_TYPE.equals(resource.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The state stack applied once with its state written as before the key, so that the key comes to exist. */
    private String createStateKey(List<String> apply) {
        out.println("[" + stateStack.name() + "] the state in " + target.location() + " predates the KMS key its backend"
                + " names: applying the stack once with the state written as before, to create the key");
        Map<String, Object> withoutKey = new LinkedHashMap<>(target.settings());
        withoutKey.remove(KMS_KEY_ID);
        Path override = stateStack.workingDirectory().resolve(LOCAL_BACKEND_OVERRIDE);
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(override.toFile(),
                    Map.of("terraform", Map.of("backend", Map.of("s3", withoutKey))));
            Checked.succeeded(stateStack, init.run(stateStack, true, "-reconfigure"));
            Checked.succeeded(stateStack, terraform.stream(stateStack, apply));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            removeOverride(stateStack);
        }
        Checked.succeeded(stateStack, init.run(stateStack, true, "-reconfigure"));
        return "state key created; state in " + target.location() + " is encrypted with it from its next write";
    }

    private String alreadyBootstrapped() {
        Terraform.Result plan = terraform.stream(stateStack,
                List.of("plan", "-input=false", "-no-color", "-detailed-exitcode"));
        if (plan.exitCode() == 0) {
            return "already bootstrapped, state in " + target.location() + "; no changes";
        }
        if (plan.exitCode() == 2) {
            return "already bootstrapped, state in " + target.location()
                    + "; the stack has changes: plan and apply it like any stack (nothing was changed)";
        }
        throw Checked.failure(stateStack, plan);
    }

    private static boolean hasResources(Path state) {
        if (!Files.isRegularFile(state)) {
            return false;
        }
        try {
            return JSON.readTree(state.toFile()).path("resources").size() > 0;
        } catch (IOException e) {
            throw new UserError(state + ": not a readable Terraform state (" + e.getMessage()
                    + "); move it away and run bootstrap again");
        }
    }

    /**
     * The bucket's copy must hold the local state's resources before the local file is deleted.
     * Lineage is not compared: OpenTofu gives the copy a new one when it migrates.
     */
    private void verifyMigrated() {
        Terraform.Result pull = Checked.succeeded(stateStack, terraform.quiet(stateStack, List.of("state", "pull")));
        JsonNode remote = Checked.json(stateStack, pull);
        JsonNode localCopy;
        try {
            localCopy = JSON.readTree(local.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!remote.path("resources").equals(localCopy.path("resources"))) {
            throw new StackFailure(stateStack.name(), pull.commandLine(),
                    "the state in the bucket does not hold the resources of the local state that was moved", List.of(
                            "local: " + localCopy.path("resources").size() + " resources, serial "
                                    + localCopy.path("serial"),
                            "bucket: " + remote.path("resources").size() + " resources, serial "
                                    + remote.path("serial"),
                            "the local state is kept in " + local));
        }
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
