package io.ecsforge.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecsforge.config.ConfigLoader;
import io.ecsforge.testing.Repo;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The example app in examples/webapp, which the README's release walkthrough ships: the real
 * server.js run by the project's Node 22, and its Dockerfile read against the configuration.
 */
class ExampleAppTest {
    private static final Path APP = Repo.root().resolve("examples/webapp");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STARTUP = Duration.ofSeconds(15);
    private static final Duration REQUEST = Duration.ofSeconds(5);
    /** Far inside the 30 s between ECS's SIGTERM and its SIGKILL. */
    private static final Duration STOP = Duration.ofSeconds(5);

    @TempDir
    Path temp;

    private Server server;

    @AfterEach
    void killServer() {
        if (server != null) {
            server.process.destroyForcibly();
        }
    }

    @Test
    void healthAnswers200WithStatusOkAndTheVersionFromAppVersion() throws Exception {
        server = Server.start(temp, "1.2.3");
        HttpResponse<String> response = server.get("/health");
        assertEquals(200, response.statusCode(), "GET /health status; body: " + response.body());
        assertEquals("application/json", response.headers().firstValue("Content-Type").orElse("(none)"),
                "GET /health Content-Type");
        assertEquals(JSON.readTree("{\"status\":\"ok\",\"version\":\"1.2.3\"}"), JSON.readTree(response.body()),
                "GET /health body");
    }

    @Test
    void rootAnswers200NamingTheVersion() throws Exception {
        server = Server.start(temp, "1.2.3");
        HttpResponse<String> response = server.get("/");
        assertEquals(200, response.statusCode(), "GET / status; body: " + response.body());
        assertTrue(response.body().contains("1.2.3"), "GET / should name version 1.2.3; found: " + response.body());
    }

    @Test
    void unknownPathAnswers404() throws Exception {
        server = Server.start(temp, "1.2.3");
        HttpResponse<String> response = server.get("/nope");
        assertEquals(404, response.statusCode(), "GET /nope status; body: " + response.body());
    }

    @Test
    void logsOneJsonLinePerRequestToStdout() throws Exception {
        server = Server.start(temp, "1.2.3");
        server.get("/health");
        server.get("/nope?token=secret");
        server.stop();
        List<String> requests = new ArrayList<>();
        for (String line : server.stdoutLines()) {
            JsonNode entry = JSON.readTree(line);
            if (entry.path("msg").asText().equals("request")) {
                requests.add(entry.path("method").asText() + " " + entry.path("path").asText() + " "
                        + entry.path("status").asText());
            }
        }
        assertEquals(List.of("GET /health 200", "GET /nope 404"), requests,
                "request log lines (method, path without its query string, status)");
    }

    @Test
    void sigtermStopsTheServerWithExitCode0WhileAClientHoldsAnIdleConnection() throws Exception {
        server = Server.start(temp, "1.2.3");
        // The client keeps this connection open for reuse, as the load balancer does.
        server.get("/health");
        int exit = server.stop();
        assertEquals(0, exit, "exit code after SIGTERM; output:\n" + server.output());
    }

