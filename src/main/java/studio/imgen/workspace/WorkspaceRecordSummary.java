package studio.imgen.workspace;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A workspace as the instance admin's directory lists it: archived ones too, with its enabled members counted. */
public record WorkspaceRecordSummary(UUID id, String name, Instant createdAt, Optional<Instant> archivedAt,
                                     int members) {

    public boolean archived() {
        return archivedAt.isPresent();
    }
}
