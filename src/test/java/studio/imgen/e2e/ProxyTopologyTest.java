package studio.imgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.LOGIN_THROTTLE;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.base.AppProperties;
import studio.imgen.testsupport.AppProcess;
import studio.imgen.testsupport.BrowserLogin;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.JobRows;
import studio.imgen.testsupport.NginxProcess;
import studio.imgen.testsupport.SelfSignedCertificate;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The production topology of the README, for real: Debian's nginx with the guide's configuration (the template the
 * README shows, filled in) terminating TLS in front of two instances of the app (child JVMs started with the
 * documented environment) on this test's PostgreSQL, image directory and fake OpenAI. Chromium logs in through the
 * proxy and generates with push; previews of a job on the other instance reach it; a rolling restart (SIGTERM) of the
 * member's instance finishes the job it runs while the other instance takes the queue; a crash (SIGKILL) sends the
 * member to the survivor, where the gallery and the interrupted job are; the audit and the login throttle see the
 * browser, not the proxy, and ignore forwarded headers from anyone but the proxy.
 *
 * <p>Addresses: nginx connects to the instances over IPv6 loopback ({@code ::1}, the only trusted proxy), the browser
 * reaches nginx from 127.0.0.1 and a second client binds 127.0.0.3, so every party has its own address on one machine.
 */
class ProxyTopologyTest extends BrowserTest {

