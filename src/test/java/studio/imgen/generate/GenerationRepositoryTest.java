package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.MEMBER_USAGE;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import imgen.db.tables.records.GenerationRecord;
import studio.imgen.testsupport.JobRows;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.MutableClock;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/**
 * Durability of the job table: leases, fencing and crash recovery, exercised on rows directly (a crash is a row whose
 * lease ran out with nobody renewing it).
 */
@IntegrationTest
class GenerationRepositoryTest {

    @Autowired
    GenerationRepository jobs;
    @Autowired
    MutableClock clock;
    @Autowired
    GenerationWorker worker;
    @Autowired
    TestUsers users;
    @Autowired
    DSLContext db;
    @Autowired
    FakeOpenAi fake;

    TestUser ana;

    @BeforeEach
    void setUp() {
        fake.reset();
        ana = users.member(users.workspaceWithKey("Acme"), "Ana");
    }

    @Test
    void aLateWorkerCannotWriteOverTheCurrentLeaseHolder() {
        UUID id = insertRunning(null, OffsetDateTime.now(clock).plusMinutes(2));
        UUID staleToken = UUID.randomUUID();

        assertThat(jobs.fail(id, staleToken, "x", "late", null, null)).isFalse();
        assertThat(jobs.succeed(id, staleToken, new Succeeded("req", "1024x1024", "low", "opaque", null,
                new studio.imgen.openai.TokenUsage(0, 0, 0, 0), 1L, false, TurnOutcome.NONE))).isEmpty();
        assertThat(jobs.markSending(id, staleToken)).isFalse();
        assertThat(status(id)).isEqualTo("running");
    }

    @Test
    void theLeaseHoldersSuccessReturnsTheRowAsWrittenForTheAnnouncement() {
        UUID id = insertRunning(OffsetDateTime.now(clock), OffsetDateTime.now(clock).plusMinutes(2));

        var written = jobs.succeed(id, tokenOf(id), new Succeeded("req_1", "1024x1024", "low", "opaque", "a fox",
                new studio.imgen.openai.TokenUsage(3, 0, 272, 0), 11_000L, false, TurnOutcome.NONE)).orElseThrow();

        assertThat(written.getId()).isEqualTo(id);
        assertThat(written.getStatus()).isEqualTo("succeeded");
        assertThat(written.getOpenaiRequestId()).isEqualTo("req_1");
        assertThat(written.getCostMicros()).isEqualTo(11_000L);
        assertThat(written.getRevisedPrompt()).isEqualTo("a fox");
        assertThat(written.getFinishedAt()).isNotNull();
        assertThat(written.getLeaseToken()).isNull();
        assertThat(status(id)).isEqualTo("succeeded");
    }

    @Test
    void aCancelRequestedFromAnyInstanceRefusesTheSuccessWriteWithoutAReadBeforeIt() {
        UUID id = insertRunning(OffsetDateTime.now(clock), OffsetDateTime.now(clock).plusMinutes(2));
        db.update(GENERATION).set(GENERATION.CANCEL_REQUESTED, true).where(GENERATION.ID.eq(id)).execute();

        var written = jobs.succeed(id, tokenOf(id), new Succeeded("req_1", "1024x1024", "low", "opaque", null,
                new studio.imgen.openai.TokenUsage(3, 0, 272, 0), 11_000L, false, TurnOutcome.NONE));

        assertThat(written).isEmpty();
        assertThat(status(id)).isEqualTo("running");
        assertThat(jobs.cancelRequested(id)).isTrue();
    }

    @Test
    void aJobAbandonedBeforeItsRequestWasSentIsClaimedAgain() {
        UUID id = insertRunning(null, OffsetDateTime.now(clock).minusSeconds(5));

        var claim = claimUntil(id);

        assertThat(claim.job().getAttempt()).isEqualTo(2);
        assertThat(claim.leaseToken()).isNotNull();
    }

