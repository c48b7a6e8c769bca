package studio.imgen.generate;

import java.time.Instant;
import java.util.UUID;

/** A live result image of the caller's workspace, as its row holds it. */
public record ResultImage(UUID id, UUID generationId, UUID ownerId, String format, int width, int height, long bytes,
                          Instant createdAt) {
}