    private static final String PROXY_ADDRESS = "0:0:0:0:0:0:0:1";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" content=\"([^\"]+)\"");
    private static final Duration START = Duration.ofMinutes(5);
    private static final String METRICS_USER = "scraper";
    private static final String METRICS_PASSWORD = "scrape-Password-1";

    @Autowired
    DataSource dataSource;
    @Autowired
    AppProperties app;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DSLContext db;

    private final List<AutoCloseable> running = new ArrayList<>();
    private final Map<String, String> timings = new LinkedHashMap<>();
    private Path dir;
    private SelfSignedCertificate tls;
    /** Audit rows before this test: journeys that ran earlier in this JVM logged in from ::1 without a proxy. */
    private long auditBefore;
    private String proxy;

    @AfterEach
    void stopEverything() throws Exception {
        for (AutoCloseable process : running.reversed()) {
            process.close();
        }
        fake.reset();
        clock.reset();
    }

    @Test
    void twoInstancesBehindNginxSurviveARollingRestartAndACrashAndSeeTheRealClient() throws Exception {
        NginxProcess.requireInstalled();
        // The instances are other processes, which can only read the machine's clock: this context follows it.
        clock.setTo(Instant.now());
        neutraliseLeftovers();
        auditBefore = db.select(DSL.coalesce(DSL.max(AUDIT_LOG.SEQ), 0L)).from(AUDIT_LOG).fetchOne().value1();
        fake.reset();
        fake.setStreamEventDelay(Duration.ofSeconds(4));
        TestUser ana = users.member(users.workspaceWithKey("Proxy"), "Ana");
        dir = Files.createTempDirectory("imgen-proxy");
        tls = SelfSignedCertificate.create(dir);
        Map<String, AppProcess> instances = new LinkedHashMap<>();
        for (String route : List.of("a", "b")) {
            instances.put(route, instance(route).start());
        }
        int proxyPort = freePort();
        proxy = "https://127.0.0.1:" + proxyPort;
        running.add(NginxProcess.start(dir.resolve("nginx"), proxyPort, Map.of(
                "LISTEN", "127.0.0.1:" + proxyPort,
                "SERVER_NAME", "127.0.0.1",
                "CERTIFICATE", tls.certificate().toString(),
                "CERTIFICATE_KEY", tls.key().toString(),
                "INSTANCE_A", "[::1]:" + instances.get("a").port(),
                "INSTANCE_B", "[::1]:" + instances.get("b").port())));
        for (AppProcess instance : instances.values()) {
            instance.awaitReady(START);
        }
        openBrowserTrustingAnyCertificate();

        // 1. Log in through the proxy: the session stays on the instance whose route its new id carries.
        BrowserLogin.logIn(page, proxy + "/login", ana.username(), TestUsers.PASSWORD);
        assertThat(route()).isIn("a", "b");
        assertThat(loginAddresses(ana)).containsOnly("127.0.0.1");

        // 2. Two generations at once: the browser's instance runs the one submitted there (one worker each), the other
        // instance the one queued meanwhile; the page follows both and shows live previews of both.
        generate("a lighthouse at dusk");
        awaitRunning("a lighthouse at dusk");
        queue(ana, "a harbour at dawn");
        awaitRunning("a harbour at dawn");
        page.navigate(proxy + "/");
        assertThat(page.locator(".generation-card[data-status=running] .generation-preview-image")).hasCount(2,
                new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertThat(page.locator(".result-thumb")).hasCount(2, new LocatorAssertions.HasCountOptions().setTimeout(60_000));
        assertThat(db.selectDistinct(AUDIT_LOG.CLIENT_IP).from(AUDIT_LOG)
                .where(AUDIT_LOG.ACTOR_ID.eq(ana.id()).and(AUDIT_LOG.CATEGORY.eq("generation"))
                        .and(AUDIT_LOG.CLIENT_IP.isNotNull())).fetch(AUDIT_LOG.CLIENT_IP))
                .as("the audit records the browser, never the proxy").containsOnly("127.0.0.1");

        // 3. Rolling restart of the instance running a job: the job finishes, the queue moves on. Usually that is the
        // member's instance, which claims what it submits; the other one's poll may win the claim, so ask them.
        int sent = fake.requests().size();
        generate("a rolling restart");
        UUID drained = awaitRunning("a rolling restart");
        assertThat(fake.awaitRequests(sent + 1, Duration.ofMinutes(1))).isTrue();
        long sigterm = System.nanoTime();
        AppProcess restarted = instances.get(runningTheJob(instances));
        java.util.concurrent.CompletableFuture<Integer> exit = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                return restarted.terminate(Duration.ofMinutes(3));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        UUID queuedMeanwhile = queue(ana, "queued during the restart");
        assertThat(awaitFinished(drained)).isEqualTo("succeeded");
        timings.put("rolling restart: SIGTERM -> its running job stored", seconds(sigterm));
        assertThat(exit.get()).as("exit status after SIGTERM").isEqualTo(143);
        timings.put("rolling restart: SIGTERM -> process exited", seconds(sigterm));
        assertThat(awaitFinished(queuedMeanwhile)).as("the other instance keeps the queue moving").isEqualTo("succeeded");
        assertThat(restarted.logText()).contains("waiting up to 2m for the 1 running here to finish",
                "every generation of this instance has finished");
        assertThat(promptsSent()).filteredOn("a rolling restart"::equals).hasSize(1);
        long restart = System.nanoTime();
        restarted.start().awaitReady(START);
        timings.put("rolling restart: start -> ready again", seconds(restart));

        // 4. A crash of the instance running a job (as above, usually the member's): the survivor takes over.
        BrowserLogin.logIn(page, proxy + "/login", ana.username(), TestUsers.PASSWORD);
        sent = fake.requests().size();
        generate("a crash");
        UUID crashed = awaitRunning("a crash");
        String home = route();
        assertThat(fake.awaitRequests(sent + 1, Duration.ofMinutes(1))).isTrue();
        String victim = runningTheJob(instances);
        String other = victim.equals("a") ? "b" : "a";
        long sigkill = System.nanoTime();
        instances.get(victim).kill();
        // The member opens the app again (the old tab's client is busy reconnecting to the dead instance).
        page.close();
        page = browserContext.newPage();
        if (!victim.equals(home)) {
            // The member's own instance lives on: only a session of the dead one shows the failover, so start anew.
            browserContext.clearCookies();
        }
        BrowserLogin.logIn(page, proxy + "/login", ana.username(), TestUsers.PASSWORD);
        timings.put("failover: SIGKILL -> logged in on the survivor", seconds(sigkill));
        assertThat(route()).isEqualTo(other);
        assertThat(awaitFinished(crashed)).isEqualTo("interrupted");
        timings.put("failover: SIGKILL -> the crashed job marked interrupted", seconds(sigkill));
        page.navigate(proxy + "/");
        assertThat(page.locator(".generation-card[data-status=interrupted]").filter(
                new Locator.FilterOptions().setHasText("a crash"))).hasCount(1);
        page.navigate(proxy + "/gallery");
        assertThat(page.locator(".gallery-card:not(.skeleton)")).hasCount(4);
        assertThat((Integer) page.locator(".gallery-thumb").first().evaluate(
                "img => img.complete ? img.naturalWidth : new Promise(r => img.onload = () => r(img.naturalWidth))"))
                .as("images of both instances come from the shared storage").isPositive();
        assertThat(promptsSent()).filteredOn("a crash"::equals).as("never sent again").hasSize(1);

        // 5. 25 failed logins from another client (with a forged X-Forwarded-For) do not hold up the member's login.
        HttpClient attacker = client("127.0.0.3");
        for (int attempt = 1; attempt <= 25; attempt++) {
            failLogin(attacker, "nobody-" + attempt);
        }
        assertThat(loginStatuses("127.0.0.3")).as("the other client is throttled").contains("throttled");
        assertThat(loginStatuses("203.0.113.66")).as("a forged X-Forwarded-For is not believed").isEmpty();
        assertThat(loginStatuses(PROXY_ADDRESS)).as("nobody is the proxy").isEmpty();
        page.context().clearCookies();
        long login = System.nanoTime();
        BrowserLogin.logIn(page, proxy + "/login", ana.username(), TestUsers.PASSWORD);
        timings.put("member's login after 25 failures of another client", seconds(login));
        assertThat(loginAddresses(ana)).containsOnly("127.0.0.1");

        // 6. Redirects keep the browser's scheme, host and port; an instance takes forwarded headers only from the proxy.
        assertThat(redirectOf(client("127.0.0.3"), proxy + "/")).isEqualTo(proxy + "/login");
        int survivor = instances.get(other).port();
        assertThat(redirectOf(client("127.0.0.3"), "http://127.0.0.1:" + survivor + "/"))
                .isEqualTo("http://127.0.0.1:" + survivor + "/login");

        System.out.println("Proxy topology timings: " + timings);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "proxy-topology-timings.txt"), timings.toString() + System.lineSeparator());
        deleteRecursively(dir);
    }

    /** An instance as the README's production section starts it, with a short lease and poll to keep the test short. */
    private AppProcess instance(String route) throws IOException, java.sql.SQLException {
        HikariDataSource hikari = dataSource.unwrap(HikariDataSource.class);
        String masterKey = Files.readString(app.dataPath().resolve("master.key")).strip();
        AppProcess instance = new AppProcess(Map.ofEntries(
                Map.entry("APP_INSTANCE_ROUTE", route),
                Map.entry("APP_TRUSTED_PROXIES", "::1"),
                Map.entry("APP_SECURE_COOKIES", "true"),
                Map.entry("APP_DB_EMBEDDED", "false"),
                Map.entry("SPRING_DATASOURCE_URL", hikari.getJdbcUrl()),
                Map.entry("SPRING_DATASOURCE_USERNAME", hikari.getUsername()),
                Map.entry("SPRING_DATASOURCE_PASSWORD", hikari.getPassword() == null ? "" : hikari.getPassword()),
                Map.entry("APP_DB_POOL_SIZE", "4"),
                Map.entry("APP_MASTER_KEY", masterKey),
                Map.entry("APP_DATA_DIR", dir.resolve("data").toString()),
                Map.entry("OPENAI_BASE_URL", fake.baseUrl()),
                Map.entry("APP_GENERATION_WORKERS", "1"),
                Map.entry("APP_METRICS_USERNAME", METRICS_USER),
                Map.entry("APP_METRICS_PASSWORD", METRICS_PASSWORD)),
                List.of("--app.generation.poll-interval=500ms", "--app.generation.lease=15s",
                        "--app.generation.heartbeat=1s", "--vaadin.devmode.devTools.enabled=false"),
                dir.resolve("instance-" + route + ".log"));
        running.add(instance);
        return instance;
    }

    private void openBrowserTrustingAnyCertificate() {
        Browser browser = browserContext.browser();
        browserContext.close();
        browserContext = browser.newContext(new Browser.NewContextOptions().setIgnoreHTTPSErrors(true)
                .setViewportSize(1280, 860));
        page = browserContext.newPage();
        page.setDefaultTimeout(30_000);
    }

    /** The route suffix of the browser's session cookie, which must be marked Secure behind TLS. */
    private String route() {
        Cookie session = browserContext.cookies().stream().filter(c -> c.name.equals("JSESSIONID")).findFirst().orElseThrow();
        assertThat(session.secure).as("session cookie marked Secure").isTrue();
        assertThat(session.value).matches(".+\\.[ab]");
        return session.value.substring(session.value.lastIndexOf('.') + 1);
    }

    private void generate(String prompt) {
        page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Prompt")).fill(prompt);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();
        assertThat(page.locator(".generation-card").filter(new Locator.FilterOptions().setHasText(prompt))).hasCount(1);
    }

    /** A job queued in the table, as a submission on some instance leaves it; whichever instance is free takes it. */
    private UUID queue(TestUser member, String prompt) {
        var job = JobRows.job(member, "queued", prompt);
        job.setPartialImages(2);
        return db.insertInto(GENERATION).set(job).returning(GENERATION.ID).fetchOne(GENERATION.ID);
    }

    /**
     * The route of the one instance running a job now, read as an operator would: each instance's own
     * {@code imgen.inflight} gauge over its actuator (the jobs' rows do not say which instance holds a lease).
     */
    private static String runningTheJob(Map<String, AppProcess> instances) {
        HttpClient client = HttpClient.newHttpClient();
        String basic = "Basic " + java.util.Base64.getEncoder().encodeToString(
                (METRICS_USER + ":" + METRICS_PASSWORD).getBytes(StandardCharsets.UTF_8));
        return await(() -> {
            List<String> busy = instances.entrySet().stream().filter(instance -> {
                try {
                    String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + instance.getValue().port() + "/actuator/metrics/imgen.inflight"))
                            .header("Authorization", basic).build(), HttpResponse.BodyHandlers.ofString()).body();
                    return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body)
                            .path("measurements").path(0).path("value").asDouble() >= 1;
                } catch (IOException e) {
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }).map(Map.Entry::getKey).toList();
            return busy.size() == 1 ? busy.get(0) : null;
        }, "exactly one instance running a job");
    }

    private UUID awaitRunning(String prompt) {
        return await(() -> db.select(GENERATION.ID).from(GENERATION)
                .where(GENERATION.PROMPT.eq(prompt).and(GENERATION.STATUS.eq("running"))).fetchOne(GENERATION.ID),
                "generation '" + prompt + "' running");
    }

    private String awaitFinished(UUID id) {
        return await(() -> db.select(GENERATION.STATUS).from(GENERATION)
                .where(GENERATION.ID.eq(id).and(GENERATION.STATUS.notIn("queued", "running"))).fetchOne(GENERATION.STATUS),
                "generation " + id + " finished");
    }

    /** Polls the shared database (the instances' only common ground) until the answer is there. */
    private static <T> T await(java.util.function.Supplier<T> answer, String what) {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (true) {
            T value = answer.get();
            if (value != null) {
                return value;
            }
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }

    private List<String> loginAddresses(TestUser user) {
        return db.selectDistinct(AUDIT_LOG.CLIENT_IP).from(AUDIT_LOG)
                .where(AUDIT_LOG.CATEGORY.eq("login").and(AUDIT_LOG.ACTOR_ID.eq(user.id())))
                .fetch(AUDIT_LOG.CLIENT_IP);
    }

    private List<String> loginStatuses(String address) {
        return db.select(AUDIT_LOG.STATUS).from(AUDIT_LOG)
                .where(AUDIT_LOG.SEQ.gt(auditBefore).and(AUDIT_LOG.CATEGORY.eq("login"))
                        .and(AUDIT_LOG.CLIENT_IP.eq(address))).fetch(AUDIT_LOG.STATUS);
    }

    private HttpClient client(String localAddress) throws IOException {
        SSLContext trusting = tls.trustingIt();
        return HttpClient.newBuilder().localAddress(InetAddress.getByName(localAddress)).sslContext(trusting)
                .cookieHandler(new CookieManager()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A wrong password through the proxy's login form, claiming to come from 203.0.113.66. */
    private void failLogin(HttpClient client, String username) throws IOException, InterruptedException {
        String loginPage = client.send(HttpRequest.newBuilder(URI.create(proxy + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password=wrong-Password-1"
                + (csrf.find() ? "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8) : "");
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(proxy + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", "203.0.113.66")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(response.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/login?"));
    }

    /** Where a request without a session is sent, with forwarded headers that only a trusted proxy may set. */
    private static String redirectOf(HttpClient client, String url) throws IOException, InterruptedException {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "evil.example")
                .header("X-Forwarded-Port", "8443").header("X-Forwarded-For", "203.0.113.66").build(),
                HttpResponse.BodyHandlers.discarding());
        return response.headers().firstValue("Location").orElse("(status " + response.statusCode() + ")");
    }

    private List<String> promptsSent() {
        return fake.requests().stream().map(r -> r.json().path("prompt").asText()).toList();
    }

    /** Earlier tests' unfinished rows would be claimed by the new instances (the table is shared). */
    private void neutraliseLeftovers() {
        db.update(GENERATION).set(GENERATION.STATUS, "failed").setNull(GENERATION.LEASE_TOKEN)
                .where(GENERATION.STATUS.in("queued", "running")).execute();
        // Failures recorded by earlier tests count for loopback addresses, and the instances use the real threshold.
        db.deleteFrom(LOGIN_THROTTLE).execute();
    }

    private static String seconds(long since) {
        return String.format(java.util.Locale.ROOT, "%.1f s", (System.nanoTime() - since) / 1e9);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
