package studio.imgen.gallery;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;
import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE_MEMBERSHIP;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import imgen.db.tables.records.ImageRecord;

/**
 * The gallery's SQL. Every statement takes the workspace id (from the verified caller) and only sees live result
 * images. Pages are read newest first along {@code image_workspace_created_idx} (or {@code image_owner_created_idx}
 * for one member) with a keyset, the prompt search uses the full-text index on {@code generation.prompt}.
 */
@Repository
class GalleryQuery {

    private final DSLContext db;
    private final Clock clock;

    GalleryQuery(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Up to {@code limit} images after the cursor (null: from the newest), as {@code me} sees them. */
    List<GalleryItem> page(UUID workspaceId, UUID me, boolean admin, GalleryFilter filter, GalleryCursor after, int limit) {
        Condition where = scope(workspaceId, filter);
        if (after != null) {
            // Row comparison in index order: PostgreSQL starts the index scan right after the cursor.
            where = where.and(DSL.row(IMAGE.CREATED_AT, IMAGE.ID).lt(utc(after.createdAt()), after.imageId()));
        }
        return db.select(IMAGE.ID, IMAGE.GENERATION_ID, DSL.substring(GENERATION.PROMPT, 1, GalleryService.EXCERPT)
                                .as("prompt_excerpt"), GENERATION.MODEL, IMAGE.OWNER_ID, USER_DIRECTORY.DISPLAY_NAME,
                        IMAGE.CREATED_AT, IMAGE.WIDTH, IMAGE.HEIGHT)
                .from(IMAGE)
                .join(GENERATION).on(GENERATION.ID.eq(IMAGE.GENERATION_ID).and(GENERATION.WORKSPACE_ID.eq(workspaceId)))
                .join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(IMAGE.OWNER_ID))
                .where(where)
                .orderBy(IMAGE.CREATED_AT.desc(), IMAGE.ID.desc())
                .limit(limit)
                .fetch(r -> new GalleryItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7().toInstant(), r.value8(), r.value9(), admin || me.equals(r.value5())));
    }

    /** The image at position {@code offset - 1}, as a cursor: only the index columns are read while skipping. */
    Optional<GalleryCursor> cursorAt(UUID workspaceId, GalleryFilter filter, int offset) {
        return db.select(IMAGE.CREATED_AT, IMAGE.ID)
                .from(source(workspaceId, filter))
                .where(scope(workspaceId, filter))
                .orderBy(IMAGE.CREATED_AT.desc(), IMAGE.ID.desc())
                .offset(offset - 1)
                .limit(1)
                .fetchOptional(r -> new GalleryCursor(r.value1().toInstant(), r.value2()));
    }

    int count(UUID workspaceId, GalleryFilter filter) {
        return db.fetchCount(db.selectOne().from(source(workspaceId, filter)).where(scope(workspaceId, filter)));
    }

    /** The image table, joined to its generation only when a filter needs the prompt or model. */
    private static Table<?> source(UUID workspaceId, GalleryFilter filter) {
        if (!needsGeneration(filter)) {
            return IMAGE;
        }
        return IMAGE.join(GENERATION).on(GENERATION.ID.eq(IMAGE.GENERATION_ID).and(GENERATION.WORKSPACE_ID.eq(workspaceId)));
    }

    /** A live result image of the workspace. */
    Optional<ImageRecord> findResult(UUID workspaceId, UUID imageId) {
        return db.selectFrom(IMAGE).where(live(workspaceId).and(IMAGE.ID.eq(imageId))).fetchOptional();
    }

    /** Soft delete, only by the requester or an admin; false if no such live image or not allowed. */
    boolean softDelete(UUID workspaceId, UUID imageId, UUID by, boolean admin) {
        Condition allowed = admin ? DSL.trueCondition() : IMAGE.OWNER_ID.eq(by);
        return db.update(IMAGE)
                .set(IMAGE.DELETED_AT, OffsetDateTime.now(clock))
                .set(IMAGE.DELETED_BY, by)
                .where(live(workspaceId).and(IMAGE.ID.eq(imageId)).and(allowed))
                .execute() == 1;
    }

    List<GalleryFilterOptions.MemberOption> members(UUID workspaceId) {
        return db.select(USER_DIRECTORY.ID, USER_DIRECTORY.DISPLAY_NAME)
                .from(WORKSPACE_MEMBERSHIP).join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_MEMBERSHIP.USER_ID))
                .where(WORKSPACE_MEMBERSHIP.WORKSPACE_ID.eq(workspaceId))
                .orderBy(USER_DIRECTORY.DISPLAY_NAME.lower(), USER_DIRECTORY.ID)
                .fetch(r -> new GalleryFilterOptions.MemberOption(r.value1(), r.value2()));
    }

    private static Condition live(UUID workspaceId) {
        // Matches the partial indexes' predicate, so the planner can use them.
        return IMAGE.WORKSPACE_ID.eq(workspaceId).and(IMAGE.ROLE.eq("result")).and(IMAGE.DELETED_AT.isNull());
    }

    private static Condition scope(UUID workspaceId, GalleryFilter filter) {
        List<Condition> conditions = new ArrayList<>(List.of(live(workspaceId)));
        PromptSearch.toTsQuery(filter.text()).ifPresent(query -> conditions.add(DSL.condition(
                "to_tsvector('simple', {0}) @@ to_tsquery('simple', {1})", GENERATION.PROMPT, DSL.val(query))));
        if (filter.model() != null && !filter.model().isBlank()) {
            conditions.add(GENERATION.MODEL.eq(filter.model()));
        }
        if (filter.requesterId() != null) {
            conditions.add(IMAGE.OWNER_ID.eq(filter.requesterId()));
        }
        if (filter.from() != null) {
            conditions.add(IMAGE.CREATED_AT.ge(utc(filter.from())));
        }
        if (filter.until() != null) {
            conditions.add(IMAGE.CREATED_AT.lt(utc(filter.until())));
        }
        return DSL.and(conditions);
    }

    private static boolean needsGeneration(GalleryFilter filter) {
        return PromptSearch.toTsQuery(filter.text()).isPresent() || (filter.model() != null && !filter.model().isBlank());
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
