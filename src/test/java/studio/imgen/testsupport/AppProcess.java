package studio.imgen.testsupport;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * One instance of the app as a child JVM (the test's class path without the test classes), configured through the
 * environment variables the README documents, with its log in a file. Stopped with SIGTERM ({@link #terminate}), as
 * a service manager does, or SIGKILL ({@link #kill}), as a crash.
 */
public final class AppProcess implements AutoCloseable {

    private final Map<String, String> environment;
    private final List<String> arguments;
    private final Path log;
    private final int port;
    private Process process;

    /**
     * @param environment the instance's environment ({@code PORT} is added)
     * @param arguments   further Spring properties as {@code --name=value}
     */
    public AppProcess(Map<String, String> environment, List<String> arguments, Path log) throws IOException {
        this.port = freePort();
        this.environment = Map.copyOf(environment);
        this.arguments = List.copyOf(arguments);
        this.log = log;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public AppProcess start() throws IOException {
        String classpath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes"))
                .collect(Collectors.joining(File.pathSeparator));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "studio.imgen.Application"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put("PORT", String.valueOf(port));
        process = builder.start();
        return this;
    }

    /** Waits until the instance answers readiness {@code UP}; fails with its log's name if it dies or takes too long. */
    public void awaitReady(Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("instance on port " + port + " exited with " + process.exitValue() + "; log: " + log);
            }
            try {
                HttpResponse<Void> ready = client.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // starting
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("instance on port " + port + " not ready after " + timeout + "; log: " + log);
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    /** SIGTERM; returns the exit code, or fails if the instance is still running after {@code timeout}. */
    public int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("instance on port " + port + " still running " + timeout + " after SIGTERM; log: " + log);
        }
        return process.exitValue();
    }

    /** SIGKILL: a crash. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
