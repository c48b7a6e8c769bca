package studio.imgen.generate;

import java.util.UUID;
import studio.imgen.storage.ImageFormat;

/** A live image row (result, reference or mask) the caller may see: enough to serve its bytes with the right headers. */
public record ImageFile(UUID id, UUID workspaceId, ImageFormat format, long bytes, String sha256, boolean hasThumbnail) {
}
