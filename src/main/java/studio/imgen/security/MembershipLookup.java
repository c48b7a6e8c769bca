package studio.imgen.security;

import java.util.Optional;
import java.util.UUID;

/**
 * Resolves which workspace a user works in. Implemented by the workspace module, so that security does not
 * depend on it.
 */
public interface MembershipLookup {

    /** The preferred workspace when the user still belongs to it, otherwise their first one; empty if none. */
    Optional<ActiveMembership> resolve(UUID userId, UUID preferredWorkspaceId);
}
