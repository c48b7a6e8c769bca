package studio.imgen.testsupport;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's nginx in the foreground as a child process, with the README's configuration: the guide's template
 * ({@value #TEMPLATE}) filled in, inside a minimal main configuration whose pid file, logs and temp directories all
 * live in the test's directory (no root-owned paths, no privileged port). Missing nginx fails in CI and skips locally.
 */
public final class NginxProcess implements AutoCloseable {

    public static final String TEMPLATE = "docs/nginx/imgen.conf.template";
    private static final Path NGINX = Paths.get("/usr/sbin/nginx");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z_]+)}");

    private final Path dir;
    private final Process process;

    private NginxProcess(Path dir, Process process) {
        this.dir = dir;
        this.process = process;
    }

    public static void requireInstalled() {
        if (!Files.isExecutable(NGINX)) {
            if (System.getenv("CI") != null) {
                Assertions.fail("nginx is required in CI: install it with apt-get install -y nginx-light");
            }
            Assumptions.abort("nginx not installed (apt-get install -y nginx-light); proxy test skipped locally");
        }
    }

    /** The template with every {@code ${NAME}} replaced; a placeholder without a value fails. */
    public static String configuration(Map<String, String> values) throws IOException {
        Matcher placeholder = PLACEHOLDER.matcher(Files.readString(Path.of(TEMPLATE)));
        StringBuilder filled = new StringBuilder();
        while (placeholder.find()) {
            String value = values.get(placeholder.group(1));
            if (value == null) {
                throw new IllegalArgumentException("no value for ${" + placeholder.group(1) + "} in " + TEMPLATE);
            }
            placeholder.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return placeholder.appendTail(filled).toString();
    }

    /** Starts nginx listening on 127.0.0.1:{@code port} and waits until it accepts connections. */
    public static NginxProcess start(Path dir, int port, Map<String, String> values) throws IOException, InterruptedException {
        requireInstalled();
        Files.createDirectories(dir.resolve("temp"));
        // As root, nginx's workers run as nobody: they must be able to enter the directory.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(dir.resolve("temp"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.writeString(dir.resolve("imgen.conf"), configuration(values));
        String temp = dir.resolve("temp").toString();
        Files.writeString(dir.resolve("nginx.conf"), """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log info;
                events { worker_connections 256; }
                http {
                    access_log %1$s/access.log;
                    client_body_temp_path %2$s/body;
                    proxy_temp_path %2$s/proxy;
                    fastcgi_temp_path %2$s/fastcgi;
                    uwsgi_temp_path %2$s/uwsgi;
                    scgi_temp_path %2$s/scgi;
                    include %1$s/imgen.conf;
                }
                """.formatted(dir, temp));
        Process process = new ProcessBuilder(NGINX.toString(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
                "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new AssertionError("nginx exited with " + process.exitValue() + ": "
                        + Files.readString(dir.resolve("nginx.out")) + Files.readString(dir.resolve("error.log")));
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return new NginxProcess(dir, process);
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("nginx not listening on " + port + "; see " + dir.resolve("error.log"));
                }
                LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
            }
        }
    }

    public Path dir() {
        return dir;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
