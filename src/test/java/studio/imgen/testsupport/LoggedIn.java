package studio.imgen.testsupport;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.StudioUser;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Puts a user in the security context for calling services directly, as a view would on their behalf. */
public final class LoggedIn {

    private LoggedIn() {
    }

    public static StudioUser as(TestUser user, MembershipLookup memberships) {
        StudioUser principal = new StudioUser(user.id(), user.username(), user.displayName(), null, true, false,
                memberships.resolve(user.id(), user.workspaceId()).orElse(null));
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
        return principal;
    }

    public static void nobody() {
        SecurityContextHolder.clearContext();
    }
}
