package io.ecsforge.jsii;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ecsforge.testing.PrepareJsiiNode;
import io.ecsforge.testing.Repo;
import java.io.IOException;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiModule;

/**
 * Prepares jsii's Node.js process in JVMs of its own ({@link Prepare}), each with its own
 * {@code ECSFORGE_CACHE}, and reads from jsii's debug output ({@code JSII_DEBUG=1}) which tarball
 * each {@code load} request named. That the synthesized files stay the same is
 * {@link LazyProviderLoadOutputTest}'s to show.
 */
class ModuleTarballsTest {
    private static final Pattern PROVIDER_LOAD =
            Pattern.compile("\\{\"api\":\"load\",\"tarball\":\"([^\"]+)\",\"name\":\"@cdktf/provider-aws\"");

    @TempDir static Path dir;
    private static Path cacheDir;
    private static Path expectedCopy;
    private static String firstLoad;
    private static FileTime firstWritten;
    private static String secondLoad;
    private static FileTime secondWritten;

    /** Prepares the Node.js process as the CLI does, then loads the provider as a stack would. */
    static final class Prepare {
        public static void main(String[] args) {
            System.out.println(Jsii.prepare(PrepareJsiiNode.settings()));
            JsiiEngine.getInstance().loadModule(com.hashicorp.cdktf.providers.aws.$Module.class);
        }
    }

    @BeforeAll
    static void prepareTwiceWithTheSameCache() throws IOException {
        Path ecsforgeCache = dir.resolve("shared");
        cacheDir = ecsforgeCache.resolve("jsii");
        expectedCopy = cacheDir.resolve(expectedName());
        firstLoad = providerTarball(prepare(ecsforgeCache));
        firstWritten = lastModified(expectedCopy);
        secondLoad = providerTarball(prepare(ecsforgeCache));
        secondWritten = lastModified(expectedCopy);
    }

    /** The file's last-modified time, or null when there is no such file (for the tests to report). */
    private static FileTime lastModified(Path file) throws IOException {
        return Files.exists(file) ? Files.getLastModifiedTime(file) : null;
    }

    @Test
    void cachedNameIsTheTarballsFileNameWithTheCrcAndSizeOfItsJarEntry() {
        assertEquals("provider-aws@18.0.3.jsii-01681339-30758099.tgz",
                ModuleTarballs.cachedName("com/hashicorp/cdktf/providers/aws/provider-aws@18.0.3.jsii.tgz", 0x1681339L, 30758099L));
    }

    @Test
    void providerLoadsFromACopyOfItsTarballInTheCache() {
        assertEquals(expectedCopy.toString(), firstLoad, "tarball of the provider's load request");
    }

    @Test
    void copyInTheCacheIsTheTarballInTheJar() throws IOException {
        assertEquals(jarContent(), content(expectedCopy), "the copy in " + expectedCopy);
    }

    @Test
    void nextRunLoadsTheSameCopyWithoutWritingItAgain() {
        assertEquals(expectedCopy.toString(), secondLoad, "tarball of the second run's load request");
        assertEquals(firstWritten, secondWritten, "last-modified time of " + expectedCopy + ", first then second run");
    }

    @Test
    void damagedCopyIsReplacedBeforeItIsLoaded() throws IOException {
        Path ecsforgeCache = dir.resolve("damaged");
        Path copy = ecsforgeCache.resolve("jsii").resolve(expectedName());
        Files.createDirectories(copy.getParent());
        Files.write(copy, new byte[(int) providerEntry().getSize()]);

        String load = providerTarball(prepare(ecsforgeCache));

        assertEquals(copy.toString(), load, "tarball of the provider's load request");
        assertEquals(jarContent(), content(copy), "the damaged copy, after the run: " + copy);
    }

    @Test
    void cacheThatCannotBeWrittenLeavesTheProviderToJsiisOwnLoad() throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("not-a-folder"), "");

        ChildProcess run = prepare(notAFolder);

        String load = providerTarball(run);
        assertTrue(!load.startsWith(notAFolder.toString()) && load.endsWith("/provider-aws@18.0.3.jsii.tgz"),
                () -> "expected jsii's own temporary copy, found " + load + "\n" + run.stdout());
    }

    private static ChildProcess prepare(Path ecsforgeCache) {
        List<String> command = List.of(
                ProcessHandle.current().info().command().orElse("java"),
                "-cp", System.getProperty("java.class.path"),
                Prepare.class.getName());
        ChildProcess run = ChildProcess.run(command, Repo.root(), Map.of(
                "ECSFORGE_CACHE", ecsforgeCache.toString(),
                "JSII_DEBUG", "1")).succeeded();
        assertEquals("LAZY", run.stdout().strip(), () -> "provider load of the child JVM: " + run);
        return run;
    }

    private static String providerTarball(ChildProcess run) {
        Matcher load = PROVIDER_LOAD.matcher(run.stderr());
        if (!load.find()) {
            throw new AssertionError("no load request for @cdktf/provider-aws in jsii's debug output:\n" + run);
        }
        String tarball = load.group(1);
        if (load.find()) {
            throw new AssertionError("the provider was loaded twice: " + tarball + " and " + load.group(1));
        }
        return tarball;
    }

    /** The size and CRC-32 of the provider's tarball in its jar. */
    private static String jarContent() throws IOException {
        ZipEntry entry = providerEntry();
        return entry.getSize() + " bytes, CRC-32 " + Long.toHexString(entry.getCrc());
    }

    private static String content(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return bytes.length + " bytes, CRC-32 " + Long.toHexString(crc.getValue());
    }

    private static String expectedName() throws IOException {
        ZipEntry entry = providerEntry();
        return ModuleTarballs.cachedName(provider().getBundleResourceName(), entry.getCrc(), entry.getSize());
    }

    private static ZipEntry providerEntry() throws IOException {
        JsiiModule module = provider();
        JarURLConnection jar = (JarURLConnection) module.getModuleClass()
                .getResource(module.getBundleResourceName()).openConnection();
        return jar.getJarEntry();
    }

    private static JsiiModule provider() {
        return new com.hashicorp.cdktf.providers.aws.$Module();
    }
}
