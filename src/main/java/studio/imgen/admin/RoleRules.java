package studio.imgen.admin;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Repository;

/**
 * Reads role access rules and role membership. Workspaces have no roles until the roles migration lands, so every
 * workspace is open (imgen-behaviour §3.1: no rules means open access).
 */
@Repository
class RoleRules {

    List<RoleRule> rulesOf(UUID workspaceId) {
        return List.of();
    }

    Set<UUID> rolesHeldBy(UUID workspaceId, UUID userId) {
        return Set.of();
    }
}
