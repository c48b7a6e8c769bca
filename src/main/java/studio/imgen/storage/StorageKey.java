package studio.imgen.storage;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a stored file lives, built only from server-generated ids: {@code <workspaceId>/<imageId>.<ext>} for an
 * original and {@code <workspaceId>/<imageId>.thumb.jpg} for its thumbnail. A client's file name can never become
 * part of a key, so it can never reach a path.
 */
public final class StorageKey {

    private static final String THUMBNAIL_SUFFIX = ".thumb.jpg";
    private static final int UUID_LENGTH = 36;

    private final UUID workspaceId;
    private final UUID imageId;
    private final ImageFormat format;
    private final boolean thumbnail;

    private StorageKey(UUID workspaceId, UUID imageId, ImageFormat format, boolean thumbnail) {
        this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
        this.imageId = Objects.requireNonNull(imageId, "imageId");
        this.format = Objects.requireNonNull(format, "format");
        this.thumbnail = thumbnail;
    }

    public static StorageKey original(UUID workspaceId, UUID imageId, ImageFormat format) {
        return new StorageKey(workspaceId, imageId, format, false);
    }

    public static StorageKey thumbnail(UUID workspaceId, UUID imageId) {
        return new StorageKey(workspaceId, imageId, ImageFormat.JPEG, true);
    }

    /**
     * Reads a key back from a stored name (used when listing files for orphan cleanup). Only the exact shapes this
     * class produces are accepted, with canonical lower-case UUIDs; anything else is empty.
     */
    public static Optional<StorageKey> parse(String value) {
        if (value == null || value.length() > 2 * UUID_LENGTH + 1 + THUMBNAIL_SUFFIX.length()) {
            return Optional.empty();
        }
        int slash = value.indexOf('/');
        if (slash != UUID_LENGTH) {
            return Optional.empty();
        }
        Optional<UUID> workspaceId = canonicalUuid(value.substring(0, slash));
        String fileName = value.substring(slash + 1);
        if (workspaceId.isEmpty() || fileName.length() <= UUID_LENGTH) {
            return Optional.empty();
        }
        Optional<UUID> imageId = canonicalUuid(fileName.substring(0, UUID_LENGTH));
        String suffix = fileName.substring(UUID_LENGTH);
        if (imageId.isEmpty()) {
            return Optional.empty();
        }
        if (suffix.equals(THUMBNAIL_SUFFIX)) {
            return Optional.of(thumbnail(workspaceId.get(), imageId.get()));
        }
        if (!suffix.startsWith(".")) {
            return Optional.empty();
        }
        return ImageFormat.fromExtension(suffix.substring(1))
                .map(format -> original(workspaceId.get(), imageId.get(), format));
    }

    private static Optional<UUID> canonicalUuid(String text) {
        if (text.length() != UUID_LENGTH) {
            return Optional.empty();
        }
        try {
            UUID uuid = UUID.fromString(text);
            // UUID.fromString also accepts upper case and other spellings of the same id: one id, one name.
            return uuid.toString().equals(text) ? Optional.of(uuid) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    public UUID workspaceId() {
        return workspaceId;
    }

    public UUID imageId() {
        return imageId;
    }

    /** Format of the stored bytes: the original's format, or JPEG for a thumbnail. */
    public ImageFormat format() {
        return format;
    }

    public boolean isThumbnail() {
        return thumbnail;
    }

    /** Name of the file inside the workspace's directory. */
    public String fileName() {
        return imageId + (thumbnail ? THUMBNAIL_SUFFIX : "." + format.extension());
    }

    /** The key as a relative, slash-separated name: a file path below the store's root, or an object key. */
    public String value() {
        return workspaceId + "/" + fileName();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StorageKey key
                && workspaceId.equals(key.workspaceId)
                && imageId.equals(key.imageId)
                && format == key.format
                && thumbnail == key.thumbnail;
    }

    @Override
    public int hashCode() {
        return Objects.hash(workspaceId, imageId, format, thumbnail);
    }

    @Override
    public String toString() {
        return value();
    }
}
