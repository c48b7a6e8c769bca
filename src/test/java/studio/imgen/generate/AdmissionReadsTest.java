package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import studio.imgen.catalog.WorkspaceModels;
import java.util.List;
import studio.imgen.catalog.ImageModel;

class AdmissionReadsTest {

    private static final ImageModel MODEL = new ImageModel("test-image-a", "Test A", 1, true, true,
            List.of("1024x1024"), List.of("low"), false, 1, false, false, 1, null, null, null, null, true, false, false);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AdmissionReads reads = new AdmissionReads(now::get);

    @Test
    void aJobStartingRightAfterItsAdmissionTakesWhatTheAdmissionReadOnce() {
        UUID job = UUID.randomUUID();
        reads.put(job, MODEL, WorkspaceModels.UNKNOWN);
        now.addAndGet(AdmissionReads.FRESH.toNanos());

        assertThat(reads.take(job)).hasValueSatisfying(r -> assertThat(r.model().id()).isEqualTo("test-image-a"));
        assertThat(reads.take(job)).isEmpty();
    }

    @Test
    void aJobThatWaitedLongerReadsAgain() {
        UUID job = UUID.randomUUID();
        reads.put(job, MODEL, WorkspaceModels.UNKNOWN);
        now.addAndGet(AdmissionReads.FRESH.toNanos() + 1);

        assertThat(reads.take(job)).isEmpty();
    }

    @Test
    void aJobAdmittedElsewhereHasNothingToTake() {
        assertThat(reads.take(UUID.randomUUID())).isEmpty();
    }
}
