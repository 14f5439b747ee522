package io.ecsforge.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md's tables are generated from the schema declarations, the same ones the
 * loader and its messages read, so the reference cannot drift from what the loader does. After a
 * change to a declaration, {@code mvn test -Dtest=ConfigurationDocsTest -Ddocs.update=true}
 * rewrites the generated part; review and commit it.
 */
class ConfigurationDocsTest {
    private static final boolean UPDATE = Boolean.getBoolean("docs.update");
    private static final Path DOC = Repo.root().resolve("docs/configuration.md");

    @Test
    void configurationReferenceHoldsTheTablesRenderedFromTheSchema() throws IOException {
        String document = Files.readString(DOC, StandardCharsets.UTF_8);
        String expected = ConfigReference.replaceGenerated(document, ConfigReference.render());
        if (UPDATE && !expected.equals(document)) {
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(expected, document, "docs/configuration.md differs from the tables the schema declarations give;"
                + " regenerate it with mvn test -Dtest=ConfigurationDocsTest -Ddocs.update=true and review the change");
    }

    @Test
    void everyDeclaredKeyHasARowUnderItsSectionsHeading() {
        String tables = ConfigReference.render();
        int rows = 0;
        for (Schema.Part part : Schema.PARTS) {
            int at = tables.indexOf("\n## " + (part.path().isEmpty() ? "Top level" : part.path()) + "\n");
            assertTrue(at >= 0, () -> "no heading for section " + part.path());
            int next = tables.indexOf("\n## ", at + 1);
            String table = tables.substring(at, next < 0 ? tables.length() : next);
            for (Key<?> key : part.keys()) {
                if (key.kind() == Key.Kind.MAPPING && !part.path().isEmpty()) {
                    continue;
                }
                String name = part.path().isEmpty() ? key.path() : key.path().substring(part.path().length() + 1);
                assertTrue(table.contains("\n| `" + name + "` |"), () -> "no row for " + key.path() + " in\n" + table);
                rows++;
            }
        }
        assertEquals(92, rows, "rows in the configuration reference");
    }
}
