package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every module's document, as {@link JsonModuleWriter} writes it, against its reviewed copy in
 * src/test/resources/modules/NAME/main.tf.json. A module's resource addresses are its users'
 * state, as a stack's are; after reviewing a change, {@code mvn test -Dgolden.update=true}
 * rewrites the copies.
 */
class ModuleGoldenTest {
    static final Path GOLDEN = Repo.root().resolve("src/test/resources/modules");
    private static final boolean UPDATE = Boolean.getBoolean("golden.update");

    static Stream<String> modules() {
        return BuiltModules.documents().keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modules")
    void moduleDocumentMatchesItsGoldenCopy(String module, @org.junit.jupiter.api.io.TempDir Path out) throws IOException {
        List<Path> written = new JsonModuleWriter().write(BuiltModules.documents().get(module).deepCopy(), out);
        Path golden = GOLDEN.resolve(module).resolve(JsonModuleWriter.FILE);
        assertEquals(List.of(out.resolve(JsonModuleWriter.FILE)), written);
        String actual = Files.readString(written.get(0));
        if (UPDATE) {
            Files.createDirectories(golden.getParent());
            Files.writeString(golden, actual);
            return;
        }
        assertTrue(Files.exists(golden), () -> "no golden copy " + golden + " of module " + module + "; review the module,"
                + " then run mvn test -Dgolden.update=true");
        assertEquals(Files.readString(golden), actual, () -> "module " + module + " differs from " + golden
                + "; review the change, then run mvn test -Dgolden.update=true");
    }

    @Test
    void everyGoldenCopyBelongsToABuiltModule() throws IOException {
        List<String> modules = modules().toList();
        try (Stream<Path> folders = Files.list(GOLDEN)) {
            List<String> stale = folders.map(folder -> folder.getFileName().toString())
                    .filter(name -> !modules.contains(name)).sorted().toList();
            assertTrue(UPDATE || stale.isEmpty(), () -> "golden copies without a module (delete them): " + stale);
        }
    }
}
