package studio.imgen.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One line of the audit grid. {@code promptPreview} is the start of the prompt (the detail has all of it). */
public record AuditRow(long seq, Instant at, String actorName, String category, String action, String model,
                       String size, String quality, String status, Long costMicros, boolean costEstimated, List<UUID> imageIds,
                       String promptPreview, UUID generationId) {

    public AuditCursor cursor() {
        return new AuditCursor(at, seq);
    }
}
