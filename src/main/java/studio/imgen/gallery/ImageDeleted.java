package studio.imgen.gallery;

import java.util.UUID;

/** Published after an image was soft-deleted, for the audit log: who deleted whose image in which workspace. */
public record ImageDeleted(UUID imageId, UUID workspaceId, UUID ownerId, UUID deletedBy) {
}
