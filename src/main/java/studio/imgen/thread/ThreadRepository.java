package studio.imgen.thread;

import static imgen.db.Tables.APP_USER;
import static imgen.db.Tables.EDIT_THREAD;
import static imgen.db.Tables.THREAD_TURN;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import studio.imgen.admin.EditThreadDefaults.Mode;
import studio.imgen.generate.GenerationSql;

/** Threads and turns. Every read is scoped by workspace; deleted threads do not exist for anyone. */
@Repository
class ThreadRepository {

    private final DSLContext db;
    private final Clock clock;

    ThreadRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record ThreadRow(UUID id, UUID ownerId, String ownerName, String title, Mode mode, UUID branchedFromThreadId,
                     Integer branchedFromSeq) {
    }

    record TurnRow(UUID id, int seq, String mode, UUID generationId, UUID imageId, String responseId) {
    }

    UUID insertThread(UUID workspaceId, UUID ownerId, String title, Mode mode, UUID branchedFrom, Integer seq) {
        return db.insertInto(EDIT_THREAD)
                .set(EDIT_THREAD.WORKSPACE_ID, workspaceId)
                .set(EDIT_THREAD.OWNER_ID, ownerId)
                .set(EDIT_THREAD.TITLE, title)
                .set(EDIT_THREAD.MODE, mode.dbValue())
                .set(EDIT_THREAD.BRANCHED_FROM_THREAD_ID, branchedFrom)
                .set(EDIT_THREAD.BRANCHED_FROM_SEQ, seq)
                .set(EDIT_THREAD.CREATED_AT, OffsetDateTime.now(clock))
                .set(EDIT_THREAD.UPDATED_AT, OffsetDateTime.now(clock))
                .returning(EDIT_THREAD.ID).fetchOne(EDIT_THREAD.ID);
    }

    void insertTurn(UUID threadId, int seq, String mode, UUID generationId, UUID imageId, String responseId) {
        db.insertInto(THREAD_TURN)
                .set(THREAD_TURN.THREAD_ID, threadId)
                .set(THREAD_TURN.SEQ, seq)
                .set(THREAD_TURN.MODE, mode)
                .set(THREAD_TURN.GENERATION_ID, generationId)
                .set(THREAD_TURN.IMAGE_ID, imageId)
                .set(THREAD_TURN.RESPONSE_ID, responseId)
                .set(THREAD_TURN.CREATED_AT, OffsetDateTime.now(clock))
                .execute();
        touch(threadId);
    }

    /** Locks the thread row so concurrent sends number their turns one after the other. */
    int nextSeqLocked(UUID threadId) {
        db.select(EDIT_THREAD.ID).from(EDIT_THREAD).where(EDIT_THREAD.ID.eq(threadId)).forUpdate().fetch();
        Integer max = db.select(DSL.max(THREAD_TURN.SEQ)).from(THREAD_TURN).where(THREAD_TURN.THREAD_ID.eq(threadId))
                .fetchOne(0, Integer.class);
        return max == null ? 1 : max + 1;
    }

    boolean hasTurnFor(UUID threadId, UUID generationId) {
        return db.fetchExists(THREAD_TURN, THREAD_TURN.THREAD_ID.eq(threadId).and(THREAD_TURN.GENERATION_ID.eq(generationId)));
    }

    Optional<ThreadRow> find(UUID workspaceId, UUID threadId) {
        return db.select(EDIT_THREAD.asterisk(), APP_USER.DISPLAY_NAME)
                .from(EDIT_THREAD).join(APP_USER).on(APP_USER.ID.eq(EDIT_THREAD.OWNER_ID))
                .where(EDIT_THREAD.ID.eq(threadId).and(EDIT_THREAD.WORKSPACE_ID.eq(workspaceId))
                        .and(EDIT_THREAD.DELETED_AT.isNull()))
                .fetchOptional(r -> new ThreadRow(r.get(EDIT_THREAD.ID), r.get(EDIT_THREAD.OWNER_ID),
                        r.get(APP_USER.DISPLAY_NAME), r.get(EDIT_THREAD.TITLE), Mode.of(r.get(EDIT_THREAD.MODE)),
                        r.get(EDIT_THREAD.BRANCHED_FROM_THREAD_ID), r.get(EDIT_THREAD.BRANCHED_FROM_SEQ)));
    }

