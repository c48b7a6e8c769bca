package studio.imgen.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import studio.imgen.security.ActiveMembership;
import studio.imgen.security.MembershipLookup;
import studio.imgen.security.StudioUser;
import studio.imgen.security.TokenCaller;

/**
 * Turns a Bearer secret into the member it acts as, re-read on every call: a revoked or expired token, a deactivated
 * account and a membership that ended all fail at once, and the member's roles are whatever they are now (services
 * read them per call). Every failure looks the same to the caller.
 */
@Component
class TokenAuthenticator {

    /** "Last used" is for people; writing it once a minute is precise enough and spares the database. */
    private static final Duration LAST_USED_PRECISION = Duration.ofMinutes(1);

    private final ApiTokenRepository tokens;
    private final MembershipLookup memberships;
    private final Clock clock;

    TokenAuthenticator(ApiTokenRepository tokens, MembershipLookup memberships, Clock clock) {
        this.tokens = tokens;
        this.memberships = memberships;
        this.clock = clock;
    }

    Optional<Authentication> authenticate(String secret, String clientAddress) {
        if (!TokenSecret.wellFormed(secret)) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        Optional<ApiTokenRepository.Credential> found = tokens.findBySecret(TokenSecret.sha256(secret))
                .filter(c -> c.revokedAt() == null && now.isBefore(c.expiresAt()) && c.userEnabled());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        ApiTokenRepository.Credential credential = found.get();
        Optional<ActiveMembership> membership = memberships.resolve(credential.userId(), credential.workspaceId())
                .filter(m -> m.workspaceId().equals(credential.workspaceId()));
        if (membership.isEmpty()) {
            return Optional.empty();
        }
        if (credential.lastUsedAt() == null || credential.lastUsedAt().isBefore(now.minus(LAST_USED_PRECISION))) {
            tokens.markUsed(credential.tokenId(), now, clientAddress);
        }
        // Never an instance admin through a token: the API needs no instance-wide rights.
        StudioUser user = new StudioUser(credential.userId(), credential.username(), credential.displayName(), null,
                true, false, membership.get(), false);
        UsernamePasswordAuthenticationToken authentication =
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        authentication.setDetails(new TokenCaller(credential.tokenId(), credential.tokenName()));
        return Optional.of(authentication);
    }
}
