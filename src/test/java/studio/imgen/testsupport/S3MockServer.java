package studio.imgen.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import studio.imgen.storage.S3ImageStore;
import studio.imgen.storage.StorageProperties;

/**
 * Adobe's S3Mock, a real S3-compatible HTTP server, as a separate process on a loopback port. Its own Spring Boot
 * application never shares a classpath with ours; Maven copies the executable jar to {@code target/s3mock} in the
 * generate-test-resources phase. Any credentials are accepted.
 */
public final class S3MockServer implements AutoCloseable {

    public static final String BUCKET = "imgen-test";
    public static final String ACCESS_KEY = "test-access-key";
    public static final String SECRET_KEY = "test-secret-key";
    private static final Path JAR = Path.of("target", "s3mock", "s3mock-exec.jar");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private static S3MockServer shared;

    private final Process process;
    private final int port;
    private final Path root;

    private S3MockServer(Process process, int port, Path root) {
        this.process = process;
        this.port = port;
        this.root = root;
    }

    /** One server for the whole test JVM (starting one takes seconds), stopped when the JVM exits. */
    public static synchronized S3MockServer shared() {
        if (shared == null || !shared.process.isAlive()) {
            shared = start();
            S3MockServer server = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return shared;
    }

    /** A server of one's own, for tests that stop it; close it when done. */
    public static S3MockServer start() {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run the build through Maven, which"
                    + " copies S3Mock there (maven-dependency-plugin, execution s3mock-server)");
        }
        try {
            int port = freePort();
            Path root = Files.createTempDirectory("s3mock-");
            Path log = JAR.resolveSibling("s3mock-" + port + ".log");
            Process process = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                    "-jar", JAR.toAbsolutePath().toString(),
                    "--com.adobe.testing.s3mock.http-port=" + port,
                    "--server.port=0",
                    "--server.address=127.0.0.1",
                    "--com.adobe.testing.s3mock.store.initial-buckets=" + BUCKET,
                    "--com.adobe.testing.s3mock.store.root=" + root,
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN"))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            S3MockServer server = new S3MockServer(process, port, root);
            server.awaitListening(log);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Polls the port until the server accepts connections, within a bounded time. */
    private void awaitListening(Path log) throws IOException {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                try {
                    process.waitFor(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while S3Mock started", e);
                }
            }
        }
        close();
        throw new IllegalStateException("S3Mock did not listen on port " + port + " within " + START_TIMEOUT);
    }

    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    public StorageProperties.S3 settings(String bucket) {
        return new StorageProperties.S3(bucket, endpoint(), "us-east-1", true);
    }

    /** A store on {@code bucket} as the app builds it, with the test credentials. */
    public S3ImageStore store(String bucket) {
        return S3ImageStore.connect(settings(bucket), StaticCredentialsProvider.create(
                AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)));
    }

    /** A new, empty bucket, so a test sees only its own objects. */
    public String createBucket() {
        String bucket = "b-" + java.util.UUID.randomUUID();
        try (S3Client client = client()) {
            client.createBucket(b -> b.bucket(bucket));
        }
        return bucket;
    }

    /** A plain client, for planting objects the store would never write. */
    public S3Client client() {
        return S3Client.builder().region(Region.US_EAST_1).forcePathStyle(true)
                .endpointOverride(java.net.URI.create(endpoint()))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder())
                .build();
    }

    /** Stops the server as a crash would look to a client: connections refused from now on. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(15, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory; the OS cleans it eventually
        }
    }
}
