package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * A Terraform command's result, checked for the runner: a command that failed, or printed no
 * JSON where JSON was asked for, becomes the stack's {@link StackFailure} with Terraform's last
 * error lines (or {@link MissingCredentials}), so that every step reports a failure the same way.
 */
final class Checked {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Checked() {}

    /**
     * {@code result} when the command succeeded; else its failure is thrown: {@link
     * MissingCredentials} when it found none, which the user fixes outside Terraform.
     */
    static Terraform.Result succeeded(Stack stack, Terraform.Result result) {
        if (!result.succeeded()) {
            if (InitDiagnosis.saysNoCredentials(result)) {
                throw MissingCredentials.of(stack, result);
            }
            throw failure(stack, result);
        }
        return result;
    }

    /** The failure of a command that exited with a code other than 0. */
    static StackFailure failure(Stack stack, Terraform.Result result) {
        return new StackFailure(stack.name(), result.commandLine(), "exited with code " + result.exitCode(),
                result.errorLines());
    }

    /** The command's captured stdout, read as JSON. */
    static JsonNode json(Stack stack, Terraform.Result result) {
        try {
            return JSON.readTree(result.stdout());
        } catch (IOException e) {
            throw new StackFailure(stack.name(), result.commandLine(), "did not print JSON (" + e.getMessage() + ")",
                    result.errorLines());
        }
    }
}
