package studio.imgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationProperties;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * N concurrent generations against the fake OpenAI with latency L, through the real service, worker pool, SDK,
 * storage and PostgreSQL. Not part of the normal test run (its name does not end in Test); see bench/README.md.
 */
@IntegrationTest
class GenerationBenchmark {

    @Autowired
    GenerationService generations;
    @Autowired
    GenerationProperties properties;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    FakeOpenAi fake;
    @Autowired
    DataSource dataSource;

    @Test
    void concurrentGenerations() throws Exception {
        int n = Integer.getInteger("bench.n", 40);
        Duration latency = Duration.ofMillis(Long.getLong("bench.latencyMs", 2000));
        fake.reset();
        fake.setLatency(latency);
        List<TestUser> members = new ArrayList<>();
        UUID workspace = null;
        for (int i = 0; i < n; i++) {
            if (i % 20 == 0) {
                workspace = users.workspaceWithKey("Bench");
            }
            members.add(users.member(workspace, "Member" + i));
        }
        Sampler sampler = new Sampler(dataSource);
        CountDownLatch finished = new CountDownLatch(n);
        List<Long> submitMillis = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger succeeded = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService submitters = Executors.newFixedThreadPool(Math.min(n, 32));

        sampler.start();
        long t0 = System.nanoTime();
        for (TestUser member : members) {
            submitters.submit(() -> {
                LoggedIn.as(member, memberships);
                try {
                    start.await();
                    long s = System.nanoTime();
                    UUID id = generations.submit(GenerationRequest.of("benchmark image", ImageOptions.DEFAULTS
                            .withSize("1024x1024").withQuality("low")));
                    submitMillis.add((System.nanoTime() - s) / 1_000_000);
                    generations.watch(id, event -> {
                        if (event instanceof GenerationEvent.Finished f) {
                            if (f.status() == GenerationStatus.SUCCEEDED) {
                                succeeded.incrementAndGet();
                            }
                            finished.countDown();
                        }
                    });
                    if (generations.find(id).orElseThrow().status().finished()) {
                        succeeded.incrementAndGet();
                        finished.countDown();
                    }
                } catch (Exception e) {
                    e.printStackTrace();
                    finished.countDown();
                } finally {
                    LoggedIn.nobody();
                }
                return null;
            });
        }
        start.countDown();
        assertThat(finished.await(10, TimeUnit.MINUTES)).isTrue();
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        sampler.stop();
        submitters.shutdown();

        int workers = properties.workers();
        long rounds = (n + workers - 1) / workers;
        long idealMillis = rounds * latency.toMillis();
        Collections.sort(submitMillis);
        String table = String.format("""
                | N | workers | L | wall | ideal (⌈N/workers⌉·L) | wall / ideal | overhead per round | submit p50 / p95 | succeeded | heap peak | threads peak | DB pool pending peak |
                |---|---|---|---|---|---|---|---|---|---|---|---|
                | %d | %d | %d ms | %d ms | %d ms | %.3f | %d ms | %d / %d ms | %d | %d MB | %d | %d |
                """, n, workers, latency.toMillis(), wallMillis, idealMillis, (double) wallMillis / idealMillis,
                (wallMillis - idealMillis) / rounds, percentile(submitMillis, 50), percentile(submitMillis, 95),
                succeeded.get(), sampler.heapPeak.get() / 1_000_000,
                ManagementFactory.getThreadMXBean().getPeakThreadCount(), sampler.pendingPeak.get());
        System.out.println("\nGENERATION BENCHMARK\n" + table);
        assertThat(succeeded.get()).isEqualTo(n);
    }

    private static long percentile(List<Long> sorted, int p) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }
}
