package studio.imgen.gallery;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.generate.ImageFile;
import studio.imgen.generate.ResultImages;
import studio.imgen.security.CurrentUser;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;

/**
 * The object-level check behind every image URL: {@code generate}'s {@link ResultImages} ties the image id to the
 * caller's active workspace in one query. A missing image, a deleted one or another workspace's all look the same
 * (empty, so the endpoint answers 404), and so does a caller who is no member of a workspace.
 */
@Component
public class ImageAccess {

    private final ResultImages images;
    private final CurrentUser currentUser;
    private final ImageStore store;
    private final RetentionSettings retention;

    ImageAccess(ResultImages images, CurrentUser currentUser, ImageStore store, RetentionSettings retention) {
        this.images = images;
        this.retention = retention;
        this.currentUser = currentUser;
        this.store = store;
    }

    /** The image if the caller is an active member of the workspace it belongs to. */
    public Optional<ImageFile> find(UUID imageId) {
        return asMember(() -> images.file(imageId)).flatMap(found -> found);
    }

    /** Whether the image belonged to the caller's workspace and was expired by its retention setting. */
    boolean isExpired(UUID imageId) {
        return !expiredAmong(List.of(imageId)).ids().isEmpty();
    }

    /**
     * Which of these images (of the caller's workspace) the retention job expired, so views show a neutral
     * "Image expired" placeholder instead of a broken image. Ids of other workspaces are never reported.
     */
    public ExpiredImages expiredAmong(Collection<UUID> imageIds) {
        if (imageIds.isEmpty()) {
            return ExpiredImages.NONE;
        }
        Set<UUID> expired = asMember(() -> images.expiredAmong(imageIds)).orElse(Set.of());
        return expired.isEmpty() ? ExpiredImages.NONE : new ExpiredImages(expired, retention.days());
    }

    /** The answer for a member of a workspace; empty for anyone else (anonymous, no workspace, no longer a member). */
    private <T> Optional<T> asMember(Supplier<T> read) {
        if (currentUser.get().isEmpty() || currentUser.get().get().workspaceId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(read.get());
        } catch (AccessDeniedException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the original of a found image is stored. Built from the row, never from the request.
     */
    StorageKey originalKey(ImageFile image) {
        return StorageKey.original(image.workspaceId(), image.id(), image.format());
    }

    /** @throws studio.imgen.storage.StoredFileNotFoundException when the file is gone (for example cleaned up) */
    long size(StorageKey key) {
        return store.size(key);
    }

    InputStream open(StorageKey key) {
        return store.open(key);
    }
}
