package io.ecsforge.modules;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a module as one {@code main.tf.json}: Terraform and OpenTofu read the document as it is. */
public final class JsonModuleWriter implements ModuleWriter {
    static final String FILE = "main.tf.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public List<Path> write(ObjectNode document, Path dir) throws IOException {
        Path file = dir.resolve(FILE);
        Files.writeString(file, JSON.writeValueAsString(document) + "\n");
        return List.of(file);
    }
}
