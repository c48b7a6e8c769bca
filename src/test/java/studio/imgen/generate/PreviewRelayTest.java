package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.GENERATION_PREVIEW;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.testsupport.JobRows;
import studio.imgen.testsupport.LoggedInAsMemberTest;

/**
 * A job that another instance runs (a running row this instance never claimed): its previews, stored by that
 * instance's worker, reach the views following it here, each new one once, and are dropped when the job ends.
 */
class PreviewRelayTest extends LoggedInAsMemberTest {

    @Autowired
    SharedPreviews previews;
    @Autowired
    PreviewRelay relay;
    @Autowired
    GenerationEvents events;

    @Test
    void previewsOfAJobRunningElsewhereReachTheViewsHereOnceEachAndGoWhenItEnds() {
        UUID job = jobs("running", "drawn on another instance");
        List<GenerationEvent> seen = new CopyOnWriteArrayList<>();
        Runnable unsubscribe = events.subscribe(job, seen::add);
        try {
            relay.relay();
            assertThat(seen).as("nothing stored yet").isEmpty();

            previews.store(new GenerationEvent.Preview(job, 0, new byte[] {1, 2, 3}));
            relay.relay();
            relay.relay();
            assertThat(seen).singleElement().isInstanceOfSatisfying(GenerationEvent.Preview.class,
                    preview -> assertThat(preview.jpeg()).containsExactly(1, 2, 3));

            previews.store(new GenerationEvent.Preview(job, 1, new byte[] {4, 5}));
            relay.relay();
            assertThat(seen).hasSize(2).last().isInstanceOfSatisfying(GenerationEvent.Preview.class,
                    preview -> assertThat(preview.index()).isEqualTo(1));
            assertThat(events.latestPreview(job)).as("shown to a view that opens now").isPresent();

            db.update(GENERATION).set(GENERATION.STATUS, "succeeded").setNull(GENERATION.LEASE_TOKEN)
                    .where(GENERATION.ID.eq(job)).execute();
            previews.forgetFinished();
            assertThat(db.fetchCount(GENERATION_PREVIEW, GENERATION_PREVIEW.GENERATION_ID.eq(job))).isZero();
        } finally {
            unsubscribe.run();
        }
    }

    private UUID jobs(String status, String prompt) {
        var row = JobRows.job(ana, status, prompt);
        row.setLeaseToken(UUID.randomUUID());
        row.setLeaseUntil(java.time.OffsetDateTime.now(clock).plusMinutes(2));
        return db.insertInto(GENERATION).set(row).returning(GENERATION.ID).fetchOne(GENERATION.ID);
    }
}
