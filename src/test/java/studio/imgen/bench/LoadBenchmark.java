package studio.imgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import studio.imgen.base.UserInputException;
import studio.imgen.gallery.GalleryFilter;
import studio.imgen.gallery.GalleryService;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationFinished;
import studio.imgen.generate.GenerationProperties;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.BrowserTest;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The load figures of issue 8, on the app at a random port with the production database pool (10) and one worker per
 * job: (1) N concurrent generations against the fake OpenAI with latency L, submitted through the real
 * {@link GenerationService} at one instant; (2) how the UI responds while they are in flight, against an idle
 * baseline; (3) the heap a thousand logged-in idle sessions retain, with and without a Vaadin UI. Not part of the
 * normal test run (the name does not match surefire's patterns); see bench/README.md.
 */
@Tag("benchmark")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestPropertySource(properties = {
        // One worker per job, so the figures show the cost of concurrency rather than the pool's queue.
        "app.generation.workers=${bench.n:200}",
        // The production defaults; the test profile's would measure a smaller pool and a longer admission wait.
        "spring.datasource.hikari.maximum-pool-size=10",
        "app.generation.admission-wait=${bench.admissionWait:500ms}"})
@Import(PatientUpstream.class)
class LoadBenchmark extends BrowserTest {

    /** Members per workspace: the default per-workspace in-flight limit (20) is then never the bottleneck. */
    private static final int PER_WORKSPACE = 20;
    private static final int POOL = 10;
    private static final long BUSY_RETRY_MILLIS = 250;
    private static final Duration WARM_UP_LATENCY = Duration.ofSeconds(10);
    private static final String FAKE_GROUP = "fake OpenAI (test harness, not the app; images pre-encoded unless -Dbench.fakeRenders=true)";

    @Autowired
    GenerationService generations;
    @Autowired
    GenerationProperties properties;
    @Autowired
    GalleryService gallery;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DataSource dataSource;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    ConfigurableApplicationContext context;

    private final int n = Integer.getInteger("bench.n", 200);
    private final Duration latency = Duration.ofMillis(Long.getLong("bench.latencyMs", 30_000));
    private final Duration baseline = Duration.ofSeconds(Long.getLong("bench.baselineSeconds", 20));
    private final int sessionCount = Integer.getInteger("bench.sessions", 1000);
    private final Duration probeLatency = Duration.ofMillis(Long.getLong("bench.probeLatencyMs", 2_000));
    private final int probeRuns = Integer.getInteger("bench.probeRuns", 15);
    /** The fake renders and encodes every image anew, as before issue 15 (charges the fake's encoding CPU to the JVM). */
    private final boolean fakeRenders = Boolean.getBoolean("bench.fakeRenders");
    private final boolean previewsAtEnd = Boolean.getBoolean("bench.previewsAtEnd");
    /**
     * Rounds of all N generations (L = 2 s) run before anything is measured, so the figures are those of a server that
     * has been working (its hot paths compiled); 0 measures the first burst after a start, JIT compilation included.
     */
    private final int warmUpRounds = Integer.getInteger("bench.warmUpRounds", 1);
    private final List<String> report = new ArrayList<>();
    private List<TestUser> loadMembers;
    private TestUser viewer;
    private String vaadinMode = "";
    private String warmth = "";

    @AfterEach
    void nobody() {
        LoggedIn.nobody();
    }

    /**
     * One member, an idle app: click "Generate" → the result's thumbnail loaded in Chromium, minus the fake latency.
     * Timed inside the page (the click and the image's load event, both on performance.now()), with the moment the
     * result card entered the DOM (the push applied) in between. Each run is a fresh member, so no cooldown applies.
     */
    @Test
    @Order(0)
    void singleGenerationInBrowser() throws Exception {
        setUp();
        double load = loadAverage();
        fake.reset();
        if (!fakeRenders) {
            fake.reuseEncodedImages();
        }
        answerAfter(probeLatency);
        HttpClient client = BareSession.sharedClient();
        UUID workspace = users.workspaceWithKey("Probe");
        List<long[]> runs = new ArrayList<>();
        // When each probe's result was recorded on the server (its audit event, just before the views are told).
        Map<String, Instant> recorded = new java.util.concurrent.ConcurrentHashMap<>();
        context.addApplicationListener((ApplicationListener<ApplicationEvent>) event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof GenerationFinished f) {
                recorded.putIfAbsent(f.request().prompt(), Instant.now());
            }
        });
        for (int i = 0; i < probeRuns; i++) {
            if (i > 0 && i % PER_WORKSPACE == 0) {
                workspace = users.workspaceWithKey("Probe");
            }
            TestUser member = users.member(workspace, "Prober" + i);
            BareSession session = new BareSession(client, port);
            assertThat(session.logIn(member.username(), TestUsers.PASSWORD)).isTrue();
            browserContext.clearCookies();
            browserContext.addCookies(List.of(new Cookie("JSESSIONID", session.sessionId()).setUrl(url(""))));
            page.navigate(url(""));
            page.getByRole(AriaRole.TEXTBOX, new Page.GetByRoleOptions().setName("Prompt")).fill("probe " + i);
            page.evaluate(PROBE_SCRIPT);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Generate").setExact(true)).click();
            page.waitForFunction("() => window.imgenProbe.visible !== undefined", null,
                    new Page.WaitForFunctionOptions().setTimeout(probeLatency.toMillis() + 120_000));
            @SuppressWarnings("unchecked")
            Map<String, Number> marks = (Map<String, Number>) page.evaluate("() => window.imgenProbe");
            double clicked = marks.get("clicked").doubleValue();
            // The page's performance.timeOrigin and the JVM's Instant read the same machine clock.
            double origin = marks.get("origin").doubleValue();
            String prompt = "probe " + i;
            Instant arrived = fake.requestsTo(FakeOpenAi.GENERATIONS).stream()
                    .filter(r -> prompt.equals(r.jsonMap().get("prompt"))).findFirst().orElseThrow().receivedAt();
            double arrivedMs = arrived.toEpochMilli() - origin;
            double answeredMs = arrivedMs + probeLatency.toMillis();
            double recordedMs = recorded.get(prompt).toEpochMilli() - origin;
            runs.add(new long[] {Math.round(marks.get("inDom").doubleValue() - clicked) - probeLatency.toMillis(),
                    Math.round(marks.get("visible").doubleValue() - clicked) - probeLatency.toMillis(),
                    Math.round(arrivedMs - clicked), Math.round(recordedMs - answeredMs),
                    Math.round(marks.get("inDom").doubleValue() - recordedMs),
                    Math.round(marks.get("visible").doubleValue() - marks.get("inDom").doubleValue())});
        }
        List<String> table = new ArrayList<>(List.of("| Chromium, one generation on an idle app (%d runs, L = %d ms) | p50 | p95 | max |"
                .formatted(runs.size(), probeLatency.toMillis()), "|---|---|---|---|"));
        table.add(probeRow("click → result card in the page (push applied) − L", runs, 0));
        table.add(probeRow("**click → result image visible (thumbnail loaded) − L**", runs, 1));
        table.add(probeRow("of which: click → request arrived at the fake OpenAI (round trip to the server, submission, claim, job start)", runs, 2));
        table.add(probeRow("of which: OpenAI's answer (arrival + L) → result recorded on the server (stream, decodes, files, commit)", runs, 3));
        table.add(probeRow("of which: result recorded → card in the page (audit, views told, push, render)", runs, 4));
        table.add(probeRow("of which: card in the page → thumbnail loaded (image request)", runs, 5));
        section("One generation in Chromium", "load average at start %.2f, at end %.2f".formatted(load, loadAverage()),
                table);
    }

    /** Marks the click, the result card's arrival and its thumbnail's load event on the page's own clock. */
    private static final String PROBE_SCRIPT = """
            () => {
              const probe = window.imgenProbe = {origin: performance.timeOrigin};
              document.addEventListener('click', () => { probe.clicked ??= performance.now(); }, {capture: true, once: true});
              document.addEventListener('load', event => {
                if (event.target.classList && event.target.classList.contains('result-thumb')) {
                  probe.visible ??= performance.now();
                }
              }, true);
              new MutationObserver((changes, observer) => {
                if (document.querySelector('.result-thumb')) {
                  probe.inDom ??= performance.now();
                  observer.disconnect();
                }
              }).observe(document.body, {childList: true, subtree: true});
            }""";

    private static String probeRow(String what, List<long[]> runs, int column) {
        List<Long> values = runs.stream().map(r -> r[column]).sorted().toList();
        return "| %s | %d ms | %d ms | %d ms |".formatted(what, percentile(values, 50), percentile(values, 95),
                values.get(values.size() - 1));
    }

    @Test
    @Order(1)
    void concurrentGenerations() throws Exception {
        setUp();
        double load = loadAverage();
        Run run = start(loadMembers, latency);
        run.awaitAll();
        section("200 concurrent generations", "load average at start %.2f, at end %.2f".formatted(load, loadAverage()),
                run.summary(), run.perJob(), run.cpu());
        assertThat(run.succeeded()).as("succeeded").isEqualTo(n);
        assertThat(run.upstreamCalls).as("upstream calls (no duplicates)").isEqualTo(n);
    }

    @Test
    @Order(2)
    void uiWhileGenerating() throws Exception {
        setUp();
        double load = loadAverage();
        HttpClient client = BareSession.sharedClient();
        // The browser gets a session logged in over HTTP: the login form is not what is measured here, and typing
        // into it raced the form's upgrade on a heavily loaded runner.
        BareSession browser = new BareSession(client, port);
        assertThat(browser.logIn(viewer.username(), TestUsers.PASSWORD)).isTrue();
        browserContext.addCookies(List.of(new Cookie("JSESSIONID", browser.sessionId()).setUrl(url(""))));
        page.navigate(url(""));
        page.locator(".generate-view vaadin-text-area").first().waitFor();
        BareSession http = new BareSession(client, port);
        assertThat(http.logIn(viewer.username(), TestUsers.PASSWORD)).isTrue();

        List<Sample> samples = new CopyOnWriteArrayList<>();
        AtomicBoolean probing = new AtomicBoolean(true);
        ExecutorService probes = Executors.newFixedThreadPool(2);
        Future<?> service = probes.submit(() -> probe(samples, "Gallery first page, GalleryService.page (50 cards)", 100,
                probing, () -> {
                    LoggedIn.as(viewer, memberships);
                    try {
                        return timed(() -> gallery.page(GalleryFilter.ALL, null, 50).items().size());
                    } finally {
                        LoggedIn.nobody();
                    }
                }));
        Future<?> pageLoad = probes.submit(() -> probe(samples, "Gallery page load over HTTP (bootstrap page, UI init, navigation UIDL)", 250,
                probing, () -> timed(() -> assertThat(http.open("gallery")).contains("gallery-view"))));

        Instant idleUntil = Instant.now().plus(baseline);
        while (Instant.now().isBefore(idleUntil)) {
            navigate(samples);
        }
        Run run = start(loadMembers, latency);
        while (!run.finished.await(0, TimeUnit.MILLISECONDS)) {
            navigate(samples);
        }
        run.awaitAll();
        probing.set(false);
        service.get();
        pageLoad.get();
        probes.shutdown();

        List<String> table = new ArrayList<>(List.of(
                "| measurement | phase | samples | p50 | p95 | max |", "|---|---|---|---|---|---|"));
        for (String kind : samples.stream().map(Sample::kind).distinct().toList()) {
            for (String phase : List.of("idle (before)", Run.SUBMITTING, Run.IN_FLIGHT, Run.COMPLETING)) {
                List<Long> millis = samples.stream().filter(s -> s.kind.equals(kind) && run.phaseAt(s.at).equals(phase))
                        .map(Sample::millis).sorted().toList();
                if (!millis.isEmpty()) {
                    table.add("| %s | %s | %d | %d ms | %d ms | %d ms |".formatted(kind, phase, millis.size(),
                            percentile(millis, 50), percentile(millis, 95), millis.get(millis.size() - 1)));
                }
            }
        }
        section("UI while " + n + " generations are in flight",
                "load average at start %.2f, at end %.2f; the same %d generations as above, L = %d ms"
                        .formatted(load, loadAverage(), n, latency.toMillis()),
                table, run.summary());
        assertThat(run.succeeded()).isEqualTo(n);
    }

    @Test
    @Order(3)
    void idleSessions() throws Exception {
        setUp();
        double load = loadAverage();
        HttpClient client = BareSession.sharedClient();
        List<BareSession> sessions = new ArrayList<>();
        for (int i = 0; i < sessionCount; i++) {
            sessions.add(new BareSession(client, port));
        }
        long before = liveHeap();
        long start = System.nanoTime();
        forEach(sessions, session -> assertThat(session.logIn(viewer.username(), TestUsers.PASSWORD)).isTrue());
        long loginMillis = (System.nanoTime() - start) / 1_000_000;
        long afterLogin = liveHeap();
        start = System.nanoTime();
        AtomicLong uidlChars = new AtomicLong();
        forEach(sessions, session -> {
            String uidl = session.open("");
            assertThat(uidl).contains("generate-view");
            uidlChars.addAndGet(uidl.length());
        });
        long openMillis = (System.nanoTime() - start) / 1_000_000;
        long afterUi = liveHeap();

        section(sessionCount + " logged-in idle sessions",
                "load average at start %.2f, at end %.2f; live heap = heap used after three full GCs".formatted(load, loadAverage()),
                List.of("| step | time | live heap after | delta | per session |", "|---|---|---|---|---|",
                        "| before | | %s | | |".formatted(mb(before)),
                        "| %d form logins (login page + POST, session only) | %d ms | %s | %s | %s |".formatted(sessionCount,
                                loginMillis, mb(afterLogin), mb(afterLogin - before), kb((afterLogin - before) / sessionCount)),
                        "| + main view opened in each (bootstrap + init: a Vaadin UI with the Generate view) | %d ms | %s | %s | %s |"
                                .formatted(openMillis, mb(afterUi), mb(afterUi - afterLogin), kb((afterUi - afterLogin) / sessionCount)),
                        "| logged-in session with one UI | | | %s | **%s** |".formatted(mb(afterUi - before),
                                kb((afterUi - before) / sessionCount)),
                        "| (size of the navigation's UIDL answer, per UI) | | | | %s |".formatted(
                                kb(uidlChars.get() / sessionCount))));
    }

    // ---- Generations ----------------------------------------------------------------------------------------------

    /** Members spread over workspaces of 20, plus a viewer whose gallery holds 20 images (made by a warm-up round). */
    private void setUp() throws Exception {
        if (loadMembers != null) {
            return;
        }
        List<TestUser> members = new ArrayList<>();
        UUID workspace = null;
        for (int i = 0; i < n; i++) {
            if (i % PER_WORKSPACE == 0) {
                workspace = users.workspaceWithKey("Load");
            }
            members.add(users.member(workspace, "Member" + i));
        }
        UUID viewers = users.workspaceWithKey("Viewer");
        viewer = users.member(viewers, "Viewer");
        List<TestUser> warmUp = new ArrayList<>(List.of(viewer));
        for (int i = 1; i < PER_WORKSPACE; i++) {
            warmUp.add(users.member(viewers, "Painter" + i));
        }
        // Warms up the JIT, the SDK client, the thumbnailer; fills the viewer's gallery.
        Run run = start(warmUp, Duration.ZERO);
        run.awaitAll();
        assertThat(run.succeeded()).as("warm-up").isEqualTo(PER_WORKSPACE);
        BareSession probe = new BareSession(BareSession.sharedClient(), port);
        assertThat(probe.logIn(viewer.username(), TestUsers.PASSWORD)).isTrue();
        assertThat(probe.open("")).contains("generate-view");
        // Development mode records where every component was created (ComponentTracker): several times the heap
        // per UI, and figures nobody runs in production.
        assertThat(probe.productionMode()).as("Vaadin production mode: run the load benchmark with -Pproduction").isTrue();
        vaadinMode = "Vaadin production mode";
        for (int round = 0; round < warmUpRounds; round++) {
            Run warming = start(members, WARM_UP_LATENCY);
            warming.awaitAll();
            assertThat(warming.succeeded()).as("warm-up round").isEqualTo(n);
        }
        warmth = warmUpRounds == 0 ? "a cold JVM (nothing ran before but a round of " + PER_WORKSPACE + ")"
                : "a warm JVM (%d round%s of all %d generations at L = %d s ran first)".formatted(warmUpRounds,
                        warmUpRounds == 1 ? "" : "s", n, WARM_UP_LATENCY.toSeconds());
        loadMembers = members;
    }

    /** Submits one generation per member, all released at the same instant; returns while they run. */
    private Run start(List<TestUser> members, Duration upstreamLatency) throws InterruptedException {
        fake.reset();
        answerAfter(upstreamLatency);
        if (!fakeRenders) {
            fake.reuseEncodedImages();
        }
        ExecutorService submitters = Executors.newFixedThreadPool(members.size());
        // The submitters stand in for browsers, the fake's threads for OpenAI: neither is the app's.
        Run run = new Run(members.size(), upstreamLatency, new Sampler(dataSource,
                () -> ((java.util.concurrent.ThreadPoolExecutor) submitters).getPoolSize() + fake.serverThreads()));
        CountDownLatch ready = new CountDownLatch(members.size());
        CountDownLatch go = new CountDownLatch(1);
        for (int i = 0; i < members.size(); i++) {
            int index = i;
            Job job = run.jobs.get(i);
            TestUser member = members.get(i);
            submitters.submit(() -> {
                LoggedIn.as(member, memberships);
                ready.countDown();
                go.await();
                job.clicked = Instant.now();
                try {
                    UUID submission = UUID.randomUUID();
                    UUID id = null;
                    while (id == null) {
                        try {
                            id = generations.submit(GenerationRequest.of(prompt(index), ImageOptions.DEFAULTS
                                    .withSize("1024x1024").withQuality("low")).withSubmissionId(submission));
                        } catch (UserInputException refused) {
                            if (!refused.getMessage().startsWith("Busy")) {
                                throw refused;
                            }
                            // The member reads "Busy" and clicks again a moment later (a think time, not a wait on state).
                            run.busyRefusals.incrementAndGet();
                            TimeUnit.MILLISECONDS.sleep(BUSY_RETRY_MILLIS);
                        }
                    }
                    job.id = id;
                    job.accepted = Instant.now();
                    run.submitted();
                    job.unwatch = generations.watch(id, event -> {
                        if (event instanceof GenerationEvent.Finished f) {
                            run.finish(job, f.status());
                        }
                    });
                    generations.find(id).filter(d -> d.status().finished()).ifPresent(d -> run.finish(job, d.status()));
                    if (job.done.get()) {
                        job.unwatch.run();
                    }
                } catch (RuntimeException e) {
                    job.error = e.getClass().getSimpleName() + ": " + e.getMessage();
                    run.submitted();
                    run.finish(job, null);
                } finally {
                    LoggedIn.nobody();
                }
                return null;
            });
        }
        // Shut down only after the CPU snapshot (awaitAll): the submitters' CPU is the admission's.
        run.submitters = submitters;
        ready.await();
        run.begin();
        go.countDown();
        return run;
    }

    /**
     * The fake answers each request {@code latency} after it arrives. Its two partial images come during that time,
     * at a third and two thirds of it, as OpenAI streams them while it draws; with {@code -Dbench.previewsAtEnd=true}
     * they come together with the final image instead (the model of the first two rounds, which charges their decodes
     * to the time after the answer).
     */
    private void answerAfter(Duration latency) {
        Duration spacing = previewsAtEnd ? Duration.ZERO : latency.dividedBy(3);
        fake.setLatency(latency.minus(spacing.multipliedBy(2)));
        fake.setStreamEventDelay(spacing);
    }

    private static String prompt(int job) {
        return "benchmark image " + job;
    }

    /** One generation as the submitting member saw it. */
    private static final class Job {
        volatile UUID id;
        volatile Instant clicked;
        volatile Instant accepted;
        volatile Instant requestSent;
        volatile Instant finished;
        volatile GenerationStatus status;
        volatile String error;
        /** Stops following the job, as a view does at its end (a follower left behind is polled for ever). */
        volatile Runnable unwatch;
        final AtomicBoolean done = new AtomicBoolean();
    }

    /** One round of generations: jobs, phase marks, the sampler's peaks and CPU by thread group. */
    private final class Run {
        static final String SUBMITTING = "submitting";
        static final String IN_FLIGHT = "in flight";
        static final String COMPLETING = "completing";

        final List<Job> jobs = new ArrayList<>();
        final Duration latency;
        final Sampler sampler;
        final CountDownLatch pending;
        final CountDownLatch finished;
        final Map<Long, ThreadCpu> cpuBefore = new HashMap<>();
        ExecutorService submitters;
        long processCpuBefore;
        volatile Instant begun;
        volatile Instant allSubmitted;
        volatile Instant firstFinished;
        volatile Instant lastFinished;
        long processCpu;
        final AtomicLong busyRefusals = new AtomicLong();
        long acquireMaxMillis;
        long poolTimeouts;
        private double timeoutsBefore;
        Map<String, Long> cpuByGroup;
        int upstreamCalls;

        Run(int size, Duration latency, Sampler sampler) {
            for (int i = 0; i < size; i++) {
                jobs.add(new Job());
            }
            this.latency = latency;
            this.sampler = sampler;
            this.pending = new CountDownLatch(size);
            this.finished = new CountDownLatch(size);
        }

        void begin() {
            ManagementFactory.getThreadMXBean().resetPeakThreadCount();
            snapshotCpu(cpuBefore);
            processCpuBefore = processCpu();
            timeoutsBefore = poolTimeoutCount();
            sampler.start();
            sampler.phase(SUBMITTING);
            begun = Instant.now();
        }

        synchronized void submitted() {
            pending.countDown();
            if (pending.getCount() == 0) {
                allSubmitted = Instant.now();
                if (firstFinished == null) {
                    sampler.phase(IN_FLIGHT);
                }
            }
        }

        void finish(Job job, GenerationStatus status) {
            if (!job.done.compareAndSet(false, true)) {
                return;
            }
            job.finished = Instant.now();
            Runnable unwatch = job.unwatch;
            if (unwatch != null) {
                unwatch.run();
            }
            job.status = status;
            synchronized (this) {
                // A refused submission is no result: the phases follow the generations that ran.
                if (firstFinished == null && status != null) {
                    firstFinished = job.finished;
                    sampler.phase(COMPLETING);
                }
            }
            finished.countDown();
        }

        void awaitAll() throws Exception {
            assertThat(finished.await(15, TimeUnit.MINUTES)).as("all generations finished").isTrue();
            lastFinished = jobs.stream().map(j -> j.finished).max(Instant::compareTo).orElseThrow();
            sampler.stop();
            processCpu = processCpu() - processCpuBefore;
            var acquire = meters.find("hikaricp.connections.acquire").timer();
            // The timer's max covers a sliding window of a few minutes: this run and at most the tail of the one before.
            acquireMaxMillis = acquire == null ? -1 : (long) acquire.max(TimeUnit.MILLISECONDS);
            poolTimeouts = (long) (poolTimeoutCount() - timeoutsBefore);
            Map<Long, ThreadCpu> after = new HashMap<>();
            snapshotCpu(after);
            submitters.shutdown();
            cpuByGroup = new java.util.TreeMap<>();
            after.forEach((id, now) -> {
                ThreadCpu then = cpuBefore.get(id);
                cpuByGroup.merge(group(now.name), now.nanos - (then == null ? 0 : then.nanos), Long::sum);
            });
            upstreamCalls = fake.requestsTo(FakeOpenAi.GENERATIONS).size();
            // The fake's arrival times are on the real clock (the app's rows are on the test clock); each job's prompt
            // is its own, so its request is found by prompt.
            Map<String, Instant> arrived = new HashMap<>();
            fake.requestsTo(FakeOpenAi.GENERATIONS).forEach(r -> arrived.put(String.valueOf(r.jsonMap().get("prompt")),
                    r.receivedAt()));
            for (int i = 0; i < jobs.size(); i++) {
                jobs.get(i).requestSent = arrived.get(prompt(i));
            }
            jobs.stream().filter(j -> j.error != null).limit(3).forEach(j -> System.out.println("Submission failed: " + j.error));
        }

        long succeeded() {
            return jobs.stream().filter(j -> j.status == GenerationStatus.SUCCEEDED).count();
        }

        String phaseAt(Instant at) {
            if (begun == null || at.isBefore(begun)) {
                return "idle (before)";
            }
            if (allSubmitted == null || at.isBefore(allSubmitted)) {
                return firstFinished != null && !at.isBefore(firstFinished) ? COMPLETING : SUBMITTING;
            }
            return firstFinished == null || at.isBefore(firstFinished) ? IN_FLIGHT : COMPLETING;
        }

        List<String> summary() {
            long wall = Duration.between(begun, lastFinished).toMillis();
            long burst = Duration.between(begun, allSubmitted).toMillis();
            List<String> rows = new ArrayList<>(List.of(
                    "| N | workers | L | wall (first click → last result) | wall / L | submit burst (first click → last accepted) | succeeded | upstream calls | heap used peak (sampled) | heap after GC peak | live threads peak: JVM / app |",
                    "|---|---|---|---|---|---|---|---|---|---|---|",
                    "| %d | %d | %d ms | %d ms | **%.3f** | %d ms | %d | %d | %s | **%s** | %d / **%d** |".formatted(jobs.size(),
                            properties.workers(), latency.toMillis(), wall, (double) wall / latency.toMillis(), burst,
                            succeeded(), upstreamCalls, mb(sampler.heapPeak.get()), mb(sampler.heapAfterGcPeak.get()),
                            ManagementFactory.getThreadMXBean().getPeakThreadCount(), sampler.appThreadsPeak.get()),
                    "",
                    refusals(),
                    "",
                    ("App threads: live platform threads minus the harness's (the submitting threads, which stand in for "
                            + "browsers, and the fake OpenAI's server threads). Database connection acquisition in this "
                            + "run: longest wait **%d ms**, pool timeouts **%d**. Submissions refused as Busy (each "
                            + "retried %d ms later, as a member clicking again): **%d**.").formatted(acquireMaxMillis,
                            poolTimeouts, BUSY_RETRY_MILLIS, busyRefusals.get()),
                    "",
                    "| phase | duration | DB pool active peak (of " + POOL + ") | DB pool threads waiting, peak | heap used peak | heap after GC peak | live threads peak: JVM / app |",
                    "|---|---|---|---|---|---|---|"));
            Map<String, Long> durations = Map.of(SUBMITTING, Duration.between(begun, allSubmitted).toMillis(),
                    IN_FLIGHT, Math.max(0, Duration.between(allSubmitted, firstFinished).toMillis()),
                    COMPLETING, Duration.between(firstFinished, lastFinished).toMillis());
            for (String phase : List.of(SUBMITTING, IN_FLIGHT, COMPLETING)) {
                Sampler.Peaks peaks = sampler.peaks(phase);
                if (peaks != null) {
                    rows.add("| %s | %d ms | %d | **%d** | %s | %s | %d / %d |".formatted(phase, durations.get(phase),
                            peaks.poolActive.get(), peaks.poolPending.get(), mb(peaks.heapUsed.get()),
                            mb(peaks.heapAfterGc.get()), peaks.threads.get(), peaks.appThreads.get()));
                }
            }
            return rows;
        }

        private String refusals() {
            List<String> errors = jobs.stream().map(j -> j.error).filter(java.util.Objects::nonNull).toList();
            if (errors.isEmpty()) {
                return "Every submission was accepted.";
            }
            // jOOQ puts the SQL first; the cause is after it.
            String first = errors.get(0);
            int sql = first.lastIndexOf("]; ");
            return "Submissions that failed: %d; first: `%s`".formatted(errors.size(),
                    sql < 0 ? first : first.substring(0, first.indexOf(':') + 1) + " " + first.substring(sql + 3));
        }

        List<String> perJob() {
            List<String> rows = new ArrayList<>(List.of("| per job | p50 | p95 | max |", "|---|---|---|---|"));
            rows.add(stat("submit() call: checks, atomic admission, job row, then the worker's drain()",
                    j -> Duration.between(j.clicked, j.accepted).toMillis()));
            rows.add(stat("click → request arrived at the fake OpenAI", j -> Duration.between(j.clicked, j.requestSent).toMillis()));
            rows.add(stat("**OpenAI's answer → result event: result − request arrival − L** (stream, decode, thumbnail, files, fenced write)",
                    j -> Duration.between(j.requestSent, j.finished).minus(latency).toMillis()));
            rows.add(stat("**app overhead: result event − click − L**", j -> Duration.between(j.clicked, j.finished).minus(latency).toMillis()));
            return rows;
        }

        private String stat(String what, java.util.function.ToLongFunction<Job> measure) {
            List<Long> values = jobs.stream().filter(j -> j.requestSent != null && j.finished != null && j.accepted != null)
                    .map(measure::applyAsLong).sorted().toList();
            return "| %s | %d ms | %d ms | %d ms |".formatted(what, percentile(values, 50), percentile(values, 95),
                    values.isEmpty() ? 0 : values.get(values.size() - 1));
        }

        List<String> cpu() {
            List<String> rows = new ArrayList<>(List.of("| JVM CPU during the run (PostgreSQL and the browser are other processes) | CPU time |",
                    "|---|---|", "| whole JVM | %.1f s (%.2f cores over the wall time) |".formatted(processCpu / 1e9,
                            processCpu / 1e6 / Duration.between(begun, lastFinished).toMillis())));
            cpuByGroup.forEach((group, nanos) -> rows.add("| %s | %.1f s |".formatted(group, nanos / 1e9)));
            long attributed = cpuByGroup.values().stream().mapToLong(Long::longValue).sum();
            rows.add("| not attributed: GC and JIT threads (invisible to ThreadMXBean), threads that ended | %.1f s |"
                    .formatted((processCpu - attributed) / 1e9));
            long fakeNanos = cpuByGroup.getOrDefault(FAKE_GROUP, 0L);
            rows.add("| **the app's CPU per image: (whole JVM − fake OpenAI) / %d** | **%.0f ms** |".formatted(jobs.size(),
                    (processCpu - fakeNanos) / 1e6 / jobs.size()));
            return rows;
        }
    }

    private double poolTimeoutCount() {
        var timeouts = meters.find("hikaricp.connections.timeout").counter();
        return timeouts == null ? 0 : timeouts.count();
    }

    private record ThreadCpu(String name, long nanos) {
    }

    private static void snapshotCpu(Map<Long, ThreadCpu> into) {
        var threads = ManagementFactory.getThreadMXBean();
        for (var info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null) {
                long nanos = threads.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    into.put(info.getThreadId(), new ThreadCpu(info.getThreadName(), nanos));
                }
            }
        }
    }

    private static String group(String threadName) {
        if (threadName.startsWith("fake-openai-")) {
            return FAKE_GROUP;
        }
        if (threadName.startsWith("generation-")) {
            return "generation workers (SDK, decode, thumbnails, files, result write)";
        }
        if (threadName.startsWith("pool-") || threadName.startsWith("bench-")) {
            return "benchmark threads: the submitters (they run GenerationService.submit), probes, sampler";
        }
        if (threadName.startsWith("http-nio-")) {
            return "Tomcat (HTTP, push)";
        }
        return "other threads";
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    // ---- UI probes ------------------------------------------------------------------------------------------------

    private record Sample(String kind, Instant at, long millis) {
    }

    @FunctionalInterface
    private interface Probe {
        long run() throws Exception;
    }

    @FunctionalInterface
    private interface Step {
        Object run() throws Exception;
    }

    private static long timed(Step step) throws Exception {
        long start = System.nanoTime();
        step.run();
        return (System.nanoTime() - start) / 1_000_000;
    }

    /** Repeats a measurement at a fixed pace (a sampling interval, not synchronisation) until told to stop. */
    private static Void probe(List<Sample> samples, String kind, long paceMillis, AtomicBoolean running, Probe probe)
            throws Exception {
        while (running.get()) {
            Instant at = Instant.now();
            samples.add(new Sample(kind, at, probe.run()));
            TimeUnit.MILLISECONDS.sleep(paceMillis);
        }
        return null;
    }

    /** Side navigation Generate → Gallery → Generate in the browser, each timed from click to the view's content. */
    private void navigate(List<Sample> samples) {
        Locator galleryCard = page.locator(".gallery-card[data-image]").first();
        Locator prompt = page.locator(".generate-view vaadin-text-area").first();
        Instant at = Instant.now();
        long start = System.nanoTime();
        navItem("Gallery").click();
        galleryCard.waitFor();
        samples.add(new Sample("Navigation Generate → Gallery in Chromium (click → first card visible)", at,
                (System.nanoTime() - start) / 1_000_000));
        at = Instant.now();
        start = System.nanoTime();
        navItem("Generate").click();
        prompt.waitFor();
        samples.add(new Sample("Navigation Gallery → Generate in Chromium (click → prompt field visible)", at,
                (System.nanoTime() - start) / 1_000_000));
    }

    private Locator navItem(String label) {
        return page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText(label)).first();
    }

    // ---- Sessions -------------------------------------------------------------------------------------------------

    @FunctionalInterface
    private interface SessionStep {
        void run(BareSession session) throws Exception;
    }

    /** The step for every session, on 4 client threads (a login hashes a password: CPU-bound on the server). */
    private static void forEach(List<BareSession> sessions, SessionStep step) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (BareSession session : sessions) {
            done.add(clients.submit(() -> {
                step.run(session);
                return null;
            }));
        }
        for (Future<?> future : done) {
            future.get();
        }
        clients.shutdown();
    }

    /** Heap in use after full collections: what is still referenced. */
    private static long liveHeap() {
        long live = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            live = Math.min(live, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return live;
    }

    // ---- Report ---------------------------------------------------------------------------------------------------

    @SafeVarargs
    private void section(String title, String conditions, List<String>... tables) throws IOException {
        List<String> lines = new ArrayList<>(List.of("### " + title, "",
                "%s, %d cores, JDK %s, %s, %s, %s; %s.".formatted(LocalDate.now(), Runtime.getRuntime().availableProcessors(),
                        System.getProperty("java.version"), maxHeap(), vaadinMode, warmth, conditions), ""));
        for (List<String> table : tables) {
            lines.addAll(table);
            lines.add("");
        }
        report.addAll(lines);
        String text = String.join("\n", lines);
        System.out.println("\n" + text);
        Path file = Paths.get("target", "bench", "load.md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n", report) + "\n");
    }

    private static String maxHeap() {
        return "heap max " + mb(Runtime.getRuntime().maxMemory());
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static String mb(long bytes) {
        return String.format(Locale.ROOT, "%,d MB", bytes / 1_000_000);
    }

    private static String kb(long bytes) {
        return String.format(Locale.ROOT, "%,.1f KB", bytes / 1000.0);
    }
}
