package io.ecsforge.modules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ecsforge.emit.hcl.ModuleReadme;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The hand-written files of each module, which the writer copies by name since a jar's resources cannot be listed. */
class HclModuleWriterTest {
    private static final Path RESOURCES = Repo.root().resolve("src/main/resources/io/ecsforge/modules");

    @Test
    void everyHandWrittenFileOfAModuleIsListedAndEveryListedFileExists() throws IOException {
        Map<String, List<String>> found = new TreeMap<>();
        try (Stream<Path> files = Files.walk(RESOURCES)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                Path relative = RESOURCES.relativize(file);
                String rest = relative.subpath(1, relative.getNameCount()).toString();
                if (!rest.equals(ModuleReadme.FILE)) {
                    found.computeIfAbsent(relative.getName(0).toString(), module -> new ArrayList<>()).add(rest);
                }
            }
        }
        Map<String, List<String>> listed = new TreeMap<>();
        HclModuleWriter.EXTRAS.forEach((module, extras) -> listed.put(module, extras.stream().sorted().toList()));

        assertEquals(listed, found, "HclModuleWriter.EXTRAS against src/main/resources/io/ecsforge/modules/<module>/"
                + " (README.md aside): a file there that is not listed is never written");
    }
}
