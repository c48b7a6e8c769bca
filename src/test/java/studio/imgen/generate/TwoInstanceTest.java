package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.MEMBER_USAGE;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import studio.imgen.Application;
import studio.imgen.admin.DefaultsChange;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.workspace.MemberService;
import studio.imgen.access.RoleAccessService;
import studio.imgen.access.RuleDraft;
import studio.imgen.admin.WorkspaceSettingsService;
import studio.imgen.base.UserInputException;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.security.MembershipLookup;
import studio.imgen.testsupport.JobRows;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestBeans;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Two app instances (two Spring contexts, each with its own web server on a loopback port, worker pool and fake
 * OpenAI) on ONE PostgreSQL, as behind a load balancer: everything they must agree on lives in the database.
 * The background poll is off (test profile), so the test drives recovery itself: no sleeps, no timing luck.
 */
class TwoInstanceTest {

    static final int SUBMISSIONS_PER_INSTANCE = 10;

    static EmbeddedPostgres postgres;
    static Path dataDir;
    static Instance a;
    static Instance b;

    /** One running app: its context and the beans the test drives. */
    record Instance(ConfigurableApplicationContext context) {
        <T> T bean(Class<T> type) {
            return context.getBean(type);
        }

        GenerationService generations() {
            return bean(GenerationService.class);
        }

        int port() {
            return ((WebServerApplicationContext) context).getWebServer().getPort();
        }
    }

