package io.ecsforge.jsii;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.JarURLConnection;
import java.nio.ByteBuffer;
import java.net.URL;
import java.net.URLConnection;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import software.amazon.jsii.JsiiEngine;
import software.amazon.jsii.JsiiModule;
import software.amazon.jsii.JsiiRuntime;

/**
 * Loads jsii modules into the Node.js process from copies of their package tarballs kept in a
 * cache folder, instead of from a fresh copy out of their jar.
 *
 * <p>To load a module, jsii copies its package tarball out of the module's jar into a temporary
 * file on every run and deletes it once Node.js has read it: for the AWS provider, 30 MB
 * inflated and written, about 0.15 s of a 1.2 s synth. Here the tarball is copied once, into
 * {@code <cache>/jsii/}, under a name made of the tarball's own name, the CRC-32 and the size
 * of its entry in the jar (read from the jar's directory, without inflating it): a changed jar
 * gets a new copy. The copy is written beside its final name and moved there in one step, so a
 * reader never sees half of one, and its size and CRC-32 are checked against the jar's entry on
 * every use. The module's dependencies are loaded first, as jsii does, and
 * each module is sent to Node.js with the same {@code load} request jsii sends and then entered
 * in jsii's own table of loaded modules (by reflection, the jsii runtime's version is pinned in
 * the pom), so that jsii does not load it again. Node.js unpacks the tarball into jsii's package
 * cache as before: what it loads is byte for byte the same.
 *
 * <p>Anything unexpected (a field renamed by a new jsii runtime, a module not in a jar, a cache
 * folder that cannot be written, a load that fails) leaves the module to jsii's normal load,
 * without a word; {@code ModuleTarballsTest} fails to say that the cache is no longer used.
 */
final class ModuleTarballs {
    private ModuleTarballs() {}

    /**
     * Loads {@code module} and its dependencies from cached tarballs in {@code cacheDir}, unless
     * jsii has already loaded them.
     *
     * @return true when {@code module} is now loaded; false when it is left (with those of its
     *     dependencies not yet loaded) to jsii's normal load
     */
    static boolean load(Class<? extends JsiiModule> module, Path cacheDir) {
        try {
            JsiiEngine engine = JsiiEngine.getInstance();
            Field loadedField = JsiiEngine.class.getDeclaredField("loadedModules");
            Field runtimeField = JsiiEngine.class.getDeclaredField("runtime");
            Method dependencies = JsiiModule.class.getDeclaredMethod("getDependencies");
            Method request = JsiiRuntime.class.getDeclaredMethod("requestResponse", JsonNode.class);
            loadedField.setAccessible(true);
            runtimeField.setAccessible(true);
            dependencies.setAccessible(true);
            request.setAccessible(true);
            @SuppressWarnings("unchecked")
            Map<String, JsiiModule> loaded = (Map<String, JsiiModule>) loadedField.get(engine);
            // Starts Node.js, as jsii's first request would.
            engine.getClient();
            Loader loader = new Loader(loaded, (JsiiRuntime) runtimeField.get(engine), dependencies, request, cacheDir);
            loader.load(module);
            return true;
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            return false;
        }
    }

    /**
     * The file name of a cached tarball: {@code provider-aws@18.0.3.jsii.tgz} with CRC-32
     * {@code 0x91681339} and 30758099 bytes is {@code provider-aws@18.0.3.jsii-91681339-30758099.tgz}.
     */
    static String cachedName(String bundleResourceName, long crc, long size) {
        String name = bundleResourceName.substring(bundleResourceName.lastIndexOf('/') + 1);
        String stem = name.endsWith(".tgz") ? name.substring(0, name.length() - ".tgz".length()) : name;
        return String.format(Locale.ROOT, "%s-%08x-%d.tgz", stem, crc, size);
    }

    private record Loader(Map<String, JsiiModule> loaded, JsiiRuntime runtime, Method dependencies, Method request,
            Path cacheDir) {
        void load(Class<? extends JsiiModule> moduleClass) throws ReflectiveOperationException, IOException {
            JsiiModule module = moduleClass.getConstructor().newInstance();
            if (loaded.containsKey(module.getModuleName())) {
                return;
            }
            @SuppressWarnings("unchecked")
            List<Class<? extends JsiiModule>> needed = (List<Class<? extends JsiiModule>>) dependencies.invoke(module);
            for (Class<? extends JsiiModule> dependency : needed) {
                load(dependency);
            }
            Path tarball = cachedTarball(module);
            ObjectNode load = JsonNodeFactory.instance.objectNode();
            load.put("api", "load");
            load.put("tarball", tarball.toString());
            load.put("name", module.getModuleName());
            load.put("version", module.getModuleVersion());
            request.invoke(runtime, load);
            loaded.put(module.getModuleName(), module);
        }

        private Path cachedTarball(JsiiModule module) throws IOException {
            URL resource = module.getModuleClass().getResource(module.getBundleResourceName());
            if (resource == null) {
                throw new IOException(module.getBundleResourceName() + " is not on the classpath");
            }
            URLConnection connection = resource.openConnection();
            if (!(connection instanceof JarURLConnection jar)) {
                throw new IOException(resource + " is not in a jar");
            }
            ZipEntry entry = jar.getJarEntry();
            if (entry.getCrc() < 0 || entry.getSize() < 0) {
                throw new IOException(resource + ": the jar does not give the entry's CRC-32 and size");
            }
            Path cached = cacheDir.resolve(cachedName(module.getBundleResourceName(), entry.getCrc(), entry.getSize()));
            if (Files.isRegularFile(cached) && sameContent(cached, entry)) {
                return cached;
            }
            Files.createDirectories(cacheDir);
            Path partial = Files.createTempFile(cacheDir, cached.getFileName().toString(), ".partial");
            try (InputStream source = connection.getInputStream()) {
                Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
                if (!sameContent(partial, entry)) {
                    throw new IOException(resource + ": the copy's size or CRC-32 differs from the jar's");
                }
                Files.move(partial, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            return cached;
        }

        /**
         * Whether {@code file} has the entry's size and CRC-32: checked on every use, about 10 ms for
         * the AWS provider, so that a copy damaged after it was written is replaced, not loaded.
         */
        private static boolean sameContent(Path file, ZipEntry entry) throws IOException {
            try (FileChannel channel = FileChannel.open(file)) {
                if (channel.size() != entry.getSize()) {
                    return false;
                }
                // Read, not mapped: a mapping would stay in this process's resident memory until
                // the garbage collector frees it.
                CRC32 crc = new CRC32();
                ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
                while (channel.read(buffer) > 0) {
                    crc.update(buffer.flip());
                    buffer.clear();
                }
                return crc.getValue() == entry.getCrc();
            }
        }
    }
}
