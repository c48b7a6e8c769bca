package studio.imgen.workspace;

import java.time.Instant;
import java.util.List;

/** What the invite page tells its visitor: which workspace, from whom, with which roles. */
public record InvitationPreview(String workspaceName, String invitedBy, boolean admin, List<String> roles,
                                Instant expiresAt) {
}
