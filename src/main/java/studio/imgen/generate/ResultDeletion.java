package studio.imgen.generate;

import java.util.UUID;

/** What became of a request to soft-delete a result image. */
public sealed interface ResultDeletion {

    /** The image is gone from every list; its file stays until the storage cleaner removes it. */
    record Deleted(UUID imageId, UUID workspaceId, UUID ownerId, UUID deletedBy) implements ResultDeletion {
    }

    enum Refused implements ResultDeletion {
        /** No live result image of the caller's workspace has that id (any more). */
        NOT_FOUND,
        /** The caller neither requested it nor administers the workspace. */
        NOT_YOURS
    }
}
