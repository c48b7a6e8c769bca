package studio.imgen.access;

import studio.imgen.workspace.WorkspaceRole;
import java.util.Optional;

/**
 * A role in the role access grid: how many members hold it, its access rule if it has one, and that rule as one
 * readable line (or a sentence saying the role has no rule).
 */
public record RoleOverview(WorkspaceRole role, int members, Optional<RoleRule> rule, String summary) {
}
