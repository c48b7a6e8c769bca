package studio.imgen.gallery;

import java.time.Instant;
import java.util.UUID;

/**
 * One result image as a gallery card shows it: enough for the card and its context menu, never the full prompt
 * (a card shows two lines of it; the detail loads the rest).
 *
 * @param promptExcerpt the first {@link GalleryService#EXCERPT} characters of the prompt
 * @param deletable whether the caller may delete it (its requester, or a workspace admin)
 */
public record GalleryItem(UUID imageId, UUID generationId, String promptExcerpt, String model, UUID requesterId,
                          String requesterName, Instant createdAt, int width, int height, boolean deletable) {
}
