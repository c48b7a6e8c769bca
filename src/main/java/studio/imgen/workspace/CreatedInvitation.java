package studio.imgen.workspace;

import java.time.Instant;

/**
 * A new invitation. The link carries the only copy of the token: it is shown once and cannot be retrieved later.
 *
 * @param link {@code <app.public-url>/invite/<token>}
 */
public record CreatedInvitation(String link, Instant expiresAt, String message) {

    @Override
    public String toString() {
        return "CreatedInvitation[expiresAt=" + expiresAt + "]";
    }
}
