package io.ecsforge.modules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a module's files from its Terraform JSON document. */
public interface ModuleWriter {
    /**
     * Writes the module's files into {@code dir}, which exists.
     *
     * @param name the module's folder name under {@code modules/} ({@code network})
     * @param document the module as Terraform JSON: variables, resources, data sources, outputs and
     *     a {@code terraform} block with its versions; no provider or backend
     * @return the files written
     */
    List<Path> write(String name, ObjectNode document, Path dir) throws IOException;
}
