package studio.imgen.workspace;

import java.util.UUID;

/** The outcome of accepting an invitation: who joined which workspace. */
public record JoinedWorkspace(UUID userId, UUID workspaceId, String workspaceName) {
}
