package studio.imgen.generate;

import static imgen.db.Tables.IMAGE;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import studio.imgen.storage.ImageFormat;

/**
 * Image rows once they are stored: reads for serving and listing them, soft deletion, and the maintenance jobs'
 * expiry and listings. Every caller-facing statement is scoped by the workspace it is given.
 */
@Repository
class ResultImageRepository {

    private final DSLContext db;

    ResultImageRepository(DSLContext db) {
        this.db = db;
    }

    Optional<ResultImage> findResult(UUID workspaceId, UUID imageId) {
        return db.selectFrom(IMAGE).where(ResultImageSql.live(workspaceId).and(IMAGE.ID.eq(imageId)))
                .fetchOptional(r -> new ResultImage(r.getId(), r.getGenerationId(), r.getOwnerId(), r.getFormat(),
                        r.getWidth(), r.getHeight(), r.getBytes(), r.getCreatedAt().toInstant()));
    }

    /** Soft delete, only by the requester or an admin; false if no such live image or not allowed. */
    boolean softDelete(UUID workspaceId, UUID imageId, UUID by, boolean admin, OffsetDateTime at) {
        Condition allowed = admin ? DSL.trueCondition() : IMAGE.OWNER_ID.eq(by);
        return db.update(IMAGE)
                .set(IMAGE.DELETED_AT, at)
                .set(IMAGE.DELETED_BY, by)
                .where(ResultImageSql.live(workspaceId).and(IMAGE.ID.eq(imageId)).and(allowed))
                .execute() == 1;
    }

    /** A live image of any role (result, reference, mask) of the workspace. */
    Optional<ImageFile> findFile(UUID workspaceId, UUID imageId) {
        return db.selectFrom(IMAGE)
                .where(IMAGE.ID.eq(imageId).and(IMAGE.WORKSPACE_ID.eq(workspaceId)).and(IMAGE.DELETED_AT.isNull()))
                .fetchOptional(r -> new ImageFile(r.getId(), r.getWorkspaceId(), format(r.getFormat()), r.getBytes(),
                        r.getSha256(), r.getHasThumbnail()));
    }

    Set<UUID> expiredAmong(UUID workspaceId, Collection<UUID> imageIds) {
        return Set.copyOf(db.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.ID.in(imageIds).and(IMAGE.WORKSPACE_ID.eq(workspaceId)).and(IMAGE.EXPIRED_AT.isNotNull()))
                .fetch(IMAGE.ID));
    }

    /**
     * Marks up to {@code limit} of the workspace's live images created before {@code cutoff} expired (and deleted),
     * oldest first. SKIP LOCKED keeps a concurrent delete from waiting.
     */
    List<ImageKey> expire(UUID workspaceId, OffsetDateTime cutoff, OffsetDateTime now, int limit) {
        var due = DSL.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.WORKSPACE_ID.eq(workspaceId)
                        .and(IMAGE.DELETED_AT.isNull())
                        .and(IMAGE.CREATED_AT.lt(cutoff)))
                .orderBy(IMAGE.CREATED_AT)
                .limit(limit)
                .forUpdate().skipLocked();
        return db.update(IMAGE)
                .set(IMAGE.EXPIRED_AT, now)
                .set(IMAGE.DELETED_AT, now)
                .where(IMAGE.ID.in(due).and(IMAGE.WORKSPACE_ID.eq(workspaceId)))
                .returning(IMAGE.WORKSPACE_ID, IMAGE.ID, IMAGE.FORMAT)
                .fetch(r -> new ImageKey(r.getWorkspaceId(), r.getId(), format(r.getFormat())));
    }

    /** The live rows (of any workspace) among these ids. */
    List<ImageKey> liveAmong(Collection<UUID> imageIds) {
        return db.select(IMAGE.WORKSPACE_ID, IMAGE.ID, IMAGE.FORMAT).from(IMAGE)
                .where(IMAGE.ID.in(imageIds).and(IMAGE.DELETED_AT.isNull()))
                .fetch(r -> new ImageKey(r.value1(), r.value2(), format(r.value3())));
    }

    /** Up to {@code limit} live rows created before {@code createdBefore}, by id after {@code after}. */
    List<ImageKey> livePage(OffsetDateTime createdBefore, UUID after, int limit) {
        return db.select(IMAGE.WORKSPACE_ID, IMAGE.ID, IMAGE.FORMAT).from(IMAGE)
                .where(IMAGE.DELETED_AT.isNull().and(IMAGE.CREATED_AT.lt(createdBefore)).and(IMAGE.ID.gt(after)))
                .orderBy(IMAGE.ID)
                .limit(limit)
                .fetch(r -> new ImageKey(r.value1(), r.value2(), format(r.value3())));
    }

    private static ImageFormat format(String stored) {
        return ImageFormat.valueOf(stored.toUpperCase(Locale.ROOT));
    }
}
