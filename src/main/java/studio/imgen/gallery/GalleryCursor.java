package studio.imgen.gallery;

import java.time.Instant;
import java.util.UUID;

/**
 * Where the next page starts: the last image shown. Keyset paging (not an offset) keeps a deep page as fast as the
 * first one and never skips or repeats an image when new ones arrive while the member scrolls.
 */
public record GalleryCursor(Instant createdAt, UUID imageId) {
}
