package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;
import static imgen.db.Tables.MEMBER_USAGE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import imgen.db.tables.records.GenerationRecord;
import imgen.db.tables.records.MemberUsageRecord;
import studio.imgen.testsupport.JobRows;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedInAsMemberTest;
import studio.imgen.testsupport.RecordedRequest;

/**
 * What a kill -9 leaves behind, and how the next worker deals with it (security-reliability.md §6 rows 38–39). A dead
 * instance is a row still "running" whose lease nobody renews; whether its request may have reached OpenAI decides
 * between running it again and declaring its result unknown. Never sent twice: that could bill twice.
 *
 * <p>{@link KilledInstanceTest} does the same with a real second instance killed by SIGKILL.
 */
class CrashRecoveryTest extends LoggedInAsMemberTest {

    @Autowired
    GenerationWorker worker;
    @Autowired
    GenerationRepository jobs;

    @Test
    void aJobWhoseWorkerDiedBeforeSendingRunsAgainAndSucceedsExactlyOnce() throws Exception {
        OffsetDateTime admittedAt = charge();
        UUID id = abandoned("died before sending", null, admittedAt);

        worker.drain();
        GenerationDetails done = Generations.awaitFinished(generations, id);

        assertThat(done.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(done.images()).hasSize(1);
        assertThat(callsWithPrompt("died before sending")).hasSize(1);
        assertThat(row(id).getAttempt()).as("claimed a second time").isEqualTo(2);
        assertThat(usage().getDayCount()).as("charged once").isEqualTo(1);
    }

    @Test
    void aJobWhoseWorkerDiedAfterSendingIsInterruptedVisiblyRefundedAndNeverResent() throws Exception {
        OffsetDateTime admittedAt = charge();
        UUID id = abandoned("died after sending", OffsetDateTime.now(clock).minusMinutes(3), admittedAt);

        worker.recoverAbandoned();
        worker.drain();

        GenerationDetails seen = generations.find(id).orElseThrow();
        assertThat(seen.status()).isEqualTo(GenerationStatus.INTERRUPTED);
        assertThat(seen.errorMessage()).isEqualTo("The app restarted while this image was being generated, so its "
                + "result is unknown. No cooldown or quota was charged; try again.");
        assertThat(usage().getLastCountedAt()).as("cooldown returned").isNull();
        assertThat(usage().getDayCount()).as("quota returned").isZero();
        assertThat(callsWithPrompt("died after sending")).isEmpty();
        assertThat(db.fetchCount(IMAGE, IMAGE.GENERATION_ID.eq(id))).isZero();
    }

    @Test
    void aWorkerThatLostItsLeaseMidCallCannotOverwriteTheRecoveredJob() throws Exception {
        fake.enqueueFault(Fault.hang());
        UUID id = generations.submit(GenerationRequest.of("zombie"));
        assertThat(fake.awaitRequests(1, Duration.ofSeconds(10))).isTrue();
        CountDownLatch zombieDone = new CountDownLatch(1);
        Runnable unsubscribe = generations.watch(id, event -> {
            if (event instanceof GenerationEvent.Finished finished && finished.status() == GenerationStatus.FAILED) {
                zombieDone.countDown();
            }
        });
        // The instance stops renewing (as if it were killed): its lease runs out while OpenAI still works.
        db.update(GENERATION).set(GENERATION.LEASE_UNTIL, OffsetDateTime.now(clock).minusSeconds(1))
                .where(GENERATION.ID.eq(id)).execute();

        worker.recoverAbandoned();
        assertThat(generations.find(id).orElseThrow().status()).isEqualTo(GenerationStatus.INTERRUPTED);
        assertThat(fake.requests()).hasSize(1);

        fake.reset();
        try {
            assertThat(zombieDone.await(30, TimeUnit.SECONDS)).as("the old worker gave up").isTrue();
        } finally {
            unsubscribe.run();
        }

        assertThat(generations.find(id).orElseThrow().status()).as("fenced out").isEqualTo(GenerationStatus.INTERRUPTED);
        assertThat(fake.requests()).as("not sent again").isEmpty();
        assertThat(usage().getDayCount()).as("refunded once").isZero();
    }

    /** Admission as the submit transaction would have done it: cooldown and quota consumed. */
    private OffsetDateTime charge() {
        OffsetDateTime admittedAt = OffsetDateTime.now(clock).minusMinutes(3);
        db.insertInto(MEMBER_USAGE).set(MEMBER_USAGE.WORKSPACE_ID, ana.workspaceId()).set(MEMBER_USAGE.USER_ID, ana.id())
                .set(MEMBER_USAGE.LAST_COUNTED_AT, admittedAt).set(MEMBER_USAGE.DAY_COUNT, 1)
                .set(MEMBER_USAGE.MONTH_COUNT, 1).execute();
        return admittedAt;
    }

    /** The row a killed instance leaves: running, lease expired, request sent or not. */
    private UUID abandoned(String prompt, OffsetDateTime sentAt, OffsetDateTime admittedAt) {
        GenerationRecord job = JobRows.job(ana, "running", prompt);
        job.setAttempt(1);
        job.setLeaseToken(UUID.randomUUID());
        job.setLeaseUntil(OffsetDateTime.now(clock).minusSeconds(5));
        job.setRequestSentAt(sentAt);
        job.setAdmittedAt(admittedAt);
        return jobs.insert(job);
    }

    private List<RecordedRequest> callsWithPrompt(String prompt) {
        return fake.requests().stream().filter(r -> r.json() != null && prompt.equals(r.json().path("prompt").asText()))
                .toList();
    }

    private GenerationRecord row(UUID id) {
        return db.selectFrom(GENERATION).where(GENERATION.ID.eq(id)).fetchOne();
    }

    private MemberUsageRecord usage() {
        return db.selectFrom(MEMBER_USAGE)
                .where(MEMBER_USAGE.WORKSPACE_ID.eq(ana.workspaceId()).and(MEMBER_USAGE.USER_ID.eq(ana.id())))
                .fetchOne();
    }
}
