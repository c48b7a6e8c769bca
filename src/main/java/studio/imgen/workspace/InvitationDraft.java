package studio.imgen.workspace;

import java.util.Set;

/** What an admin chooses for an invitation: the roles and admin right the new member gets, and how long it is valid. */
public record InvitationDraft(Set<java.util.UUID> roleIds, boolean admin, InvitationExpiry expiry) {

    public InvitationDraft {
        roleIds = roleIds == null ? Set.of() : Set.copyOf(roleIds);
    }
}
