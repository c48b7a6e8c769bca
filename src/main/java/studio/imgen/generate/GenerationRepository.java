package studio.imgen.generate;

import static imgen.db.Tables.GENERATION;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import imgen.db.tables.records.GenerationRecord;

/**
 * The durable job table. Every statement is short and runs in its own (auto-commit or caller's) transaction; none is
 * held while OpenAI works. Writes by a worker are fenced by its lease token, so a worker whose lease expired cannot
 * overwrite what another one wrote.
 */
@Repository
class GenerationRepository {

    private final DSLContext db;
    private final Clock clock;

    GenerationRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** A claimed job: the row plus the lease token that fences this worker's writes. */
    record Claim(GenerationRecord job, UUID leaseToken) {
    }

    UUID insert(GenerationRecord job) {
        return db.insertInto(GENERATION).set(job).returning(GENERATION.ID).fetchOne(GENERATION.ID);
    }

    Optional<UUID> findBySubmission(UUID userId, UUID submissionId) {
        return db.select(GENERATION.ID).from(GENERATION)
                .where(GENERATION.USER_ID.eq(userId).and(GENERATION.SUBMISSION_ID.eq(submissionId)))
                .fetchOptional(GENERATION.ID);
    }

    /** Queued or running jobs of one member in a workspace, and of the whole workspace: one statement. */
    ActiveJobs activeJobs(UUID workspaceId, UUID userId) {
        return db.select(DSL.count().filterWhere(GENERATION.USER_ID.eq(userId)), DSL.count())
                .from(GENERATION)
                .where(GENERATION.WORKSPACE_ID.eq(workspaceId).and(GENERATION.STATUS.in("queued", "running")))
                .fetchOne(r -> new ActiveJobs(r.value1(), r.value2()));
    }

    record ActiveJobs(int member, int workspace) {
    }

    int queuedCount() {
        return db.fetchCount(GENERATION, GENERATION.STATUS.eq("queued"));
    }

    /**
     * Claims up to {@code limit} of the oldest claimable jobs, oldest first: queued, or running with an expired lease
     * whose request was never sent (the previous worker died before calling OpenAI, so sending now cannot bill twice).
     * Rows another instance is claiming at the same moment are skipped, not waited for.
     */
    List<Claim> claim(Duration lease, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        // One statement for the whole batch; every job gets its own lease token, so each is fenced on its own.
        return db.update(GENERATION)
                .set(GENERATION.STATUS, "running")
                .set(GENERATION.LEASE_TOKEN, DSL.field("gen_random_uuid()", UUID.class))
                .set(GENERATION.LEASE_UNTIL, now.plus(lease))
                .set(GENERATION.ATTEMPT, GENERATION.ATTEMPT.plus(1))
                .set(GENERATION.STARTED_AT, DSL.coalesce(GENERATION.STARTED_AT, DSL.val(now)))
                .where(GENERATION.ID.in(DSL.select(GENERATION.ID).from(GENERATION)
                        .where(GENERATION.STATUS.eq("queued").and(GENERATION.CANCEL_REQUESTED.isFalse())
                                .or(GENERATION.STATUS.eq("running")
                                        .and(GENERATION.LEASE_UNTIL.lt(now))
                                        .and(GENERATION.REQUEST_SENT_AT.isNull())))
                        .orderBy(GENERATION.CREATED_AT)
                        .limit(limit)
                        .forUpdate().skipLocked()))
                .returning()
                .fetch()
                .sortAsc(GENERATION.CREATED_AT)
                .map(job -> new Claim(job, job.getLeaseToken()));
    }

    /** Records that the request is about to go upstream; false if the lease was lost (then do not send). */
    boolean markSending(UUID id, UUID token) {
        return db.update(GENERATION).set(GENERATION.REQUEST_SENT_AT, OffsetDateTime.now(clock))
                .where(fenced(id, token)).execute() == 1;
    }

