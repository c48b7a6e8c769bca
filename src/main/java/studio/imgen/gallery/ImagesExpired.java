package studio.imgen.gallery;

import java.util.List;
import java.util.UUID;

/**
 * Published after the retention job expired a batch of a workspace's images (rows marked, files deleted), for the
 * audit log: no user did it, the workspace's retention setting did.
 */
public record ImagesExpired(UUID workspaceId, int retentionDays, List<UUID> imageIds) {

    public ImagesExpired {
        imageIds = List.copyOf(imageIds);
    }
}
