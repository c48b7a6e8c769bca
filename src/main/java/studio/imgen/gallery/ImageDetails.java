package studio.imgen.gallery;

import java.time.Instant;
import java.util.UUID;
import studio.imgen.generate.GenerationDetails;

/**
 * One result image with the generation that made it: full prompt, resolved parameters, requester, time, tokens,
 * cost and the generation's other (not deleted) images.
 *
 * @param deletable whether the caller may delete it (its requester, or a workspace admin)
 */
public record ImageDetails(UUID imageId, String format, int width, int height, long bytes, Instant createdAt,
                           boolean deletable, GenerationDetails generation) {
}