    boolean renewLease(UUID id, UUID token, Duration lease) {
        return db.update(GENERATION)
                .set(GENERATION.LEASE_UNTIL, OffsetDateTime.now(clock).plus(lease))
                .where(fenced(id, token)).execute() == 1;
    }

    /** Marks the job failed; returns false if another worker or a cancel got there first. */
    boolean fail(UUID id, UUID token, String code, String message, String detail, String requestId) {
        return db.update(GENERATION)
                .set(GENERATION.STATUS, "failed")
                .set(GENERATION.ERROR_CODE, code)
                .set(GENERATION.ERROR_MESSAGE, message)
                .set(GENERATION.ERROR_DETAIL, detail)
                .set(GENERATION.OPENAI_REQUEST_ID, requestId)
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .setNull(GENERATION.LEASE_TOKEN)
                .where(fenced(id, token)).execute() == 1;
    }

    /**
     * Fenced success write: the caller inserts the image rows in the same transaction. Returns the row as written,
     * which the announcement carries, or empty if the lease was lost or a cancel was requested meanwhile (from any
     * instance: the flag is in the row, so no read before the write is needed to honour it).
     */
    Optional<GenerationRecord> succeed(UUID id, UUID token, Succeeded outcome) {
        Map<Field<?>, Object> values = new java.util.HashMap<>();
        values.put(GENERATION.OPENAI_REQUEST_ID, outcome.requestId());
        values.put(GENERATION.RESULT_SIZE, outcome.size());
        values.put(GENERATION.RESULT_QUALITY, outcome.quality());
        values.put(GENERATION.RESULT_BACKGROUND, outcome.background());
        values.put(GENERATION.REVISED_PROMPT, outcome.revisedPrompt());
        values.put(GENERATION.TEXT_INPUT_TOKENS, outcome.usage().textInputTokens());
        values.put(GENERATION.IMAGE_INPUT_TOKENS, outcome.usage().imageInputTokens());
        values.put(GENERATION.IMAGE_OUTPUT_TOKENS, outcome.usage().imageOutputTokens());
        values.put(GENERATION.TEXT_OUTPUT_TOKENS, outcome.usage().textOutputTokens());
        values.put(GENERATION.COST_MICROS, outcome.costMicros());
        values.put(GENERATION.COST_ESTIMATED, outcome.costEstimated());
        TurnOutcome turn = outcome.turn();
        if (turn.mainlineModel() != null) {
            values.put(GENERATION.MAINLINE_MODEL, turn.mainlineModel());
        }
        if (turn.responseId() != null) {
            values.put(GENERATION.RESPONSE_ID, turn.responseId());
            values.put(GENERATION.MAINLINE_INPUT_TOKENS, turn.mainlineInputTokens());
            values.put(GENERATION.MAINLINE_OUTPUT_TOKENS, turn.mainlineOutputTokens());
        }
        if (turn.fallback() != null) {
            values.put(GENERATION.CONVERSATION_FALLBACK, true);
            values.put(GENERATION.FALLBACK_REASON, turn.fallback().dbValue());
        }
        return db.update(GENERATION)
                .set(values)
                .set(GENERATION.STATUS, "succeeded")
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .setNull(GENERATION.LEASE_TOKEN)
                .where(fenced(id, token)).and(GENERATION.CANCEL_REQUESTED.isFalse())
                .returning().fetchOptional();
    }

    /** What a cancel did: a queued job ends here; a running one is flagged and its worker ends it (and says so). */
    enum CancelOutcome { NOTHING, CANCELLED, REQUESTED }

    /** Cancels one job of the given owner: a queued one at once; a running one is flagged for its worker. */
    CancelOutcome requestCancel(UUID id, UUID workspaceId, UUID userId) {
        Cancellations done = cancel(GENERATION.ID.eq(id).and(GENERATION.WORKSPACE_ID.eq(workspaceId))
                .and(GENERATION.USER_ID.eq(userId)));
        return done.queued() == 1 ? CancelOutcome.CANCELLED : done.running() == 1 ? CancelOutcome.REQUESTED
                : CancelOutcome.NOTHING;
    }

