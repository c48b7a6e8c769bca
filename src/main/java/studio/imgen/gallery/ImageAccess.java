package studio.imgen.gallery;

import static imgen.db.Tables.IMAGE;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import studio.imgen.admin.RetentionSettings;
import studio.imgen.security.CurrentUser;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.workspace.WorkspaceAccess;

/**
 * The object-level check behind every image URL: one query ties the image id to the caller's active workspace. A
 * missing image, a deleted one or another workspace's all look the same (empty, so the endpoint answers 404).
 */
@Component
public class ImageAccess {

    private final DSLContext db;
    private final WorkspaceAccess workspaces;
    private final CurrentUser currentUser;
    private final ImageStore store;
    private final RetentionSettings retention;

    ImageAccess(DSLContext db, WorkspaceAccess workspaces, CurrentUser currentUser, ImageStore store,
                RetentionSettings retention) {
        this.db = db;
        this.retention = retention;
        this.workspaces = workspaces;
        this.currentUser = currentUser;
        this.store = store;
    }

    /** The image if the caller is an active member of the workspace it belongs to. */
    public Optional<StoredImage> find(UUID imageId) {
        return callerWorkspace().flatMap(workspaceId -> db.selectFrom(IMAGE)
                .where(IMAGE.ID.eq(imageId).and(IMAGE.WORKSPACE_ID.eq(workspaceId)).and(IMAGE.DELETED_AT.isNull()))
                .fetchOptional(r -> new StoredImage(r.getId(), r.getWorkspaceId(),
                        ImageFormat.valueOf(r.getFormat().toUpperCase(Locale.ROOT)), r.getBytes(), r.getSha256(),
                        r.getHasThumbnail())));
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
        Optional<UUID> workspaceId = callerWorkspace();
        if (workspaceId.isEmpty()) {
            return ExpiredImages.NONE;
        }
        Set<UUID> expired = Set.copyOf(db.select(IMAGE.ID).from(IMAGE)
                .where(IMAGE.ID.in(imageIds).and(IMAGE.WORKSPACE_ID.eq(workspaceId.get()))
                        .and(IMAGE.EXPIRED_AT.isNotNull()))
                .fetch(IMAGE.ID));
        return expired.isEmpty() ? ExpiredImages.NONE : new ExpiredImages(expired, retention.days());
    }

    private Optional<UUID> callerWorkspace() {
        if (currentUser.get().isEmpty() || currentUser.get().get().workspaceId() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(workspaces.requireMember().workspaceId());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Where the original of a found image is stored. Built from the row, never from the request.
     */
    StorageKey originalKey(StoredImage image) {
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
