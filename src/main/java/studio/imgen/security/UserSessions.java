package studio.imgen.security;

import java.util.UUID;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.stereotype.Component;

/**
 * Ends a user's logged-in sessions (ASVS 7.4.2, 7.4.5), e.g. when an admin deactivates the account. Sessions are
 * marked expired in the registry; the session filter logs each one out on its next request (a UIDL call, the
 * heartbeat, a page load) and sends the browser to the login page. The registry is per instance: with several
 * instances, sessions on the others end at their next request only through the database checks every service
 * makes (a deactivated user is refused everything).
 */
@Component
public class UserSessions {

    private final SessionRegistry registry;

    UserSessions(SessionRegistry registry) {
        this.registry = registry;
    }

    /**
     * Registers a session logged in without the login form (a new account from an invitation), so that
     * {@link #endAll(UUID)} reaches it like any other.
     */
    public void register(String sessionId, StudioUser user) {
        registry.registerNewSession(sessionId, user);
    }

    /** Expires every session of the user on this instance; returns how many there were. */
    public int endAll(UUID userId) {
        int ended = 0;
        for (Object principal : registry.getAllPrincipals()) {
            if (principal instanceof StudioUser user && user.id().equals(userId)) {
                for (SessionInformation session : registry.getAllSessions(principal, false)) {
                    session.expireNow();
                    ended++;
                }
            }
        }
        return ended;
    }
}
