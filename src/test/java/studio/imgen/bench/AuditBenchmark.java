package studio.imgen.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.audit.AuditAction;
import studio.imgen.audit.AuditCursor;
import studio.imgen.audit.AuditFilter;
import studio.imgen.audit.AuditRow;
import studio.imgen.audit.AuditService;
import studio.imgen.audit.UsageService;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * The audit log at 1,000,000 entries in one workspace: page, deep-page, filtered and full-text query times through
 * the real AuditService (security and workspace check included), and the CSV export's time and heap. Seeded with one
 * INSERT … SELECT generate_series. Not part of the normal test run (its name does not end in Test); see
 * bench/README.md. Targets from issue #6: page < 50 ms, filtered < 100 ms, export with flat heap.
 */
@IntegrationTest
class AuditBenchmark {

    static final int USERS = 20;

    @Autowired
    AuditService audit;
    @Autowired
    UsageService usage;
    @Autowired
    TestUsers users;
    @Autowired
    MembershipLookup memberships;
    @Autowired
    DSLContext db;

    final List<String> rows = new ArrayList<>();

    @AfterEach
    void logOut() {
        LoggedIn.nobody();
    }

    @Test
    void oneMillionEntries() throws Exception {
        int n = Integer.getInteger("bench.rows", 1_000_000);
        UUID workspace = users.workspace("AuditBench");
        TestUser admin = users.admin(workspace, "BenchAdmin");
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            members.add(users.member(workspace, "Member" + i).id());
        }

        long t0 = System.nanoTime();
        int inserted = db.execute("""
                insert into audit_log (at, workspace_id, actor_id, actor_name, category, action, outcome, status,
                                       target_type, target_id, generation_id, prompt, model, size, quality, n,
                                       background, output_format, moderation, reference_count, has_mask, latency_ms,
                                       openai_request_id, text_input_tokens, image_input_tokens, image_output_tokens,
                                       cost_micros, image_ids, details)
                select now() - make_interval(secs => i * 7), ?::uuid, (?::uuid[])[1 + i % 20], 'Member ' || (i % 20),
                       'generation', case when i % 5 = 0 then 'edit' else 'generate' end,
                       case when i % 10 = 9 then 'failure' else 'success' end,
                       case when i % 2 = 0 then 'admitted' when i % 10 = 9 then 'failed' else 'succeeded' end,
                       'generation', md5(i::text)::uuid, md5(i::text)::uuid,
                       'a ' || (array['red','blue','green','golden','tiny','giant','sleepy'])[1 + i % 7] || ' '
                           || (array['fox','whale','castle','robot','lighthouse','forest','dragon','teapot','city',
                                     'garden','owl'])[1 + (i / 7) % 11]
                           || case when i % 1000 = 0 then ' with a zebra' else '' end
                           || ' in scene ' || i,
                       (array['gpt-image-2','gpt-image-1.5','gpt-image-1-mini','gpt-image-1'])[1 + (i / 3) % 4],
                       '1024x1024', 'low', 1, 'auto', 'png', 'auto', 0, false,
                       case when i % 2 = 1 then 12000 + i % 5000 end,
                       case when i % 2 = 1 then 'req_' || md5(i::text) end,
                       case when i % 2 = 1 then 20 end, case when i % 2 = 1 then 0 end,
                       case when i % 2 = 1 and i % 10 <> 9 then 272 end,
                       case when i % 2 = 1 and i % 10 <> 9 then 8704 + i % 100 end,
                       case when i % 2 = 1 and i % 10 <> 9 then array[gen_random_uuid()] else '{}'::uuid[] end,
                       jsonb_build_object('attempts', 1)
                  from generate_series(1, ?) as i
                """, workspace, "{" + members.stream().map(UUID::toString).collect(Collectors.joining(",")) + "}", n);
        long seedMillis = millisSince(t0);
        t0 = System.nanoTime();
        db.execute("analyze audit_log");
        long analyzeMillis = millisSince(t0);
        assertThat(inserted).isEqualTo(n);
        String size = db.fetchValue("select pg_size_pretty(pg_total_relation_size('audit_log'))").toString();

