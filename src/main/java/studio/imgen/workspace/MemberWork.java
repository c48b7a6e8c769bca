package studio.imgen.workspace;

import java.util.Set;
import java.util.UUID;

/**
 * Work a member has under way in some workspaces, which their deactivation stops. Implemented by the modules that own
 * such work (generate: queued and running generations), so that this module, below them, writes none of their
 * tables. Called inside the deactivation's transaction; the count goes into the admin's confirmation.
 */
public interface MemberWork {

    /** Stops the user's work in those workspaces (queued work ends, running work is asked to stop); returns how many. */
    int stopWorkOf(UUID userId, Set<UUID> workspaceIds);
}
