package studio.imgen.generate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stored images for the scheduled jobs that keep rows and files in step (retention, the storage cleaner), which run
 * without a caller: the only write names the workspace it works on, the reads only tell which rows are live. Not for
 * views (they use {@link ResultImages}).
 */
@Component
public class ImageMaintenance {

    private final ResultImageRepository images;
    private final Clock clock;

    ImageMaintenance(ResultImageRepository images, Clock clock) {
        this.images = images;
        this.clock = clock;
    }

    /**
     * Marks up to {@code limit} of the workspace's live images older than {@code age} expired (rows stay, so whatever
     * points at them shows "Image expired"), oldest first, and returns where their files are, for the caller to delete.
     * The application clock decides age, like everywhere else. Each call is its own transaction.
     */
    @Transactional
    public List<ImageKey> expireOlderThan(UUID workspaceId, Duration age, int limit) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return images.expire(workspaceId, now.minus(age), now, limit);
    }

    /** The live rows among these image ids, whatever their workspace. */
    public List<ImageKey> liveAmong(Collection<UUID> imageIds) {
        return imageIds.isEmpty() ? List.of() : images.liveAmong(imageIds);
    }

    /**
     * Up to {@code limit} live rows created before {@code createdBefore}, ordered by image id after {@code after}
     * (start from {@code new UUID(0, 0)}, the smallest in PostgreSQL's unsigned order), to page through all of them.
     */
    public List<ImageKey> liveCreatedBefore(Instant createdBefore, UUID after, int limit) {
        return images.livePage(createdBefore.atOffset(ZoneOffset.UTC), after, limit);
    }
}
