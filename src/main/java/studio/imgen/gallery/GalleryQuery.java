package studio.imgen.gallery;

import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE_MEMBERSHIP;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import studio.imgen.generate.ResultImageSql;

/**
 * The gallery's SQL, one statement per page composed from {@link ResultImageSql} (the images and generations are
 * {@code generate}'s). Every statement takes the workspace id (from the verified caller) and only sees live result
 * images. Pages are read newest first along {@code image_workspace_created_idx} (or {@code image_owner_created_idx}
 * for one member) with a keyset, the prompt search uses the full-text index on {@code generation.prompt}.
 */
@Repository
class GalleryQuery {

    private static final Field<UUID> ID = ResultImageSql.ID;
    private static final Field<OffsetDateTime> CREATED_AT = ResultImageSql.CREATED_AT;

    private final DSLContext db;

    GalleryQuery(DSLContext db) {
        this.db = db;
    }

    /** Up to {@code limit} images after the cursor (null: from the newest), as {@code me} sees them. */
    List<GalleryItem> page(UUID workspaceId, UUID me, boolean admin, GalleryFilter filter, GalleryCursor after, int limit) {
        Condition where = scope(workspaceId, filter);
        if (after != null) {
            // Row comparison in index order: PostgreSQL starts the index scan right after the cursor.
            where = where.and(DSL.row(CREATED_AT, ID).lt(utc(after.createdAt()), after.imageId()));
        }
        return db.select(ID, ResultImageSql.GENERATION_ID,
                        DSL.substring(ResultImageSql.PROMPT, 1, GalleryService.EXCERPT).as("prompt_excerpt"),
                        ResultImageSql.MODEL, ResultImageSql.OWNER_ID, USER_DIRECTORY.DISPLAY_NAME, CREATED_AT,
                        ResultImageSql.WIDTH, ResultImageSql.HEIGHT)
                .from(ResultImageSql.withGenerations(workspaceId))
                .join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(ResultImageSql.OWNER_ID))
                .where(where)
                .orderBy(CREATED_AT.desc(), ID.desc())
                .limit(limit)
                .fetch(r -> new GalleryItem(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7().toInstant(), r.value8(), r.value9(), admin || me.equals(r.value5())));
    }

    /** The image at position {@code offset - 1}, as a cursor: only the index columns are read while skipping. */
    Optional<GalleryCursor> cursorAt(UUID workspaceId, GalleryFilter filter, int offset) {
        return db.select(CREATED_AT, ID)
                .from(source(workspaceId, filter))
                .where(scope(workspaceId, filter))
                .orderBy(CREATED_AT.desc(), ID.desc())
                .offset(offset - 1)
                .limit(1)
                .fetchOptional(r -> new GalleryCursor(r.value1().toInstant(), r.value2()));
    }

    int count(UUID workspaceId, GalleryFilter filter) {
        return db.fetchCount(db.selectOne().from(source(workspaceId, filter)).where(scope(workspaceId, filter)));
    }

    /** The images, joined to their generations only when a filter needs the prompt or model. */
    private static Table<?> source(UUID workspaceId, GalleryFilter filter) {
        return needsGeneration(filter) ? ResultImageSql.withGenerations(workspaceId) : ResultImageSql.images();
    }

    List<GalleryFilterOptions.MemberOption> members(UUID workspaceId) {
        return db.select(USER_DIRECTORY.ID, USER_DIRECTORY.DISPLAY_NAME)
                .from(WORKSPACE_MEMBERSHIP).join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_MEMBERSHIP.USER_ID))
                .where(WORKSPACE_MEMBERSHIP.WORKSPACE_ID.eq(workspaceId))
                .orderBy(USER_DIRECTORY.DISPLAY_NAME.lower(), USER_DIRECTORY.ID)
                .fetch(r -> new GalleryFilterOptions.MemberOption(r.value1(), r.value2()));
    }

    private static Condition scope(UUID workspaceId, GalleryFilter filter) {
        List<Condition> conditions = new ArrayList<>(List.of(ResultImageSql.live(workspaceId)));
        PromptSearch.toTsQuery(filter.text()).ifPresent(query -> conditions.add(ResultImageSql.promptMatches(query)));
        if (filter.model() != null && !filter.model().isBlank()) {
            conditions.add(ResultImageSql.model(filter.model()));
        }
        if (filter.requesterId() != null) {
            conditions.add(ResultImageSql.OWNER_ID.eq(filter.requesterId()));
        }
        if (filter.from() != null) {
            conditions.add(CREATED_AT.ge(utc(filter.from())));
        }
        if (filter.until() != null) {
            conditions.add(CREATED_AT.lt(utc(filter.until())));
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
