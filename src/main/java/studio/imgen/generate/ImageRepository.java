package studio.imgen.generate;

import static imgen.db.Tables.GENERATION_INPUT;
import static imgen.db.Tables.IMAGE;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageInfo;
import studio.imgen.storage.ValidatedImage;

/** The image rows of generations (references, masks, results) and a job's ordered inputs. */
@Repository
class ImageRepository {

    private final DSLContext db;

    ImageRepository(DSLContext db) {
        this.db = db;
    }

    /** A stored image a job reads: its id and format. */
    record StoredImage(UUID id, ImageFormat format) {
    }

    /** A result image written and stored on disk, waiting for the fenced write. */
    record ResultRow(UUID id, int position, ImageInfo info, int bytes) {
    }

    /** Width and height of the workspace's (not deleted) result images among {@code ids}, by id. */
    Map<UUID, int[]> resultSizes(UUID workspaceId, List<UUID> ids) {
        return db.select(IMAGE.ID, IMAGE.WIDTH, IMAGE.HEIGHT).from(IMAGE)
                .where(IMAGE.ID.in(ids).and(IMAGE.WORKSPACE_ID.eq(workspaceId)).and(IMAGE.DELETED_AT.isNull())
                        .and(IMAGE.ROLE.eq("result")))
                .fetchMap(IMAGE.ID, r -> new int[] {r.value2(), r.value3()});
    }

    void insertInput(UUID generationId, UUID imageId, int position) {
        db.insertInto(GENERATION_INPUT).set(GENERATION_INPUT.GENERATION_ID, generationId)
                .set(GENERATION_INPUT.IMAGE_ID, imageId).set(GENERATION_INPUT.POSITION, position).execute();
    }

    /** An uploaded reference of a job (also one of its inputs). */
    void insertReference(UUID workspaceId, UUID ownerId, UUID generationId, UUID imageId, int position,
                         ValidatedImage reference, OffsetDateTime createdAt) {
        db.insertInto(IMAGE)
                .set(IMAGE.ID, imageId)
                .set(IMAGE.WORKSPACE_ID, workspaceId)
                .set(IMAGE.OWNER_ID, ownerId)
                .set(IMAGE.GENERATION_ID, generationId)
                .set(IMAGE.ROLE, "reference")
                .set(IMAGE.POSITION, position)
                .set(IMAGE.FORMAT, reference.format().name().toLowerCase(Locale.ROOT))
                .set(IMAGE.WIDTH, reference.width())
                .set(IMAGE.HEIGHT, reference.height())
                .set(IMAGE.BYTES, (long) reference.bytes().length)
                .set(IMAGE.SHA256, reference.sha256Hex())
                .set(IMAGE.CREATED_AT, createdAt)
                .execute();
    }

    /** The mask is kept with the job (not in generation_input): the worker sends it as the separate mask part. */
    void insertMask(UUID workspaceId, UUID ownerId, UUID generationId, UUID maskId, ValidatedImage mask,
                    OffsetDateTime createdAt) {
        db.insertInto(IMAGE)
                .set(IMAGE.ID, maskId)
                .set(IMAGE.WORKSPACE_ID, workspaceId)
                .set(IMAGE.OWNER_ID, ownerId)
                .set(IMAGE.GENERATION_ID, generationId)
                .set(IMAGE.ROLE, "mask")
                .set(IMAGE.FORMAT, "png")
                .set(IMAGE.WIDTH, mask.width())
                .set(IMAGE.HEIGHT, mask.height())
                .set(IMAGE.BYTES, (long) mask.bytes().length)
                .set(IMAGE.SHA256, mask.sha256Hex())
                .set(IMAGE.CREATED_AT, createdAt)
                .execute();
    }

    void insertResults(UUID workspaceId, UUID ownerId, UUID generationId, List<ResultRow> rows, OffsetDateTime storedAt) {
        for (ResultRow row : rows) {
            db.insertInto(IMAGE)
                    .set(IMAGE.ID, row.id())
                    .set(IMAGE.WORKSPACE_ID, workspaceId)
                    .set(IMAGE.OWNER_ID, ownerId)
                    .set(IMAGE.GENERATION_ID, generationId)
                    .set(IMAGE.ROLE, "result")
                    .set(IMAGE.POSITION, row.position())
                    .set(IMAGE.FORMAT, row.info().format().name().toLowerCase(Locale.ROOT))
                    .set(IMAGE.WIDTH, row.info().width())
                    .set(IMAGE.HEIGHT, row.info().height())
                    .set(IMAGE.BYTES, (long) row.bytes())
                    .set(IMAGE.SHA256, row.info().sha256Hex())
                    .set(IMAGE.HAS_THUMBNAIL, true)
                    .set(IMAGE.CREATED_AT, storedAt)
                    .execute();
        }
    }

    /** A job's input images (sources, then references), in order. */
    List<StoredImage> inputsOf(UUID workspaceId, UUID generationId) {
        return db.select(IMAGE.ID, IMAGE.FORMAT).from(GENERATION_INPUT)
                .join(IMAGE).on(IMAGE.ID.eq(GENERATION_INPUT.IMAGE_ID))
                .where(GENERATION_INPUT.GENERATION_ID.eq(generationId).and(IMAGE.WORKSPACE_ID.eq(workspaceId)))
                .orderBy(GENERATION_INPUT.POSITION)
                .fetch(r -> new StoredImage(r.value1(), ImageFormat.valueOf(r.value2().toUpperCase(Locale.ROOT))));
    }

    Optional<UUID> maskOf(UUID workspaceId, UUID generationId) {
        return db.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.GENERATION_ID.eq(generationId).and(IMAGE.WORKSPACE_ID.eq(workspaceId))
                        .and(IMAGE.ROLE.eq("mask")))
                .fetchOptional(IMAGE.ID);
    }

    /** A generation's result images, in order. */
    List<UUID> resultIds(UUID workspaceId, UUID generationId) {
        return db.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.GENERATION_ID.eq(generationId).and(IMAGE.WORKSPACE_ID.eq(workspaceId))
                        .and(IMAGE.ROLE.eq("result")))
                .orderBy(IMAGE.POSITION)
                .fetch(IMAGE.ID);
    }

    /** Bytes of every image not deleted, across workspaces (a gauge). */
    long storedBytes() {
        BigDecimal sum = db.select(DSL.sum(IMAGE.BYTES)).from(IMAGE).where(IMAGE.DELETED_AT.isNull()).fetchOne().value1();
        return sum == null ? 0 : sum.longValue();
    }
}
