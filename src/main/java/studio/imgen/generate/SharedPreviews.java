package studio.imgen.generate;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.GENERATION_PREVIEW;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * The latest preview of each running generation, in the database so that every instance can show it: the worker
 * stores what it streams, other instances read it for the members they serve. One short statement each; a failure
 * to store costs only a preview elsewhere, never the job.
 */
@Repository
class SharedPreviews {

    private static final Logger log = LoggerFactory.getLogger(SharedPreviews.class);

    /** A stored preview; {@code version} grows with every newer one of the same generation. */
    record Stored(GenerationEvent.Preview preview, int version) {
    }

    private final DSLContext db;
    private final Clock clock;

    SharedPreviews(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void store(GenerationEvent.Preview preview) {
        try {
            db.insertInto(GENERATION_PREVIEW)
                    .set(GENERATION_PREVIEW.GENERATION_ID, preview.generationId())
                    .set(GENERATION_PREVIEW.PARTIAL_INDEX, preview.index())
                    .set(GENERATION_PREVIEW.JPEG, preview.jpeg())
                    .set(GENERATION_PREVIEW.UPDATED_AT, OffsetDateTime.now(clock))
                    .onConflict(GENERATION_PREVIEW.GENERATION_ID).doUpdate()
                    .set(GENERATION_PREVIEW.PARTIAL_INDEX, preview.index())
                    .set(GENERATION_PREVIEW.JPEG, preview.jpeg())
                    .set(GENERATION_PREVIEW.VERSION, GENERATION_PREVIEW.VERSION.plus(1))
                    .set(GENERATION_PREVIEW.UPDATED_AT, OffsetDateTime.now(clock))
                    .execute();
        } catch (RuntimeException e) {
            log.warn("Could not share the preview of generation {} with other instances: {}", preview.generationId(),
                    e.getMessage());
        }
    }

    /** The stored previews of those generations that are still running. */
    List<Stored> runningAmong(Collection<UUID> generationIds) {
        return db.select(GENERATION_PREVIEW.GENERATION_ID, GENERATION_PREVIEW.PARTIAL_INDEX, GENERATION_PREVIEW.JPEG,
                        GENERATION_PREVIEW.VERSION)
                .from(GENERATION_PREVIEW).join(GENERATION).on(GENERATION.ID.eq(GENERATION_PREVIEW.GENERATION_ID))
                .where(GENERATION_PREVIEW.GENERATION_ID.in(generationIds).and(GENERATION.STATUS.eq("running")))
                .fetch(row -> new Stored(new GenerationEvent.Preview(row.value1(), row.value2(), row.value3()), row.value4()));
    }

    /** Previews of generations that ended (however: finished, cancelled, or interrupted after a crash) are dropped. */
    int forgetFinished() {
        return db.deleteFrom(GENERATION_PREVIEW)
                .where(GENERATION_PREVIEW.GENERATION_ID.in(db.select(GENERATION.ID).from(GENERATION)
                        .where(GENERATION.ID.eq(GENERATION_PREVIEW.GENERATION_ID)
                                .and(GENERATION.STATUS.notIn("queued", "running")))))
                .execute();
    }
}
