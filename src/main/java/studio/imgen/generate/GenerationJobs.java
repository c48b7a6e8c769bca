package studio.imgen.generate;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;
import static imgen.db.Tables.USER_DIRECTORY;

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
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import imgen.db.tables.records.GenerationRecord;

/**
 * The durable job table. Every statement is short and runs in its own (auto-commit or caller's) transaction; none is
 * held while OpenAI works. Writes by a worker are fenced by its lease token, so a worker whose lease expired cannot
 * overwrite what another one wrote.
 */
@Repository
class GenerationJobs {

    private final DSLContext db;
    private final Clock clock;

    GenerationJobs(DSLContext db, Clock clock) {
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

    int activeCount(Condition scope) {
        return db.fetchCount(GENERATION, scope.and(GENERATION.STATUS.in("queued", "running")));
    }

    /**
     * Claims the oldest claimable job: queued, or running with an expired lease whose request was never sent (the
     * previous worker died before calling OpenAI, so sending now cannot bill twice).
     */
    Optional<Claim> claimNext(Duration lease) {
        UUID token = UUID.randomUUID();
        return db.update(GENERATION)
                .set(GENERATION.STATUS, "running")
                .set(GENERATION.LEASE_TOKEN, token)
                .set(GENERATION.LEASE_UNTIL, OffsetDateTime.now(clock).plus(lease))
                .set(GENERATION.ATTEMPT, GENERATION.ATTEMPT.plus(1))
                .set(GENERATION.STARTED_AT, DSL.coalesce(GENERATION.STARTED_AT, DSL.val(OffsetDateTime.now(clock))))
                .where(GENERATION.ID.eq(DSL.select(GENERATION.ID).from(GENERATION)
                        .where(GENERATION.STATUS.eq("queued").and(GENERATION.CANCEL_REQUESTED.isFalse())
                                .or(GENERATION.STATUS.eq("running")
                                        .and(GENERATION.LEASE_UNTIL.lt(OffsetDateTime.now(clock)))
                                        .and(GENERATION.REQUEST_SENT_AT.isNull())))
                        .orderBy(GENERATION.CREATED_AT)
                        .limit(1)
                        .forUpdate().skipLocked()))
                .returning()
                .fetchOptional()
                .map(job -> new Claim(job, token));
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

    /** Fenced success write: the caller inserts the image rows in the same transaction. */
    boolean succeed(UUID id, UUID token, Map<org.jooq.Field<?>, Object> outcome) {
        return db.update(GENERATION)
                .set(outcome)
                .set(GENERATION.STATUS, "succeeded")
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .setNull(GENERATION.LEASE_TOKEN)
                .where(fenced(id, token)).execute() == 1;
    }

    /** What a cancel did: a queued job ends here; a running one is flagged and its worker ends it (and says so). */
    enum CancelOutcome { NOTHING, CANCELLED, REQUESTED }

    /**
     * Cancels a job of the given owner: a queued one at once; a running one is flagged so its worker stops waiting
     * for the result.
     */
    CancelOutcome requestCancel(UUID id, UUID workspaceId, UUID userId) {
        Condition mine = GENERATION.ID.eq(id).and(GENERATION.WORKSPACE_ID.eq(workspaceId)).and(GENERATION.USER_ID.eq(userId));
        int queued = db.update(GENERATION)
                .set(GENERATION.STATUS, "cancelled")
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .set(GENERATION.CANCEL_REQUESTED, true)
                .where(mine.and(GENERATION.STATUS.eq("queued")))
                .execute();
        if (queued == 1) {
            return CancelOutcome.CANCELLED;
        }
        int running = db.update(GENERATION).set(GENERATION.CANCEL_REQUESTED, true)
                .where(mine.and(GENERATION.STATUS.eq("running"))).execute();
        return running == 1 ? CancelOutcome.REQUESTED : CancelOutcome.NOTHING;
    }

    /**
     * Cancels a deactivated member's queued jobs and flags their running ones (their worker checks the flag before
     * sending and while waiting), in the given workspaces. Returns how many were affected.
     */
    int cancelAllOf(UUID userId, Set<UUID> workspaceIds) {
        Condition scope = GENERATION.USER_ID.eq(userId).and(GENERATION.WORKSPACE_ID.in(workspaceIds));
        int queued = db.update(GENERATION)
                .set(GENERATION.STATUS, "cancelled")
                .set(GENERATION.CANCEL_REQUESTED, true)
                .set(GENERATION.FINISHED_AT, OffsetDateTime.now(clock))
                .where(scope.and(GENERATION.STATUS.eq("queued")))
                .execute();
        int running = db.update(GENERATION).set(GENERATION.CANCEL_REQUESTED, true)
                .where(scope.and(GENERATION.STATUS.eq("running")))
                .execute();
        return queued + running;
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

    Optional<GenerationRecord> find(UUID id) {
        return db.selectFrom(GENERATION).where(GENERATION.ID.eq(id)).fetchOptional();
    }

    /** Details scoped to the workspace: a generation of another workspace does not exist for the caller. */
    Optional<GenerationDetails> findDetails(UUID workspaceId, UUID id) {
        return details(GENERATION.WORKSPACE_ID.eq(workspaceId).and(GENERATION.ID.eq(id)), 1).stream().findFirst();
    }

    /** The generation that produced a (not deleted) result image of the workspace. */
    Optional<GenerationDetails> findDetailsByImage(UUID workspaceId, UUID imageId) {
        return details(GENERATION.WORKSPACE_ID.eq(workspaceId).and(GENERATION.ID.eq(DSL.select(IMAGE.GENERATION_ID)
                .from(IMAGE).where(IMAGE.ID.eq(imageId).and(IMAGE.WORKSPACE_ID.eq(workspaceId))
                        .and(IMAGE.ROLE.eq("result")).and(IMAGE.DELETED_AT.isNull())))), 1).stream().findFirst();
    }

    List<GenerationDetails> recentOf(UUID workspaceId, UUID userId, int limit) {
        return details(GENERATION.WORKSPACE_ID.eq(workspaceId).and(GENERATION.USER_ID.eq(userId)), limit);
    }

    private List<GenerationDetails> details(Condition where, int limit) {
        List<Record> rows = db.select(GENERATION.asterisk(), USER_DIRECTORY.DISPLAY_NAME)
                .from(GENERATION).join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(GENERATION.USER_ID))
                .where(where)
                .orderBy(GENERATION.CREATED_AT.desc(), GENERATION.ID.desc())
                .limit(limit)
                .fetch();
        List<UUID> ids = rows.stream().map(r -> r.get(GENERATION.ID)).toList();
        Map<UUID, List<GeneratedImageView>> images = db.selectFrom(IMAGE)
                .where(IMAGE.GENERATION_ID.in(ids).and(IMAGE.ROLE.eq("result")).and(IMAGE.DELETED_AT.isNull()))
                .orderBy(IMAGE.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(i -> i.getGenerationId(), Collectors.mapping(
                        i -> new GeneratedImageView(i.getId(), i.getPosition(), i.getFormat(), i.getWidth(), i.getHeight(),
                                i.getBytes()), Collectors.toList())));
        return rows.stream().map(r -> {
            GenerationRecord g = r.into(GENERATION);
            return new GenerationDetails(g.getId(), g.getWorkspaceId(), g.getUserId(), r.get(USER_DIRECTORY.DISPLAY_NAME),
                    g.getKind(), GenerationStatus.of(g.getStatus()), g.getPrompt(), g.getModel(),
                    g.getSize(), g.getQuality(), g.getN(), g.getBackground(), g.getOutputFormat(), g.getOutputCompression(),
                    g.getModeration(), g.getInputFidelity(), g.getReferenceCount(), g.getErrorMessage(),
                    g.getTextInputTokens(), g.getImageInputTokens(), g.getImageOutputTokens(), g.getCostMicros(),
                    g.getCostEstimated(), instant(g.getCreatedAt()), instant(g.getStartedAt()), instant(g.getFinishedAt()),
                    images.getOrDefault(g.getId(), List.of()),
                    g.getMainlineModel() == null ? null : new GenerationDetails.Conversation(g.getMainlineModel(),
                            g.getResponseId(), GenerationDetails.Fallback.of(g.getFallbackReason()),
                            g.getMainlineInputTokens(),
                            g.getMainlineOutputTokens()),
                    Boolean.TRUE.equals(g.getHasMask()));
        }).toList();
    }

    private static Condition fenced(UUID id, UUID token) {
        return GENERATION.ID.eq(id).and(GENERATION.LEASE_TOKEN.eq(token)).and(GENERATION.STATUS.eq("running"));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
