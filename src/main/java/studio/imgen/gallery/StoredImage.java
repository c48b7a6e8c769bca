package studio.imgen.gallery;

import java.util.UUID;
import studio.imgen.storage.ImageFormat;

/** An image row the caller may see: enough to serve its bytes with the right headers. */
public record StoredImage(UUID id, UUID workspaceId, ImageFormat format, long bytes, String sha256, boolean hasThumbnail) {
}