    @Test
    void sigtermLetsTheRequestInFlightFinishBeforeExiting() throws Exception {
        server = Server.start(temp, "1.2.3");
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port)) {
            socket.setSoTimeout((int) REQUEST.toMillis());
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            // A whole request and the start of the next in one write: once the first is answered,
            // the server has read the second's first line, so that one is in flight, not idle.
            out.write(("GET / HTTP/1.1\r\nHost: app\r\n\r\nGET /health HTTP/1.1\r\nHost: app\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String first = readResponse(in);
            assertTrue(first.startsWith("HTTP/1.1 200"), "answer to the first request: " + first);

            server.process.destroy();
            server.awaitLine("\"shutting down\"", STOP);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String second = readToClose(in);
            assertTrue(second.startsWith("HTTP/1.1 200"), "answer to the request in flight at SIGTERM: " + second);
            assertTrue(second.toLowerCase().contains("connection: close"),
                    "the answer should close the connection so the server can stop; found: " + second);
        }
        assertTrue(server.process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS),
                "server still running " + STOP.toSeconds() + " s after SIGTERM; output:\n" + server.output());
        assertEquals(0, server.process.exitValue(), "exit code after SIGTERM; output:\n" + server.output());
    }

    @Test
    void serverWritesNoFilesWhileServingAndStopping() throws Exception {
        List<String> appBefore = listing(APP);
        server = Server.start(temp, "1.2.3");
        server.get("/");
        server.get("/health");
        server.get("/nope");
        server.stop();
        // The working directory, HOME and TMPDIR are empty folders of this test's own.
        assertEquals(List.of(), listing(server.workDir), "files created in the working directory");
        assertEquals(List.of(), listing(server.home), "files created in HOME");
        assertEquals(List.of(), listing(server.tmp), "files created in TMPDIR");
        assertEquals(appBefore, listing(APP), "files in examples/webapp before and after the run");
    }

    @Test
    void dockerfileRunsAsANonRootUser() throws IOException {
        List<String> users = dockerfile().stream().filter(i -> i.keyword.equals("USER")).map(i -> i.args).toList();
        assertTrue(!users.isEmpty(), "the Dockerfile has no USER, so the container runs as root");
        String user = users.get(users.size() - 1).split(":", 2)[0];
        assertTrue(!user.equals("root") && !user.equals("0"), "the last USER should not be root; found: " + user);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void dockerfileExposesTheConfiguredContainerPort(String env) throws IOException {
        int containerPort = new ConfigLoader(Repo.config()).load(env).service().containerPort();
        List<String> exposed = dockerfile().stream().filter(i -> i.keyword.equals("EXPOSE")).map(i -> i.args).toList();
        assertEquals(List.of(String.valueOf(containerPort)), exposed,
                "EXPOSE in the Dockerfile against service.containerPort of config/" + env + ".yaml");
    }

    @Test
    void dockerfileBaseImageIsPinnedToAnExactNodeVersionTag() throws IOException {
        String image = onlyBaseImage();
        assertTrue(BASE_IMAGE.matcher(image).matches(),
                "FROM should be node:<major>.<minor>.<patch>-alpine, optionally @sha256:<digest>; found: " + image);
    }

    @Test
    void dockerfileBaseImageIsTheNodeReleaseTheServerIsTestedWith() throws IOException {
        Matcher image = BASE_IMAGE.matcher(onlyBaseImage());
        assumeTrue(image.matches(), "dockerfileBaseImageIsPinnedToAnExactNodeVersionTag reports the FROM line");
        String tested = JSON.readTree(Repo.root().resolve("tools/node22/package.json").toFile())
                .path("dependencies").path("node").asText("(none)");
        assertEquals(tested, image.group(1),
                "Node version of the base image against tools/node22/package.json, the Node these tests run");
    }

    @Test
    void dockerfileCopiesOnlyServerJs() throws IOException {
        List<String> copied = dockerfile().stream()
                .filter(i -> i.keyword.equals("COPY") || i.keyword.equals("ADD"))
                .map(i -> i.keyword + " " + i.args).toList();
        assertEquals(List.of("COPY server.js ./"), copied, "what the Dockerfile copies into the image");
    }

    @Test
    void dockerfileStartsNodeDirectlySoSigtermReachesTheServer() throws IOException {
        List<String> cmds = dockerfile().stream().filter(i -> i.keyword.equals("CMD")).map(i -> i.args).toList();
        assertEquals(List.of("[\"node\", \"server.js\"]"), cmds,
                "CMD in exec form, with node as PID 1 rather than a shell or npm that would not pass SIGTERM on");
    }

    /** node, an exact release, Alpine, and an optional digest; group 1 is the Node version. */
    private static final Pattern BASE_IMAGE =
            Pattern.compile("node:(\\d+\\.\\d+\\.\\d+)-alpine(?:@sha256:[0-9a-f]{64})?");

    private static String onlyBaseImage() throws IOException {
        List<String> froms = dockerfile().stream().filter(i -> i.keyword.equals("FROM")).map(i -> i.args).toList();
        assertEquals(1, froms.size(), "FROM lines in the Dockerfile: " + froms);
        return froms.get(0);
    }

    private record Instruction(String keyword, String args) {}

    /** The Dockerfile's instructions, comments dropped and continued lines joined. */
    private static List<Instruction> dockerfile() throws IOException {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : Files.readAllLines(APP.resolve("Dockerfile"))) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String[] parts = current.toString().strip().split("\\s+", 2);
            instructions.add(new Instruction(parts[0].toUpperCase(), parts.length > 1 ? parts[1].strip() : ""));
            current.setLength(0);
        }
        return instructions;
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(p -> !p.equals(dir)).map(p -> dir.relativize(p).toString()).sorted().toList();
        }
    }

    /** One HTTP/1.1 response with a Content-Length; fails with what arrived when it does not end in time. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        int expected = -1;
        while (expected < 0 || read.size() < expected) {
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                return fail("response not complete within " + REQUEST.toSeconds() + " s; read: " + read);
            }
            if (b < 0) {
                return fail("connection closed before the response ended; read: " + read);
            }
            read.write(b);
            String text = read.toString(StandardCharsets.UTF_8);
            if (expected < 0 && text.endsWith("\r\n\r\n")) {
                Matcher length = CONTENT_LENGTH.matcher(text);
                if (!length.find()) {
                    return fail("response without Content-Length: " + text);
                }
                expected = read.size() + Integer.parseInt(length.group(1));
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /** Everything until the server closes the connection; fails with what arrived when it does not. */
    private static String readToClose(InputStream in) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return fail("connection still open " + REQUEST.toSeconds() + " s on; read: " + read);
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\\r\\ncontent-length: *(\\d+)");

    /**
     * server.js run by Node 22 on 127.0.0.1, in empty folders. Its stdout goes to a file rather
     * than a pipe because Process.destroy() closes the pipes: the lines written while the server
     * stops would be lost.
     */
    private static final class Server {
        private static final Duration POLL = Duration.ofMillis(20);
        final Process process;
        final int port;
        final Path workDir;
        final Path home;
        final Path tmp;
        private final Path stdout;
        private final Path stderr;
        private final HttpClient client =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REQUEST).build();

        private Server(Path temp, String version) throws Exception {
            String node = System.getenv("JSII_NODE");
            assumeTrue(node != null && Files.isExecutable(Path.of(node)),
                    "needs Node 22: JSII_NODE is " + (node == null ? "not set" : "not executable: " + node)
                            + "; run . scripts/lib/env.sh && ecsforge_ensure_node $PWD");
            workDir = Files.createDirectory(temp.resolve("work"));
            home = Files.createDirectory(temp.resolve("home"));
            tmp = Files.createDirectory(temp.resolve("tmp"));
            stdout = temp.resolve("stdout.txt");
            stderr = temp.resolve("stderr.txt");
            ProcessBuilder builder = new ProcessBuilder(node, APP.resolve("server.js").toString())
                    .directory(workDir.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.put("HOME", home.toString());
            env.put("TMPDIR", tmp.toString());
            env.put("HOST", "127.0.0.1");
            // Port 0: the system picks a free port and the server logs it; no race with other tests.
            env.put("PORT", "0");
            env.put("APP_VERSION", version);
            process = builder.start();
            port = JSON.readTree(awaitLine("\"listening\"", STARTUP)).path("port").asInt();
        }

        static Server start(Path temp, String version) throws Exception {
            return new Server(temp, version);
        }

        /** The complete lines on stdout so far; a line still being written is left out. */
        List<String> stdoutLines() throws IOException {
            String text = Files.exists(stdout) ? Files.readString(stdout) : "";
            return List.of(text.substring(0, text.lastIndexOf('\n') + 1).split("\n", -1))
                    .stream().filter(line -> !line.isEmpty()).toList();
        }

        /** The first stdout line containing {@code marker}, waiting at most {@code wait} for it. */
        String awaitLine(String marker, Duration wait) throws Exception {
            long deadline = System.nanoTime() + wait.toNanos();
            while (true) {
                boolean exited = !process.isAlive();
                for (String line : stdoutLines()) {
                    if (line.contains(marker)) {
                        return line;
                    }
                }
                if (exited || System.nanoTime() > deadline) {
                    return fail("no stdout line with " + marker + (exited ? " before the server exited"
                            : " within " + wait.toSeconds() + " s") + "; output:\n" + output());
                }
                Thread.sleep(POLL.toMillis());
            }
        }

        HttpResponse<String> get(String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(REQUEST).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        }

        /** SIGTERM, as ECS sends it, then the exit code; fails when the server outlives STOP. */
        int stop() throws Exception {
            process.destroy();
            if (!process.waitFor(STOP.toMillis(), TimeUnit.MILLISECONDS)) {
                fail("server still running " + STOP.toSeconds() + " s after SIGTERM; output:\n" + output());
            }
            return process.exitValue();
        }

        /** What the server has said so far, for failure messages. */
        String output() {
            try {
                return "stdout:\n" + (Files.exists(stdout) ? Files.readString(stdout) : "")
                        + "stderr:\n" + (Files.exists(stderr) ? Files.readString(stderr) : "");
            } catch (IOException e) {
                return "(output unreadable: " + e + ")";
            }
        }
    }
}
