package studio.imgen.testsupport;

import studio.imgen.security.CurrentUser;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.StudioUser;
import studio.imgen.security.UserAccounts;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Logs in users with the instance-admin flag in their principal, as a real login would for a flagged account. */
public final class InstanceAdmins {

    private InstanceAdmins() {
    }

    /** Grants the right in the database and logs the user in with it. */
    public static StudioUser grantAndLogin(TestUser user, UserAccounts accounts, MembershipLookup memberships,
                                    CurrentUser currentUser) {
        accounts.setInstanceAdmin(user.id(), true);
        return claim(user, memberships, currentUser);
    }

    /** A session that claims the right, whatever the database says. */
    public static StudioUser claim(TestUser user, MembershipLookup memberships, CurrentUser currentUser) {
        StudioUser principal = new StudioUser(user.id(), user.username(), user.displayName(), null, true, false,
                memberships.resolve(user.id(), user.workspaceId()).orElse(null), true);
        currentUser.replace(principal);
        return principal;
    }
}
