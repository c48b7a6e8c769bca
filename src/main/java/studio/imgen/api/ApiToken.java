package studio.imgen.api;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal access token as lists show it: never the secret, only its first characters ({@code hint}).
 *
 * @param ownerName the member the token acts as (admins see every member's tokens)
 * @param state at the time of the listing (application clock)
 */
public record ApiToken(UUID id, UUID ownerId, String ownerName, String name, String hint, Instant createdAt,
                       Instant expiresAt, Instant lastUsedAt, String lastUsedFrom, Instant revokedAt, State state) {

    public enum State { ACTIVE, EXPIRED, REVOKED }

    static State stateAt(Instant now, Instant expiresAt, Instant revokedAt) {
        if (revokedAt != null) {
            return State.REVOKED;
        }
        return now.isBefore(expiresAt) ? State.ACTIVE : State.EXPIRED;
    }
}
