package studio.imgen.base;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Whether the caller may "Edit this image" now: implemented by the thread module, asked by the shared action in
 * {@code base.ui}, which may not name that module.
 */
public interface EditPrecheck {

    /** The sentence the member would be refused with, and when waiting helps, the moment it ends; empty: go ahead. */
    Optional<Refusal> whyNotEdit(UUID imageId);

    record Refusal(String message, Optional<Instant> until) {
    }
}
