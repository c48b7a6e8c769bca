package studio.imgen.generate;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.WorkspaceModels;

/**
 * What a submission read of the catalogue and the workspace's model status, handed to the job's start on the same
 * instance a moment later so it does not read them again. Only for {@link #FRESH}: a job that waited in the queue (a
 * shutdown date or an admin's change may have come meanwhile) reads them again, as does a job another instance runs.
 */
@Component
class AdmissionReads {

    static final Duration FRESH = Duration.ofSeconds(1);
    /** Jobs another instance claimed never take theirs; the oldest go first. */
    private static final int KEPT = 1024;

    record Reads(ImageModel model, WorkspaceModels status) {
    }

    private record Kept(Reads reads, long atNanos) {
    }

    private final LongSupplier nanoTime;
    private final Map<UUID, Kept> entries = new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Kept> eldest) {
            return size() > KEPT;
        }
    };

    @Autowired
    AdmissionReads() {
        this(System::nanoTime);
    }

    AdmissionReads(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    synchronized void put(UUID generationId, ImageModel model, WorkspaceModels status) {
        entries.put(generationId, new Kept(new Reads(model, status), nanoTime.getAsLong()));
    }

    /** The reads of this job's admission, once, while fresh. */
    synchronized Optional<Reads> take(UUID generationId) {
        Kept entry = entries.remove(generationId);
        if (entry == null || nanoTime.getAsLong() - entry.atNanos() > FRESH.toNanos()) {
            return Optional.empty();
        }
        return Optional.of(entry.reads());
    }
}
