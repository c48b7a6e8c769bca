package studio.imgen.generate;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * A workspace's live result images with their generation's prompt and model, as pieces for another module's page
 * query (the gallery's), so that page stays one statement walking {@code image_workspace_created_idx} (or
 * {@code image_owner_created_idx} for one member) while the SQL on {@code image} and {@code generation} stays here.
 * The caller scopes its statement with {@link #live(UUID)} for the verified caller's workspace.
 */
public final class ResultImageSql {

    public static final Field<UUID> ID = IMAGE.ID;
    public static final Field<UUID> GENERATION_ID = IMAGE.GENERATION_ID;
    public static final Field<UUID> OWNER_ID = IMAGE.OWNER_ID;
    public static final Field<OffsetDateTime> CREATED_AT = IMAGE.CREATED_AT;
    public static final Field<Integer> WIDTH = IMAGE.WIDTH;
    public static final Field<Integer> HEIGHT = IMAGE.HEIGHT;
    /** Only with {@link #withGenerations(UUID)} in the statement's source. */
    public static final Field<String> PROMPT = GENERATION.PROMPT;
    /** Only with {@link #withGenerations(UUID)} in the statement's source. */
    public static final Field<String> MODEL = GENERATION.MODEL;

    private ResultImageSql() {
    }

    /** The image rows alone: enough while nothing in the statement names the prompt or the model. */
    public static Table<?> images() {
        return IMAGE;
    }

    /** The image rows joined to their generations, which must belong to the same workspace. */
    public static Table<?> withGenerations(UUID workspaceId) {
        return IMAGE.join(GENERATION).on(GENERATION.ID.eq(IMAGE.GENERATION_ID).and(GENERATION.WORKSPACE_ID.eq(workspaceId)));
    }

    /** A live (not deleted, not expired) result image of the workspace. */
    public static Condition live(UUID workspaceId) {
        // Matches the partial indexes' predicate, so the planner can use them.
        return IMAGE.WORKSPACE_ID.eq(workspaceId).and(IMAGE.ROLE.eq("result")).and(IMAGE.DELETED_AT.isNull());
    }

    /** The generation's prompt matches a {@code to_tsquery('simple', …)} query (bound, never spliced in). */
    public static Condition promptMatches(String tsQuery) {
        return DSL.condition("to_tsvector('simple', {0}) @@ to_tsquery('simple', {1})", GENERATION.PROMPT,
                DSL.val(tsQuery));
    }

    /** The generation used this model. */
    public static Condition model(String modelId) {
        return GENERATION.MODEL.eq(modelId);
    }
}
