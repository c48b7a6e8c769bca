package studio.imgen.security;

import java.util.UUID;
import org.springframework.stereotype.Component;
import imgen.db.tables.records.AppUserRecord;

/**
 * Builds the session principal of an account as at a password login: the active workspace resolved, the instance-admin
 * flag read from the database. Also used to log in a user who has just registered through an invitation.
 */
@Component
public class Principals {

    private final UserAccountRepository accounts;
    private final MembershipLookup memberships;

    Principals(UserAccountRepository accounts, MembershipLookup memberships) {
        this.accounts = accounts;
        this.memberships = memberships;
    }

    /** The principal of an enabled account working in {@code preferredWorkspaceId} if it belongs there. */
    public StudioUser load(UUID userId, UUID preferredWorkspaceId) {
        AppUserRecord row = accounts.findById(userId).filter(AppUserRecord::getEnabled)
                .orElseThrow(() -> new IllegalStateException("No enabled account " + userId));
        if (preferredWorkspaceId != null) {
            row.setLastWorkspaceId(preferredWorkspaceId);
        }
        return of(row, memberships, null);
    }

    static StudioUser of(AppUserRecord row, MembershipLookup memberships, String passwordHash) {
        return new StudioUser(row.getId(), row.getUsername(), row.getDisplayName(), passwordHash, row.getEnabled(),
                row.getMustChangePassword(), memberships.resolve(row.getId(), row.getLastWorkspaceId()).orElse(null),
                row.getIsInstanceAdmin());
    }
}
