package studio.imgen.workspace;

import java.util.UUID;

/**
 * An admin deactivated a user's account. By the time this is published the account is disabled (every service
 * refuses the user), their queued generations are cancelled, running ones are asked to stop, and their sessions
 * on this instance are marked expired. Listeners may react further (e.g. push an update to open views).
 */
public record MemberDeactivated(UUID workspaceId, UUID userId, UUID actorId) {
}
