package studio.imgen.gallery;

import java.util.Set;
import java.util.UUID;

/** Images the retention job removed, and the workspace's retention for the placeholder's wording. */
public record ExpiredImages(Set<UUID> ids, int retentionDays) {

    static final ExpiredImages NONE = new ExpiredImages(Set.of(), 0);

    public ExpiredImages {
        ids = Set.copyOf(ids);
    }

    public boolean contains(UUID imageId) {
        return ids.contains(imageId);
    }

}