        LoggedIn.as(admin, memberships);
        UUID member3 = members.get(3);
        AuditFilter all = audit.open(AuditFilter.none()).filter();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);

        time("open (pin + totals), no filter, " + n + " entries", () -> audit.open(AuditFilter.none()).totals().entries());
        time("first page (50), no filter", () -> audit.page(all, null, 0, 50).size());
        List<AuditRow> first = audit.page(all, null, 0, 50);
        time("next page (50) by keyset", () -> audit.page(all, first.get(49).cursor(), 0, 50).size());
        int deepAt = n / 10 * 9;
        int knownAt = n / 20 * 17;
        AuditCursor deep = audit.page(all, null, deepAt - 1, 1).get(0).cursor();
        AuditCursor known = audit.page(all, null, knownAt - 1, 1).get(0).cursor();
        time("deep page (50) at " + deepAt + " by keyset", () -> audit.page(all, deep, 0, 50).size());
        time("deep page (50) at " + deepAt + " by offset (a scrollbar jump, nothing known)",
                () -> audit.page(all, null, deepAt, 50).size());
        time("deep page (50) at " + deepAt + " from the known position " + knownAt,
                () -> audit.page(all, known, deepAt - knownAt, 50).size());
        AuditFilter byUser = pinned(new AuditFilter(null, null, member3, null, null, null, null, null));
        time("filtered: user (1/20), first page", () -> audit.page(byUser, null, 0, 50).size());
        AuditFilter byUserModelStatus = pinned(new AuditFilter(null, null, member3, AuditAction.GENERATE, "gpt-image-1.5",
                "succeeded", null, null));
        time("filtered: user + action + model + status, first page", () -> audit.page(byUserModelStatus, null, 0, 50).size());
        AuditFilter byDates = pinned(new AuditFilter(today.minusDays(60), today.minusDays(45), null, null, null, null, null, null));
        time("filtered: date range 60–45 days ago, first page", () -> audit.page(byDates, null, 0, 50).size());
        AuditFilter rare = pinned(new AuditFilter(null, null, null, null, null, null, "zebra", null));
        time("full-text: rare word (1/1000), first page", () -> audit.page(rare, null, 0, 50).size());
        AuditFilter common = pinned(new AuditFilter(null, null, null, null, null, null, "fox", null));
        time("full-text: common word (1/11), first page", () -> audit.page(common, null, 0, 50).size());
        AuditFilter phrase = pinned(new AuditFilter(null, null, member3, null, null, null, "\"red fox\"", null));
        time("full-text phrase + user, first page", () -> audit.page(phrase, null, 0, 50).size());
        time("totals: rare word", () -> audit.totals(rare).entries());
        time("totals: common word", () -> audit.totals(common).entries());
        time("totals: user", () -> audit.totals(byUser).entries());
        time("usage report, 90 days, whole workspace", () -> usage.report(90).total().generations(), 3);
        UUID finishing = db.resultQuery("select generation_id from audit_log where status = 'admitted' order by at"
                + " limit 1 offset ?", n / 4).fetchOne(0, UUID.class);
        time("a finishing generation's admitted entry (its token, GenerationAuditor on every result)",
                () -> db.fetchValue("select details ->> 'via_token' from audit_log where workspace_id = ?"
                        + " and generation_id = ? and status = 'admitted' limit 1", workspace, finishing));

        Export everything = export(all, false);
        Export foxes = export(common, false);
        Export probe = export(all, true);

        String table = "| measurement | median | max | result |\n|---|---|---|---|\n" + String.join("\n", rows);
        System.out.printf("%nAUDIT BENCHMARK (%d entries; seed %d ms, analyze %d ms, table with indexes %s)%n%s%n%n"
                        + "| CSV export | rows | bytes | time | rows/s | heap peak (sampled) |%n|---|---|---|---|---|---|%n"
                        + "| everything | %d | %d MB | %d ms | %d | %d MB |%n| full-text \"fox\" | %d | %d MB | %d ms | %d | %d MB |%n%n"
                        + "Live heap after a full GC while the export runs (every 200,000 rows): %s MB%n",
                n, seedMillis, analyzeMillis, size, table,
                everything.rows, everything.bytes / 1_000_000, everything.millis, everything.rows * 1000 / Math.max(1, everything.millis), everything.heapPeak / 1_000_000,
                foxes.rows, foxes.bytes / 1_000_000, foxes.millis, foxes.rows * 1000 / Math.max(1, foxes.millis), foxes.heapPeak / 1_000_000,
                probe.liveHeap.stream().map(b -> String.valueOf(b / 1_000_000)).collect(Collectors.joining(" → ")));
        assertThat(everything.rows).isEqualTo(n);
    }

    private AuditFilter pinned(AuditFilter filter) {
        return audit.open(filter).filter();
    }

    private void time(String what, Supplier<Object> query) {
        time(what, query, 15);
    }

    /** Three warm-up runs, then {@code runs} timed ones. */
    private void time(String what, Supplier<Object> query, int runs) {
        Object result = null;
        for (int i = 0; i < 3; i++) {
            result = query.get();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            result = query.get();
            millis.add((System.nanoTime() - t) / 1e6);
        }
        Collections.sort(millis);
        rows.add(String.format("| %s | %.1f ms | %.1f ms | %s |", what, millis.get(millis.size() / 2),
                millis.get(millis.size() - 1), result));
    }

    record Export(long rows, long bytes, long millis, long heapPeak, List<Long> liveHeap) {
    }

    /**
     * Exports into a stream that only counts. With {@code probeHeap}, a full GC every 200,000 rows measures the live
     * heap (what the export holds on to); that run is not timed.
     */
    private Export export(AuditFilter filter, boolean probeHeap) throws InterruptedException {
        List<Long> liveHeap = new ArrayList<>();
        AtomicLong bytes = new AtomicLong();
        AtomicLong newlines = new AtomicLong();
        OutputStream counting = new OutputStream() {
            @Override
            public void write(int b) {
                count(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count(b, off, len);
            }

            private void count(byte[] b, int off, int len) {
                bytes.addAndGet(len);
                for (int i = off; i < off + len; i++) {
                    if (b[i] == '\n' && newlines.incrementAndGet() % 200_000 == 0 && probeHeap) {
                        System.gc();
                        liveHeap.add(usedHeap());
                    }
                }
            }
        };
        System.gc();
        if (probeHeap) {
            liveHeap.add(usedHeap());
        }
        HeapSampler sampler = new HeapSampler();
        sampler.start();
        long t = System.nanoTime();
        long written = audit.exportCsv(filter, counting);
        long millis = millisSince(t);
        sampler.stop();
        return new Export(written, bytes.get(), millis, sampler.peak.get(), liveHeap);
    }

    private static long usedHeap() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long millisSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Samples used heap every 20 ms. */
    static final class HeapSampler {
        final AtomicLong peak = new AtomicLong();
        private volatile boolean running = true;
        private Thread thread;

        void start() {
            thread = new Thread(() -> {
                while (running) {
                    peak.accumulateAndGet(usedHeap(), Math::max);
                    try {
                        TimeUnit.MILLISECONDS.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-heap-sampler");
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }
}
