package studio.imgen.api;

import jakarta.annotation.security.PermitAll;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import studio.imgen.workspace.AdminActionPerformed;
import studio.imgen.base.UserInputException;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * Personal access tokens: a member creates tokens for their active workspace (the secret is shown once and stored only
 * as a hash), lists and revokes their own; a workspace admin lists and revokes every member's. Each call re-checks the
 * caller's membership, and every query is scoped by that workspace.
 */
@Service
public class ApiTokenService {

    /** Expiry choices offered by the view; any whole number of days up to a year is accepted. */
    public static final List<Integer> EXPIRY_DAYS = List.of(7, 30, 90, 365);
    public static final int MAX_EXPIRY_DAYS = 366;
    public static final int MAX_NAME = 80;
    static final int MAX_ACTIVE_PER_MEMBER = 20;

    private final WorkspaceAccess access;
    private final ApiTokenRepository tokens;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiTokenService(WorkspaceAccess access, ApiTokenRepository tokens, Clock clock, ApplicationEventPublisher events) {
        this.access = access;
        this.tokens = tokens;
        this.clock = clock;
        this.events = events;
    }

    /** Creates a token acting as the caller in their active workspace; the secret is in the answer and nowhere else. */
    @PermitAll
    @Transactional
    public CreatedToken create(String name, int validDays) {
        Member me = access.requireMember();
        String cleanName = name == null ? "" : name.strip();
        if (cleanName.isEmpty()) {
            throw new UserInputException("Give the token a name, for example the script or tool that will use it.");
        }
        if (cleanName.length() > MAX_NAME || cleanName.chars().anyMatch(Character::isISOControl)) {
            throw new UserInputException("Use a name of at most " + MAX_NAME + " characters on one line.");
        }
        if (validDays < 1 || validDays > MAX_EXPIRY_DAYS) {
            throw new UserInputException("A token can be valid for 1 day up to a year.");
        }
        Instant now = clock.instant();
        if (tokens.countActive(me.workspaceId(), me.userId(), now) >= MAX_ACTIVE_PER_MEMBER) {
            throw new UserInputException("You already have " + MAX_ACTIVE_PER_MEMBER
                    + " active tokens. Revoke one you no longer use, then create the new one.");
        }
        boolean taken = tokens.ofMember(me.workspaceId(), me.userId(), now).stream()
                .anyMatch(t -> t.state() == ApiToken.State.ACTIVE && t.name().equalsIgnoreCase(cleanName));
        if (taken) {
            throw new UserInputException("You already have an active token called \"" + cleanName
                    + "\". Choose another name so the audit log can tell them apart.");
        }
        String secret = TokenSecret.generate();
        UUID id = UUID.randomUUID();
        tokens.insert(id, me.workspaceId(), me.userId(), cleanName, TokenSecret.hint(secret), TokenSecret.sha256(secret),
                now, now.plus(Duration.ofDays(validDays)));
        ApiToken token = tokens.find(me.workspaceId(), id, now).orElseThrow();
        events.publishEvent(new AdminActionPerformed(me.workspaceId(), me.userId(), "api_token.created",
                describe(token), "", "valid until " + token.expiresAt() + ", " + token.hint() + "…"));
        return new CreatedToken(token, secret);
    }

    /** The caller's tokens in their active workspace, newest first (revoked and expired ones too, for the record). */
    @PermitAll
    public List<ApiToken> mine() {
        Member me = access.requireMember();
        return tokens.ofMember(me.workspaceId(), me.userId(), clock.instant());
    }

    /** Revokes one of the caller's own tokens at once; false if there is no such active token. */
    @PermitAll
    @Transactional
    public boolean revoke(UUID tokenId) {
        Member me = access.requireMember();
        return revoked(me, tokens.revoke(me.workspaceId(), me.userId(), tokenId, me.userId(), clock.instant()), tokenId);
    }

    /** For workspace admins: every member's tokens in the workspace, newest first. */
    @PermitAll
    public List<ApiToken> workspaceTokens() {
        Member admin = access.requireAdmin();
        return tokens.ofWorkspace(admin.workspaceId(), clock.instant());
    }

    /** For workspace admins: revokes any member's token of the workspace; false if there is no such active token. */
    @PermitAll
    @Transactional
    public boolean revokeAsAdmin(UUID tokenId) {
        Member admin = access.requireAdmin();
        return revoked(admin, tokens.revoke(admin.workspaceId(), null, tokenId, admin.userId(), clock.instant()),
                tokenId);
    }

    /** Audits a revocation that happened (with the caller's transaction, so neither exists without the other). */
    private boolean revoked(Member actor, boolean happened, UUID tokenId) {
        if (happened) {
            ApiToken token = tokens.find(actor.workspaceId(), tokenId, clock.instant()).orElseThrow();
            events.publishEvent(new AdminActionPerformed(actor.workspaceId(), actor.userId(), "api_token.revoked",
                    describe(token), "active", "revoked"));
        }
        return happened;
    }

    private static String describe(ApiToken token) {
        return token.ownerName() + ": " + token.name();
    }
}
