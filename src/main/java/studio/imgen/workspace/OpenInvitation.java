package studio.imgen.workspace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An invitation that can still be accepted, as admins list it (the token itself is never kept). */
public record OpenInvitation(UUID id, String createdBy, Instant createdAt, Instant expiresAt, boolean admin,
                             List<WorkspaceRole> roles) {
}
