package studio.imgen.api;

import static imgen.db.Tables.API_TOKEN;
import static imgen.db.Tables.USER_DIRECTORY;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/** The api_token table; every query but the secret lookup is scoped by workspace. */
@Repository
class ApiTokenRepository {

    private final DSLContext db;

    ApiTokenRepository(DSLContext db) {
        this.db = db;
    }

    /** What authentication needs about a token and the member it acts as. */
    record Credential(UUID tokenId, String tokenName, UUID workspaceId, UUID userId, String username,
                      String displayName, boolean userEnabled, Instant expiresAt, Instant revokedAt,
                      Instant lastUsedAt) {
    }

    void insert(UUID id, UUID workspaceId, UUID userId, String name, String hint, byte[] sha256, Instant createdAt,
                Instant expiresAt) {
        db.insertInto(API_TOKEN)
                .set(API_TOKEN.ID, id)
                .set(API_TOKEN.WORKSPACE_ID, workspaceId)
                .set(API_TOKEN.USER_ID, userId)
                .set(API_TOKEN.NAME, name)
                .set(API_TOKEN.HINT, hint)
                .set(API_TOKEN.SECRET_SHA256, sha256)
                .set(API_TOKEN.CREATED_AT, utc(createdAt))
                .set(API_TOKEN.EXPIRES_AT, utc(expiresAt))
                .execute();
    }

    Optional<Credential> findBySecret(byte[] sha256) {
        return db.select(API_TOKEN.ID, API_TOKEN.NAME, API_TOKEN.WORKSPACE_ID, API_TOKEN.USER_ID, USER_DIRECTORY.USERNAME,
                        USER_DIRECTORY.DISPLAY_NAME, USER_DIRECTORY.ENABLED, API_TOKEN.EXPIRES_AT, API_TOKEN.REVOKED_AT,
                        API_TOKEN.LAST_USED_AT)
                .from(API_TOKEN).join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(API_TOKEN.USER_ID))
                .where(API_TOKEN.SECRET_SHA256.eq(sha256))
                .fetchOptional(r -> new Credential(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), instant(r.value8()), instant(r.value9()), instant(r.value10())));
    }

    void markUsed(UUID tokenId, Instant at, String address) {
        db.update(API_TOKEN).set(API_TOKEN.LAST_USED_AT, utc(at)).set(API_TOKEN.LAST_USED_IP, address)
                .where(API_TOKEN.ID.eq(tokenId)).execute();
    }

    /** The member's tokens in the workspace, newest first. */
    List<ApiToken> ofMember(UUID workspaceId, UUID userId, Instant now) {
        return list(API_TOKEN.WORKSPACE_ID.eq(workspaceId).and(API_TOKEN.USER_ID.eq(userId)), now);
    }

    /** Every member's tokens in the workspace, newest first. */
    List<ApiToken> ofWorkspace(UUID workspaceId, Instant now) {
        return list(API_TOKEN.WORKSPACE_ID.eq(workspaceId), now);
    }

    long countActive(UUID workspaceId, UUID userId, Instant now) {
        return db.fetchCount(API_TOKEN, API_TOKEN.WORKSPACE_ID.eq(workspaceId).and(API_TOKEN.USER_ID.eq(userId))
                .and(API_TOKEN.REVOKED_AT.isNull()).and(API_TOKEN.EXPIRES_AT.gt(utc(now))));
    }

    Optional<ApiToken> find(UUID workspaceId, UUID tokenId, Instant now) {
        return list(API_TOKEN.WORKSPACE_ID.eq(workspaceId).and(API_TOKEN.ID.eq(tokenId)), now).stream().findFirst();
    }

    /** Revokes a token of the workspace (of one member, when {@code ownerId} is given); false if none matched. */
    boolean revoke(UUID workspaceId, UUID ownerId, UUID tokenId, UUID revokedBy, Instant at) {
        Condition scope = API_TOKEN.WORKSPACE_ID.eq(workspaceId).and(API_TOKEN.ID.eq(tokenId))
                .and(API_TOKEN.REVOKED_AT.isNull());
        if (ownerId != null) {
            scope = scope.and(API_TOKEN.USER_ID.eq(ownerId));
        }
        return db.update(API_TOKEN).set(API_TOKEN.REVOKED_AT, utc(at)).set(API_TOKEN.REVOKED_BY, revokedBy)
                .where(scope).execute() == 1;
    }

    private List<ApiToken> list(Condition condition, Instant now) {
        return db.select(API_TOKEN.ID, API_TOKEN.USER_ID, USER_DIRECTORY.DISPLAY_NAME, API_TOKEN.NAME, API_TOKEN.HINT,
                        API_TOKEN.CREATED_AT, API_TOKEN.EXPIRES_AT, API_TOKEN.LAST_USED_AT, API_TOKEN.LAST_USED_IP,
                        API_TOKEN.REVOKED_AT)
                .from(API_TOKEN).join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(API_TOKEN.USER_ID))
                .where(condition)
                .orderBy(API_TOKEN.CREATED_AT.desc(), API_TOKEN.ID)
                .fetch(r -> token(r, now));
    }

    private static ApiToken token(Record r, Instant now) {
        Instant expiresAt = instant(r.get(API_TOKEN.EXPIRES_AT));
        Instant revokedAt = instant(r.get(API_TOKEN.REVOKED_AT));
        return new ApiToken(r.get(API_TOKEN.ID), r.get(API_TOKEN.USER_ID), r.get(USER_DIRECTORY.DISPLAY_NAME),
                r.get(API_TOKEN.NAME), r.get(API_TOKEN.HINT), instant(r.get(API_TOKEN.CREATED_AT)), expiresAt,
                instant(r.get(API_TOKEN.LAST_USED_AT)), r.get(API_TOKEN.LAST_USED_IP), revokedAt,
                ApiToken.stateAt(now, expiresAt, revokedAt));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime value) {
        return value == null ? null : value.toInstant();
    }
}
