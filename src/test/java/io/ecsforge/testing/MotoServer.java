package io.ecsforge.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real moto server (S3, DynamoDB, STS, ...) on a free loopback port for one test class:
 * register it as a static {@code @RegisterExtension} field. Each test is skipped, with the
 * reason, when the venv from {@code scripts/setup-tools.sh} is absent.
 *
 * <p>The inspection helpers below send SigV4-signed S3 requests with the dummy credentials, as
 * any S3 client would (moto refuses anonymous reads of objects).
 */
public final class MotoServer implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> serverEnvironment;
    private Process process;
    private URI endpoint;
    private Path log;
    private String unavailable;

    /** moto's defaults: account 123456789012, no AWS managed IAM policies. */
    public MotoServer() {
        this(Map.of());
    }

    private MotoServer(Map<String, String> serverEnvironment) {
        this.serverEnvironment = Map.copyOf(serverEnvironment);
    }

    /**
     * A server for stacks that attach AWS managed policies (the access stack attaches two), which
     * moto loads only when asked, in the account {@code accountId}: moto answers every call as
     * that account, so a provider's {@code allowed_account_ids} accepts it.
     */
    public static MotoServer forPlatform(String accountId) {
        return new MotoServer(Map.of("MOTO_IAM_LOAD_MANAGED_POLICIES", "true", "MOTO_ACCOUNT_ID", accountId));
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path motoServer = Tools.cache().resolve("venv/bin/moto_server");
        unavailable = Tools.missing(motoServer);
        if (unavailable != null) {
            return;
        }
        int port = freeLoopbackPort();
        log = Files.createTempFile("moto-" + context.getRequiredTestClass().getSimpleName() + "-", ".log");
        ProcessBuilder builder = new ProcessBuilder(motoServer.toString(), "-H", "127.0.0.1", "-p", Integer.toString(port))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(serverEnvironment);
        process = builder.start();
        endpoint = URI.create("http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("moto_server exited with " + process.exitValue() + ": "
                        + Files.readString(log));
            }
            try {
                if (get("/").statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                Thread.sleep(200);
            }
        }
        afterAll(context);
        throw new IllegalStateException("moto_server did not answer on " + endpoint + " within " + START_TIMEOUT
                + ": " + Files.readString(log));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        assumeTrue(unavailable == null, unavailable);
    }

    /** False when moto is not installed; the tests are then skipped. */
    public boolean isRunning() {
        return process != null;
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
        if (log != null) {
            Files.deleteIfExists(log);
        }
    }

    /** Dummy credentials: moto accepts any, and they must never be printed. */
    public static final String ACCESS_KEY_ID = "ECSFORGEITACCESSKEY0";
    public static final String SECRET_ACCESS_KEY = "ecsforge-it-secret-access-key-0123456789";

    /**
     * This process's environment with dummy AWS credentials and no AWS profile, for Terraform
     * and boto3 to talk to this server. TF_CLI_CONFIG_FILE is dropped when it names a missing
     * file, which only adds a warning to every command.
     */
    public static Map<String, String> clientEnvironment() {
        Map<String, String> environment = new HashMap<>(System.getenv());
        environment.keySet().removeIf(name -> name.startsWith("AWS_"));
        String cliConfig = environment.get("TF_CLI_CONFIG_FILE");
        if (cliConfig != null && !Files.exists(Path.of(cliConfig))) {
            environment.remove("TF_CLI_CONFIG_FILE");
        }
        environment.put("AWS_ACCESS_KEY_ID", ACCESS_KEY_ID);
        environment.put("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
        environment.put("AWS_REGION", TerraformDataApp.REGION);
        environment.put("AWS_EC2_METADATA_DISABLED", "true");
        return environment;
    }

    /** What the server has logged so far: for an action it lacks, it answers 500 and logs the action's name. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A KMS key under {@code alias} in {@code region}, made with the AWS CLI as the state stack makes the state key:
     * for plans of stacks that look the key up by its alias. Returns the key's ARN; the key the
     * alias names already when an earlier test of the class made it.
     */
    public String kmsKeyWithAlias(String region, String alias) {
        Processes.Finished existing = kms(region, "describe-key", "--key-id", alias, "--query", "KeyMetadata.Arn");
        if (existing.exitCode() == 0) {
            return existing.stdout().trim().replace("\"", "");
        }
        String keyArn = succeeded(kms(region, "create-key", "--query", "KeyMetadata.Arn")).trim().replace("\"", "");
        succeeded(kms(region, "create-alias", "--alias-name", alias, "--target-key-id", keyArn));
        return keyArn;
    }

    private static String succeeded(Processes.Finished finished) {
        if (finished.exitCode() != 0) {
            throw new AssertionError(String.join(" ", finished.command()) + " exited with " + finished.exitCode() + ":\n"
                    + finished.stderr());
        }
        return finished.stdout();
    }

    private Processes.Finished kms(String region, String... args) {
        List<String> command = new ArrayList<>(List.of(Tools.aws().toString(), "kms"));
        command.addAll(List.of(args));
        command.addAll(List.of("--output", "json"));
        Map<String, String> environment = clientEnvironment();
        environment.put("AWS_REGION", region);
        environment.put("AWS_DEFAULT_REGION", region);
        environment.put("AWS_ENDPOINT_URL", endpoint.toString());
        return Processes.run(command, Path.of("."), environment, Duration.ofSeconds(60));
    }

    /** The S3 endpoint, e.g. {@code http://127.0.0.1:41234}. */
    public URI endpoint() {
        return endpoint;
    }

    /** The object's content, or empty when there is no such object. */
    public Optional<String> object(String bucket, String key) {
        HttpResponse<String> response = send("/" + bucket + "/" + key);
        return response.statusCode() == 200 ? Optional.of(response.body()) : Optional.empty();
    }

    /** Every key in the bucket; empty when the bucket does not exist. */
    public List<String> keys(String bucket) {
        HttpResponse<String> response = send("/" + bucket + "?list-type=2");
        List<String> keys = new ArrayList<>();
        if (response.statusCode() == 200) {
            Matcher matcher = Pattern.compile("<Key>([^<]*)</Key>").matcher(response.body());
            while (matcher.find()) {
                keys.add(matcher.group(1));
            }
        }
        return keys;
    }

    public boolean bucketExists(String bucket) {
        return send("/" + bucket + "?list-type=2").statusCode() == 200;
    }

    private HttpResponse<String> send(String path) {
        try {
            return get(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        URI uri = URI.create("http://127.0.0.1:" + port() + pathAndQuery);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).GET();
        signV4(request, uri);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** AWS Signature Version 4 for a GET with an empty body; paths and queries here need no escaping. */
    private static void signV4(HttpRequest.Builder request, URI uri) {
        String amzDate = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        String date = amzDate.substring(0, 8);
        String payloadHash = hex(sha256(new byte[0]));
        String host = uri.getHost() + ":" + uri.getPort();
        String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        String canonicalRequest = String.join("\n", "GET", uri.getRawPath(), query,
                "host:" + host, "x-amz-content-sha256:" + payloadHash, "x-amz-date:" + amzDate, "",
                "host;x-amz-content-sha256;x-amz-date", payloadHash);
        String scope = date + "/" + TerraformDataApp.REGION + "/s3/aws4_request";
        String stringToSign = String.join("\n", "AWS4-HMAC-SHA256", amzDate, scope,
                hex(sha256(canonicalRequest.getBytes(StandardCharsets.UTF_8))));
        byte[] key = hmac(("AWS4" + SECRET_ACCESS_KEY).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, TerraformDataApp.REGION);
        key = hmac(key, "s3");
        key = hmac(key, "aws4_request");
        String signature = hex(hmac(key, stringToSign));
        request.header("x-amz-date", amzDate)
                .header("x-amz-content-sha256", payloadHash)
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + ACCESS_KEY_ID + "/" + scope
                        + ", SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=" + signature);
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    private int port() {
        return endpoint.getPort();
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