    @Test
    void aJobAbandonedAfterItsRequestWasSentIsInterruptedNotResentAndItsCooldownReturned() {
        OffsetDateTime admittedAt = OffsetDateTime.now(clock).minusMinutes(3);
        db.insertInto(MEMBER_USAGE).set(MEMBER_USAGE.WORKSPACE_ID, ana.workspaceId()).set(MEMBER_USAGE.USER_ID, ana.id())
                .set(MEMBER_USAGE.LAST_COUNTED_AT, admittedAt).set(MEMBER_USAGE.DAY_COUNT, 1).set(MEMBER_USAGE.MONTH_COUNT, 1)
                .execute();
        UUID id = insertRunning(OffsetDateTime.now(clock).minusMinutes(3), OffsetDateTime.now(clock).minusSeconds(5));
        db.update(GENERATION).set(GENERATION.ADMITTED_AT, admittedAt).where(GENERATION.ID.eq(id)).execute();

        worker.recoverAbandoned();

        GenerationRecord row = db.selectFrom(GENERATION).where(GENERATION.ID.eq(id)).fetchOne();
        assertThat(row.getStatus()).isEqualTo("interrupted");
        assertThat(row.getErrorMessage()).contains("result is unknown");
        assertThat(db.select(MEMBER_USAGE.LAST_COUNTED_AT).from(MEMBER_USAGE)
                .where(MEMBER_USAGE.USER_ID.eq(ana.id())).fetchOne().value1()).isNull();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aLiveLeaseIsNeitherClaimedNorInterrupted() {
        UUID id = insertRunning(OffsetDateTime.now(clock), OffsetDateTime.now(clock).plusMinutes(2));

        worker.recoverAbandoned();

        assertThat(status(id)).isEqualTo("running");
        assertThat(jobs.renewLease(id, tokenOf(id), Duration.ofMinutes(2))).isTrue();
    }

    @Test
    void queuedJobsAreClaimedInBatchesOldestFirstEachWithItsOwnLease() {
        List<UUID> queued = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            GenerationRecord job = JobRows.job(ana, "queued", "batch " + i);
            job.setCreatedAt(OffsetDateTime.now(clock).minusMinutes(10 - i));
            queued.add(jobs.insert(job));
        }

        // Other tests' queued jobs may share the table: a batch large enough takes them all.
        List<GenerationRepository.Claim> claims = jobs.claim(Duration.ofMinutes(2), 500);

        List<GenerationRepository.Claim> mine = claims.stream().filter(c -> queued.contains(c.job().getId())).toList();
        assertThat(mine).extracting(c -> c.job().getId()).containsExactlyElementsOf(queued);
        assertThat(mine).extracting(GenerationRepository.Claim::leaseToken).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(mine).allSatisfy(c -> assertThat(status(c.job().getId())).isEqualTo("running"));
        assertThat(jobs.markSending(queued.get(1), mine.get(0).leaseToken())).as("another job's lease").isFalse();
        assertThat(jobs.markSending(queued.get(1), mine.get(1).leaseToken())).isTrue();
        assertThat(jobs.claim(Duration.ofMinutes(2), 500)).extracting(c -> c.job().getId()).doesNotContainAnyElementsOf(queued);
    }

    @Test
    void aQueuedJobWhoseCancelWasRequestedIsNeverClaimed() {
        GenerationRecord job = JobRows.job(ana, "queued", "cancelled while queued");
        job.setCancelRequested(true);
        UUID id = jobs.insert(job);

        // Other tests' queued jobs may share the table: a batch large enough takes them all.
        assertThat(jobs.claim(Duration.ofMinutes(2), 500)).extracting(c -> c.job().getId()).doesNotContain(id);
        assertThat(status(id)).isEqualTo("queued");
    }

    private GenerationRepository.Claim claimUntil(UUID id) {
        // Other tests' queued jobs may be claimed first; the table is shared.
        for (int i = 0; i < 50; i++) {
            var claim = jobs.claim(Duration.ofMinutes(2), 1).getFirst();
            if (claim.job().getId().equals(id)) {
                return claim;
            }
        }
        throw new AssertionError("job was never claimed");
    }

    private UUID insertRunning(OffsetDateTime sentAt, OffsetDateTime leaseUntil) {
        GenerationRecord job = JobRows.job(ana, "running", "crash test");
        job.setAttempt(1);
        job.setLeaseToken(UUID.randomUUID());
        job.setLeaseUntil(leaseUntil);
        job.setRequestSentAt(sentAt);
        return jobs.insert(job);
    }

    private String status(UUID id) {
        return db.select(GENERATION.STATUS).from(GENERATION).where(GENERATION.ID.eq(id)).fetchOne().value1();
    }

    private UUID tokenOf(UUID id) {
        return db.select(GENERATION.LEASE_TOKEN).from(GENERATION).where(GENERATION.ID.eq(id)).fetchOne().value1();
    }
}
