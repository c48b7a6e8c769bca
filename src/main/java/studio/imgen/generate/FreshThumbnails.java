package studio.imgen.generate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The thumbnails of results this instance has just written, kept in memory for a minute so that the member's own
 * result card can carry its image in the push that announces it, instead of the browser asking for the file after
 * the card arrives. Bounded by count; a miss (another instance wrote it, or it has aged out) means the card loads the
 * stored thumbnail as always. Only the image's owner in its workspace is given it.
 */
@Component
class FreshThumbnails {

    static final int CAPACITY = 64;
    static final Duration FRESH = Duration.ofMinutes(1);

    private record Fresh(UUID workspaceId, UUID ownerId, byte[] jpeg, Instant madeAt) {
    }

    private final Clock clock;
    private final Map<UUID, Fresh> entries = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, Fresh> eldest) {
            return size() > CAPACITY;
        }
    };

    FreshThumbnails(Clock clock) {
        this.clock = clock;
    }

    synchronized void put(UUID imageId, UUID workspaceId, UUID ownerId, byte[] jpeg) {
        entries.put(imageId, new Fresh(workspaceId, ownerId, jpeg, clock.instant()));
    }

    synchronized Optional<byte[]> find(UUID imageId, UUID workspaceId, UUID ownerId) {
        Fresh entry = entries.get(imageId);
        if (entry == null || !entry.workspaceId().equals(workspaceId) || !entry.ownerId().equals(ownerId)) {
            return Optional.empty();
        }
        if (entry.madeAt().plus(FRESH).isBefore(clock.instant())) {
            entries.remove(imageId);
            return Optional.empty();
        }
        return Optional.of(entry.jpeg());
    }
}
