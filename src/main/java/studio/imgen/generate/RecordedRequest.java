package studio.imgen.generate;

import java.time.Instant;
import java.util.UUID;

/**
 * What was admitted, as stored on the job (after the defaults and checks): the kind ("generate" or "edit"), the
 * prompt, the model and the image options, the inputs, and when it was admitted.
 */
public record RecordedRequest(UUID submissionId, String kind, String prompt, ImageOptions options,
                              Integer referenceCount, Boolean hasMask, UUID parentImageId, Instant createdAt) {
}
