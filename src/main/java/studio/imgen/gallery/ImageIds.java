package studio.imgen.gallery;

import java.util.Optional;
import java.util.UUID;

/**
 * Image ids as they appear in URLs: only the canonical lower-case form. {@code UUID.fromString} also accepts upper
 * case and shortened groups; refusing those keeps one URL per image (one cache entry, one ETag scope).
 */
final class ImageIds {

    private ImageIds() {
    }

    static Optional<UUID> parse(String raw) {
        if (raw == null || raw.length() != 36) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(raw);
            return id.toString().equals(raw) ? Optional.of(id) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
