package studio.imgen.security;

import java.util.UUID;

/**
 * A login attempt and how it ended, published after it is written to {@code login_event} so that the audit log
 * records it too. Listeners run on the login request's thread and must not throw.
 *
 * @param username the name as typed (may be unknown, or very long)
 * @param userId the account, when the name belongs to one and it is already known; null otherwise
 * @param clientAddress the client's address as the servlet container reports it (after trusted-proxy handling)
 */
public record LoginAttempted(String username, UUID userId, Outcome outcome, String clientAddress) {

    public enum Outcome { SUCCESS, BAD_CREDENTIALS, THROTTLED, DISABLED }
}
