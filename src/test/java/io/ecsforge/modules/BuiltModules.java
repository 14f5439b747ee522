package io.ecsforge.modules;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecsforge.testing.PrepareJsiiNode;
import io.ecsforge.testing.Resources;
import java.util.Map;

/** Every module's document, built once per test run: building takes seconds, so every test class shares it. */
final class BuiltModules {
    private static Map<String, ObjectNode> documents;

    private BuiltModules() {}

    static synchronized Map<String, ObjectNode> documents() {
        if (documents == null) {
            documents = ModuleDocuments.build(PrepareJsiiNode.settings());
        }
        return documents;
    }

    /** A module's document, to be read only: tests share it. */
    static Resources module(String name) {
        ObjectNode document = documents().get(name);
        if (document == null) {
            throw new AssertionError("no module " + name + "; built: " + documents().keySet());
        }
        return new Resources("modules/" + name, document);
    }
}
