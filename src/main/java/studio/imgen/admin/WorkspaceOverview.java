package studio.imgen.admin;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * One row of the instance admin's workspace list.
 *
 * @param spentThisMonthMicros cost of this UTC month's generations, as the workspace's Usage page counts it
 */
public record WorkspaceOverview(UUID id, String name, int members, boolean keyConfigured, long spentThisMonthMicros,
                                Instant createdAt, Optional<Instant> archivedAt) {

    public boolean archived() {
        return archivedAt.isPresent();
    }
}
