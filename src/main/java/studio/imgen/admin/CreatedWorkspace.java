package studio.imgen.admin;

import studio.imgen.workspace.CreatedInvitation;

import java.util.Optional;
import java.util.UUID;

/**
 * A new workspace and how its first admin gets in: an invitation link to pass on (shown once), or nothing more to do
 * when an existing account was made its admin.
 */
public record CreatedWorkspace(UUID id, String name, Optional<CreatedInvitation> adminInvitation, String message) {
}
