package studio.imgen.generate;

import java.util.UUID;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.StorageKey;

/** Where an image row's files live: the maintenance jobs compare these with the store's listing. */
public record ImageKey(UUID workspaceId, UUID imageId, ImageFormat format) {

    public StorageKey original() {
        return StorageKey.original(workspaceId, imageId, format);
    }

    public StorageKey thumbnail() {
        return StorageKey.thumbnail(workspaceId, imageId);
    }
}