    @BeforeAll
    static void startTwoInstances() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        dataDir = Files.createTempDirectory("imgen-two-instances");
        String masterKey = Base64.getEncoder().encodeToString(new byte[32]);
        a = start(masterKey);
        b = start(masterKey);
    }

    private static Instance start(String masterKey) {
        // Command-line arguments outrank application-test.properties, which asks for a private embedded database.
        return new Instance(new SpringApplicationBuilder(Application.class, TestBeans.class)
                .profiles("test")
                .run("--app.db.embedded=false",
                        "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=postgres",
                        "--server.port=0",
                        "--server.address=127.0.0.1",
                        // Shared image storage, as a shared volume or bucket would be.
                        "--app.data-dir=" + dataDir,
                        "--app.master-key=" + masterKey));
    }

    @AfterAll
    static void stop() throws Exception {
        for (Instance instance : new Instance[] {a, b}) {
            if (instance != null) {
                instance.context().close();
            }
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @AfterEach
    void nobody() {
        LoggedIn.nobody();
    }

    @Test
    void bothInstancesAreReadyOnTheirOwnPorts() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (Instance instance : List.of(a, b)) {
            HttpResponse<String> ready = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + instance.port() + "/actuator/health/readiness")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body()).contains("\"UP\"");
        }
        assertThat(a.port()).isNotEqualTo(b.port());
    }

    @RepeatedTest(3)
    void aCooldownRaceAcrossBothInstancesAdmitsExactlyOne() throws Exception {
        TestUsers users = a.bean(TestUsers.class);
        UUID workspace = users.workspaceWithKey("Race");
        TestUser dana = users.admin(workspace, "Dana");
        TestUser ana = users.member(workspace, "Ana");
        // The rule is made on A; B must enforce it.
        LoggedIn.as(dana, a.bean(MembershipLookup.class));
        RoleAccessService roles = a.bean(RoleAccessService.class);
        roles.createRole("Racers", null);
        UUID role = roles.roles().stream().filter(r -> r.role().name().equals("Racers")).findFirst().orElseThrow()
                .role().id();
        roles.saveRule(new RuleDraft(role, null, "60", Set.of(), Set.of(), Set.of(), null, null, null));
        a.bean(MemberService.class).assignRoles(ana.id(), Set.of(role));
        LoggedIn.nobody();

        CountDownLatch start = new CountDownLatch(1);
        ConcurrentLinkedQueue<Admitted> admitted = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(2 * SUBMISSIONS_PER_INSTANCE);
        try {
            for (int i = 0; i < 2 * SUBMISSIONS_PER_INSTANCE; i++) {
                Instance instance = i % 2 == 0 ? a : b;
                int n = i;
                pool.execute(() -> {
                    LoggedIn.as(ana, instance.bean(MembershipLookup.class));
                    try {
                        start.await();
                        admitted.add(new Admitted(instance,
                                instance.generations().submit(GenerationRequest.of("race " + n))));
                    } catch (UserInputException e) {
                        refusals.add(e.getMessage());
                    } catch (Throwable e) {
                        unexpected.add(e);
                    } finally {
                        LoggedIn.nobody();
                    }
                });
            }
            start.countDown();
            pool.shutdown();
            assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).as("all submissions answered").isTrue();
        } finally {
            pool.shutdownNow();
        }

        assertThat(unexpected).isEmpty();
        assertThat(admitted).hasSize(1);
        assertThat(refusals).hasSize(2 * SUBMISSIONS_PER_INSTANCE - 1)
                .allSatisfy(message -> assertThat(message).startsWith("You're on cooldown. Try again in "));
        assertThat(a.bean(DSLContext.class).fetchCount(GENERATION, GENERATION.USER_ID.eq(ana.id()))).isEqualTo(1);

        // The admitting instance runs the job at once (the other one's poll is off).
        Admitted winner = admitted.peek();
        LoggedIn.as(ana, winner.instance().bean(MembershipLookup.class));
        assertThat(Generations.awaitFinished(winner.instance().generations(), winner.id()).status())
                .isEqualTo(GenerationStatus.SUCCEEDED);
    }

    record Admitted(Instance instance, UUID id) {
    }

    @Test
    void aMemberWatchingOnOneInstanceLearnsTheEndOfAJobRunOnTheOther() throws Exception {
        TestUsers users = a.bean(TestUsers.class);
        TestUser ana = users.member(users.workspaceWithKey("Relay"), "Ana");
        LoggedIn.as(ana, a.bean(MembershipLookup.class));
        UUID id = a.generations().submit(GenerationRequest.of("relayed"));
        LoggedIn.as(ana, b.bean(MembershipLookup.class));
        ConcurrentLinkedQueue<GenerationEvent> seenOnB = new ConcurrentLinkedQueue<>();
        Runnable unsubscribe = b.generations().watch(id, seenOnB::add);
        try {
            LoggedIn.as(ana, a.bean(MembershipLookup.class));
            assertThat(Generations.awaitFinished(a.generations(), id).status()).isEqualTo(GenerationStatus.SUCCEEDED);
            assertThat(seenOnB).as("A's in-process events never reach B").isEmpty();

            b.bean(GenerationWorker.class).relayFinishedElsewhere();

            assertThat(seenOnB).containsExactly(new GenerationEvent.Finished(id, GenerationStatus.SUCCEEDED));
        } finally {
            unsubscribe.run();
        }
    }

    @Test
    void jobsLeftByAKilledInstanceAreRecoveredByTheOther() throws Exception {
        TestUsers users = a.bean(TestUsers.class);
        TestUser ana = users.member(users.workspaceWithKey("Crash"), "Ana");
        DSLContext db = a.bean(DSLContext.class);
        MutableClock clock = a.bean(MutableClock.class);
        FakeOpenAi fakeB = b.bean(FakeOpenAi.class);
        fakeB.reset();
        // Instance A claims two jobs; it dies before sending the first and after sending the second.
        UUID notSent = insertQueued(db, ana, "not sent yet");
        UUID maybeSent = insertQueued(db, ana, "maybe sent");
        OffsetDateTime admittedAt = OffsetDateTime.now(clock).minusMinutes(1);
        db.update(GENERATION).set(GENERATION.ADMITTED_AT, admittedAt).where(GENERATION.ID.eq(maybeSent)).execute();
        db.insertInto(MEMBER_USAGE).set(MEMBER_USAGE.WORKSPACE_ID, ana.workspaceId()).set(MEMBER_USAGE.USER_ID, ana.id())
                .set(MEMBER_USAGE.LAST_COUNTED_AT, admittedAt).set(MEMBER_USAGE.DAY_COUNT, 1)
                .set(MEMBER_USAGE.MONTH_COUNT, 1).execute();
        GenerationRepository jobsOfA = a.bean(GenerationRepository.class);
        claimOnA(jobsOfA, notSent);
        GenerationRepository.Claim sending = claimOnA(jobsOfA, maybeSent);
        assertThat(jobsOfA.markSending(maybeSent, sending.leaseToken())).isTrue();
        // A is killed: nobody renews its leases, which run out (moved into the past instead of waiting 2 minutes).
        db.update(GENERATION).set(GENERATION.LEASE_UNTIL, OffsetDateTime.now(clock).minusSeconds(1))
                .where(GENERATION.ID.in(notSent, maybeSent)).execute();

        GenerationWorker workerB = b.bean(GenerationWorker.class);
        workerB.recoverAbandoned();
        workerB.drain();

        LoggedIn.as(ana, b.bean(MembershipLookup.class));
        GenerationDetails rerun = Generations.awaitFinished(b.generations(), notSent);
        assertThat(rerun.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(attempt(db, notSent)).as("claimed by A, then by B").isEqualTo(2);
        assertThat(fakeB.requests()).extracting(r -> r.bodyText()).anySatisfy(body -> assertThat(body).contains("not sent yet"))
                .noneSatisfy(body -> assertThat(body).contains("maybe sent"));

        GenerationDetails interrupted = b.generations().find(maybeSent).orElseThrow();
        assertThat(interrupted.status()).isEqualTo(GenerationStatus.INTERRUPTED);
        assertThat(db.select(MEMBER_USAGE.LAST_COUNTED_AT).from(MEMBER_USAGE).where(MEMBER_USAGE.USER_ID.eq(ana.id()))
                .fetchOne().value1()).as("the cooldown charged for the interrupted job is given back").isNull();
    }

    @Test
    void aSettingsChangeOnOneInstanceIsSeenByTheOther() {
        TestUsers users = a.bean(TestUsers.class);
        UUID workspace = users.workspaceWithKey("Settings");
        TestUser dana = users.admin(workspace, "Dana");
        TestUser ana = users.member(workspace, "Ana");
        LoggedIn.as(ana, b.bean(MembershipLookup.class));
        assertThat(b.generations().form(null).outputFormat()).isEqualTo(OutputFormat.PNG);

        LoggedIn.as(dana, a.bean(MembershipLookup.class));
        WorkspaceSettingsService settingsOnA = a.bean(WorkspaceSettingsService.class);
        settingsOnA.updateDefaults(new DefaultsChange(null, null, null, "webp", null), settingsOnA.defaultsForm().version());

        LoggedIn.as(ana, b.bean(MembershipLookup.class));
        assertThat(b.generations().form(null).outputFormat()).isEqualTo(OutputFormat.WEBP);
        LoggedIn.as(dana, b.bean(MembershipLookup.class));
        assertThat(b.bean(WorkspaceSettingsService.class).defaultsForm().format()).isEqualTo("webp");
    }

    private static GenerationRepository.Claim claimOnA(GenerationRepository jobs, UUID id) {
        // Jobs of other tests may be claimable too; A takes them all until it holds this one.
        for (int i = 0; i < 50; i++) {
            GenerationRepository.Claim claim = jobs.claim(Duration.ofMinutes(2), 1).getFirst();
            if (claim.job().getId().equals(id)) {
                return claim;
            }
        }
        throw new AssertionError("job was never claimed");
    }

    private static int attempt(DSLContext db, UUID id) {
        return db.select(GENERATION.ATTEMPT).from(GENERATION).where(GENERATION.ID.eq(id)).fetchOne().value1();
    }

    private static UUID insertQueued(DSLContext db, TestUser user, String prompt) {
        GenerationRecord job = JobRows.job(user, "queued", prompt);
        job.setAttempt(0);
        job.attach(db.configuration());
        job.store();
        return job.getId();
    }
}
