package studio.imgen.workspace;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member of the workspace as the members grid shows it.
 *
 * @param active false when the account is deactivated (cannot log in, every service refuses it)
 * @param you the member is the admin looking at the list
 */
public record MemberSummary(UUID userId, String username, String displayName, boolean admin, boolean active,
                            boolean mustChangePassword, Instant joinedAt, List<WorkspaceRole> roles, boolean you) {

    public MemberSummary {
        roles = List.copyOf(roles);
    }
}
