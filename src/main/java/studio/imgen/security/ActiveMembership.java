package studio.imgen.security;

import java.util.UUID;

/** The workspace a user is currently working in, and whether they administer it. */
public record ActiveMembership(UUID workspaceId, String workspaceName, boolean admin) {
}
