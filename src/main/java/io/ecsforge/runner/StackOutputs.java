package io.ecsforge.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A stack's outputs, printed as data: Terraform already shows values marked sensitive as such in
 * its text, and in its JSON they are replaced here; the {@link Redactor} masks credentials in both.
 */
final class StackOutputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Terraform terraform;
    private final Init init;
    private final PrintWriter out;

    StackOutputs(Terraform terraform, Init init, PrintWriter out) {
        this.terraform = terraform;
        this.init = init;
        this.out = out;
    }

    /** Terraform's text, or with {@code json} its JSON with every sensitive value {@code "<sensitive>"}. */
    void print(Stack stack, boolean json) {
        init.quiet(stack);
        if (!json) {
            Terraform.Result text = Checked.succeeded(stack, terraform.capture(stack, List.of("output", "-no-color")));
            out.print(terraform.redactor().redact(text.stdout()));
            out.flush();
            return;
        }
        Terraform.Result result = Checked.succeeded(stack, terraform.capture(stack, List.of("output", "-json", "-no-color")));
        JsonNode outputs = Checked.json(stack, result);
        outputs.properties().forEach(entry -> {
            if (entry.getValue().path("sensitive").asBoolean(false) && entry.getValue() instanceof ObjectNode node) {
                node.put("value", "<sensitive>");
            }
        });
        try {
            out.println(terraform.redactor().redact(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(outputs)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