    List<TurnRow> turns(UUID threadId) {
        return db.selectFrom(THREAD_TURN).where(THREAD_TURN.THREAD_ID.eq(threadId)).orderBy(THREAD_TURN.SEQ)
                .fetch(t -> new TurnRow(t.getId(), t.getSeq(), t.getMode(), t.getGenerationId(), t.getImageId(),
                        t.getResponseId()));
    }

    /**
     * The owner's threads, most recently changed first, each with its latest image. {@code search} matches the
     * title or any turn's prompt, case-insensitively.
     */
    List<ThreadSummary> listOwned(UUID workspaceId, UUID ownerId, String search, int limit) {
        Condition where = EDIT_THREAD.WORKSPACE_ID.eq(workspaceId).and(EDIT_THREAD.OWNER_ID.eq(ownerId))
                .and(EDIT_THREAD.DELETED_AT.isNull());
        if (search != null && !search.isBlank()) {
            String pattern = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            where = where.and(EDIT_THREAD.TITLE.likeIgnoreCase(pattern, '\\').or(DSL.exists(DSL.selectOne()
                    .from(THREAD_TURN)
                    .where(THREAD_TURN.THREAD_ID.eq(EDIT_THREAD.ID))
                    .and(GenerationSql.promptLike(THREAD_TURN.GENERATION_ID, pattern, '\\')))));
        }
        Field<UUID> turnImage = DSL.coalesce(THREAD_TURN.IMAGE_ID, GenerationSql.firstResultImage(THREAD_TURN.GENERATION_ID));
        Field<UUID> latestImage = DSL.field(DSL.select(turnImage).from(THREAD_TURN)
                .where(THREAD_TURN.THREAD_ID.eq(EDIT_THREAD.ID).and(turnImage.isNotNull()))
                .orderBy(THREAD_TURN.SEQ.desc()).limit(1)).as("latest_image");
        Field<Integer> turns = DSL.field(DSL.selectCount().from(THREAD_TURN)
                .where(THREAD_TURN.THREAD_ID.eq(EDIT_THREAD.ID))).as("turns");
        return db.select(EDIT_THREAD.ID, EDIT_THREAD.TITLE, EDIT_THREAD.MODE, turns, latestImage,
                        EDIT_THREAD.BRANCHED_FROM_THREAD_ID, EDIT_THREAD.BRANCHED_FROM_SEQ, EDIT_THREAD.UPDATED_AT)
                .from(EDIT_THREAD)
                .where(where)
                .orderBy(EDIT_THREAD.UPDATED_AT.desc(), EDIT_THREAD.ID)
                .limit(limit)
                .fetch(r -> new ThreadSummary(r.get(EDIT_THREAD.ID), r.get(EDIT_THREAD.TITLE),
                        Mode.of(r.get(EDIT_THREAD.MODE)), r.get(turns), r.get(latestImage),
                        r.get(EDIT_THREAD.BRANCHED_FROM_SEQ) != null, r.get(EDIT_THREAD.UPDATED_AT).toInstant()));
    }

    boolean rename(UUID workspaceId, UUID ownerId, UUID threadId, String title) {
        return db.update(EDIT_THREAD).set(EDIT_THREAD.TITLE, title).set(EDIT_THREAD.UPDATED_AT, OffsetDateTime.now(clock))
                .where(owned(workspaceId, ownerId, threadId)).execute() == 1;
    }

    boolean changeMode(UUID workspaceId, UUID ownerId, UUID threadId, Mode mode) {
        return db.update(EDIT_THREAD).set(EDIT_THREAD.MODE, mode.dbValue())
                .set(EDIT_THREAD.UPDATED_AT, OffsetDateTime.now(clock))
                .where(owned(workspaceId, ownerId, threadId)).execute() == 1;
    }

    boolean softDelete(UUID workspaceId, UUID ownerId, UUID threadId) {
        return db.update(EDIT_THREAD).set(EDIT_THREAD.DELETED_AT, OffsetDateTime.now(clock))
                .where(owned(workspaceId, ownerId, threadId)).execute() == 1;
    }

    private void touch(UUID threadId) {
        db.update(EDIT_THREAD).set(EDIT_THREAD.UPDATED_AT, OffsetDateTime.now(clock)).where(EDIT_THREAD.ID.eq(threadId))
                .execute();
    }

    private static Condition owned(UUID workspaceId, UUID ownerId, UUID threadId) {
        return EDIT_THREAD.ID.eq(threadId).and(EDIT_THREAD.WORKSPACE_ID.eq(workspaceId))
                .and(EDIT_THREAD.OWNER_ID.eq(ownerId)).and(EDIT_THREAD.DELETED_AT.isNull());
    }
}
