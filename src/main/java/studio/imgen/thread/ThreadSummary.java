package studio.imgen.thread;

import java.time.Instant;
import java.util.UUID;
import studio.imgen.admin.EditThreadDefaults.Mode;

/** A thread in the list: its title, mode, how many turns, the latest image (null while none exists) and when. */
public record ThreadSummary(UUID id, String title, Mode mode, int turns, UUID latestImageId, boolean branch,
                            Instant updatedAt) {
}
