package io.ecsforge.stacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.testing.RealProvider;
import io.ecsforge.testing.Synthesized;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every stack of both example environments, validated with the real hashicorp/aws provider by
 * Terraform and by OpenTofu: the provider's schema checks every resource type, argument and
 * value type the stacks write. Each stack's JSON is copied to a temporary folder, then
 * {@code init -backend=false} and {@code validate -json}.
 */
class RealProviderValidateIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A validation warning that is accepted, and why.
     *
     * @param binary the binary that gives it
     * @param summary its summary
     * @param detail its detail
     * @param why why it is accepted rather than fixed
     */
    record AcceptedWarning(String binary, String summary, String detail, String why) {}

    /**
     * Terraform 1.11 deprecates DynamoDB locking in the S3 backend's settings, and a cross-stack
     * read (data.terraform_remote_state) takes the same settings. OpenTofu says nothing.
     */
    static final AcceptedWarning REMOTE_STATE_DYNAMODB_TABLE = new AcceptedWarning("terraform",
            "Deprecated Parameter", "The parameter \"dynamodb_table\" is deprecated. Use parameter \"use_lockfile\""
                    + " instead.",
            "accepted only where the stack's own cross-stack read carries dynamodb_table: config/prod.yaml chooses"
                    + " state.lock: both (the lock file and the DynamoDB table, while moving off the table), and"
                    + " the reads repeat the backend's settings; a read takes no lock, so it could leave the table"
                    + " out, which is a change to the stacks, not to this test");

    @TempDir Path work;

    @TestFactory
    Stream<DynamicTest> everyStackOfBothExampleEnvironmentsIsValidWithTheRealProvider() {
        Synthesized examples = Synthesized.examples();
        List<DynamicTest> tests = new ArrayList<>();
        for (String binary : RealProvider.binaryNames()) {
            examples.stacks().values().forEach(stacks -> stacks.forEach(stack ->
                    tests.add(dynamicTest(binary + " validate " + stack, () -> validate(binary, examples, stack)))));
        }
        return tests.stream();
    }

    private void validate(String binaryName, Synthesized examples, String stack) throws IOException {
        RealProvider.Binary binary = RealProvider.binary(binaryName);
        Path copy = Files.createDirectories(work.resolve(binaryName).resolve(stack));
        Files.copy(examples.stackFile(stack), copy.resolve("cdk.tf.json"));

        binary.run(copy, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        RealProvider.Run validate = binary.run(copy, "validate", "-json", "-no-color");

        JsonNode result = JSON.readTree(validate.stdout());
        List<JsonNode> unexpected = new ArrayList<>();
        for (JsonNode diagnostic : result.path("diagnostics")) {
            if (!accepted(binaryName, examples.stack(stack), diagnostic)) {
                unexpected.add(diagnostic);
            }
        }
        String shown = validate + "\nnot accepted:\n" + unexpected;
        assertTrue(result.path("valid").asBoolean(false), shown);
        assertEquals(0, result.path("error_count").asInt(-1), shown);
        assertEquals(List.of(), unexpected, shown);
        assertEquals(0, validate.exitCode(), shown);
    }

    /** Whether the diagnostic is {@link #REMOTE_STATE_DYNAMODB_TABLE} on a read that has the table. */
    private static boolean accepted(String binary, JsonNode stackJson, JsonNode diagnostic) {
        AcceptedWarning warning = REMOTE_STATE_DYNAMODB_TABLE;
        String address = diagnostic.path("address").asText("");
        String prefix = "data.terraform_remote_state.";
        return warning.binary().equals(binary)
                && "warning".equals(diagnostic.path("severity").asText())
                && warning.summary().equals(diagnostic.path("summary").asText())
                && warning.detail().equals(diagnostic.path("detail").asText())
                && address.startsWith(prefix)
                && stackJson.path("data").path("terraform_remote_state").path(address.substring(prefix.length()))
                        .path("config").has("dynamodb_table");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"terraform", "tofu"})
    void theProviderIsOnDiskOnceEveryStacksInitLinksToTheMirrorInsteadOfCopyingIt(String binaryName)
            throws IOException {
        RealProvider.Binary binary = RealProvider.binary(binaryName);
        Synthesized examples = Synthesized.examples();
        Path provider = binary.provider();
        long providerBytes = bytesOfRegularFiles(provider);
        assertTrue(providerBytes > 100L << 20,
                () -> "the provider in " + provider + " is " + providerBytes + " bytes; expected the real one (>100 MB)");
        List<String> stacks = examples.stacks().get("dev");
        for (String stack : stacks) {
            Path copy = Files.createDirectories(work.resolve(stack));
            Files.copy(examples.stackFile(stack), copy.resolve("cdk.tf.json"));
            binary.run(copy, "init", "-backend=false", "-input=false", "-no-color").succeeded();
        }

        for (String stack : stacks) {
            Path providers = work.resolve(stack).resolve(".terraform").resolve("providers");
            List<Path> links;
            try (Stream<Path> walk = Files.walk(providers)) {
                links = walk.filter(Files::isSymbolicLink).toList();
            }
            assertEquals(1, links.size(), () -> stack + ": expected one provider link in " + providers + ", found "
                    + links);
            assertEquals(provider, links.get(0).toRealPath(), () -> stack + ": " + links.get(0)
                    + " must lead to the mirror's copy");
            long copied = bytesOfRegularFiles(work.resolve(stack).resolve(".terraform"));
            assertTrue(copied < 1L << 20, () -> stack + ": .terraform holds " + copied
                    + " bytes of files of its own; a copy of the provider would be " + providerBytes);
        }
    }

    /** The bytes of the regular files under {@code directory}, not following symlinks. */
    private static long bytesOfRegularFiles(Path directory) throws IOException {
        try (Stream<Path> walk = Files.walk(directory)) {
            return walk.filter(path -> Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)).mapToLong(path -> {
                try {
                    return Files.size(path);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).sum();
        }
    }
}