    /**
     * Cancels a deactivated member's queued jobs and flags their running ones (their worker checks the flag before
     * sending and while waiting), in the given workspaces. Returns how many were affected.
     */
    int cancelAllOf(UUID userId, Set<UUID> workspaceIds) {
        Cancellations done = cancel(GENERATION.USER_ID.eq(userId).and(GENERATION.WORKSPACE_ID.in(workspaceIds)));
        return done.queued() + done.running();
    }

    private record Cancellations(int queued, int running) {
    }

    /** The one cancel path: queued jobs in scope end as cancelled, running ones are flagged. */
    private Cancellations cancel(Condition scope) {
        int queued = db.update(GENERATION)
                .set(GENERATION.STATUS, "cancelled")
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .set(GENERATION.CANCEL_REQUESTED, true)
                .where(scope.and(GENERATION.STATUS.eq("queued")))
                .execute();
        int running = db.update(GENERATION).set(GENERATION.CANCEL_REQUESTED, true)
                .where(scope.and(GENERATION.STATUS.eq("running"))).execute();
        return new Cancellations(queued, running);
    }

    /** A running job whose cancel was requested ends as cancelled (fenced). */
    boolean markCancelled(UUID id, UUID token) {
        return db.update(GENERATION)
                .set(GENERATION.STATUS, "cancelled")
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .setNull(GENERATION.LEASE_TOKEN)
                .where(fenced(id, token)).execute() == 1;
    }

    boolean cancelRequested(UUID id) {
        return Boolean.TRUE.equals(db.select(GENERATION.CANCEL_REQUESTED).from(GENERATION).where(GENERATION.ID.eq(id))
                .fetchOne(GENERATION.CANCEL_REQUESTED));
    }

    /**
     * Jobs whose worker vanished after the request may have been sent: never re-sent automatically (that could bill
     * twice), they become interrupted. Returns them so their admission can be given back.
     */
    List<GenerationRecord> interruptAbandoned() {
        return db.update(GENERATION)
                .set(GENERATION.STATUS, "interrupted")
                .set(GENERATION.ERROR_CODE, "interrupted")
                .set(GENERATION.ERROR_MESSAGE, "The app restarted while this image was being generated, so its result "
                        + "is unknown. No cooldown or quota was charged; try again.")
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .setNull(GENERATION.LEASE_TOKEN)
                .where(GENERATION.STATUS.eq("running")
                        .and(GENERATION.LEASE_UNTIL.lt(OffsetDateTime.now(clock)))
                        .and(GENERATION.REQUEST_SENT_AT.isNotNull()))
                .returning()
                .fetch();
    }

    List<UUID> runningOf(UUID workspaceId, UUID userId) {
        return db.select(GENERATION.ID).from(GENERATION)
                .where(GENERATION.WORKSPACE_ID.eq(workspaceId).and(GENERATION.USER_ID.eq(userId))
                        .and(GENERATION.STATUS.eq("running")))
                .fetch(GENERATION.ID);
    }

    /** Of the given jobs, those that have ended, with how. */
    Map<UUID, GenerationStatus> endedAmong(List<UUID> ids) {
        return db.select(GENERATION.ID, GENERATION.STATUS).from(GENERATION)
                .where(GENERATION.ID.in(ids).and(GENERATION.STATUS.notIn("queued", "running")))
                .fetchMap(GENERATION.ID, r -> GenerationStatus.of(r.value2()));
    }

    Optional<GenerationRecord> find(UUID id) {
        return db.selectFrom(GENERATION).where(GENERATION.ID.eq(id)).fetchOptional();
    }

    private static Condition fenced(UUID id, UUID token) {
        return GENERATION.ID.eq(id).and(GENERATION.LEASE_TOKEN.eq(token)).and(GENERATION.STATUS.eq("running"));
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
