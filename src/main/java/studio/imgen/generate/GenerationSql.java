package studio.imgen.generate;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

import java.util.UUID;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Read fragments over this module's tables for other modules' queries to embed, so a page of theirs stays one
 * statement (no query per row) while the SQL on {@code generation} and {@code image} stays here. Each fragment is
 * correlated to a generation id column of the caller's query; the caller scopes its own rows to the workspace.
 */
public final class GenerationSql {

    private GenerationSql() {
    }

    /** The first live result image of the generation {@code generationId} names (null if none). */
    public static Field<UUID> firstResultImage(Field<UUID> generationId) {
        return DSL.field(DSL.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.GENERATION_ID.eq(generationId).and(IMAGE.ROLE.eq("result"))
                        .and(IMAGE.DELETED_AT.isNull()))
                .orderBy(IMAGE.POSITION).limit(1));
    }

    /** The generation {@code generationId} names has a prompt matching the LIKE pattern, case-insensitively. */
    public static Condition promptLike(Field<UUID> generationId, String pattern, char escape) {
        return DSL.exists(DSL.selectOne().from(GENERATION)
                .where(GENERATION.ID.eq(generationId).and(GENERATION.PROMPT.likeIgnoreCase(pattern, escape))));
    }
}
