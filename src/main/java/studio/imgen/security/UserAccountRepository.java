package studio.imgen.security;

import static imgen.db.Tables.APP_USER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import imgen.db.tables.records.AppUserRecord;

@Repository
class UserAccountRepository {

    private final DSLContext db;
    private final Clock clock;

    UserAccountRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    Optional<AppUserRecord> findByUsername(String username) {
        return db.selectFrom(APP_USER)
                .where(DSL.lower(APP_USER.USERNAME).eq(username.toLowerCase(java.util.Locale.ROOT)))
                .fetchOptional();
    }

    Optional<AppUserRecord> findById(UUID id) {
        return db.selectFrom(APP_USER).where(APP_USER.ID.eq(id)).fetchOptional();
    }

    boolean anyUserExists() {
        return db.fetchExists(APP_USER);
    }

    UUID insert(String username, String displayName, String passwordHash, boolean mustChangePassword) {
        return db.insertInto(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .returning(APP_USER.ID)
                .fetchOne(APP_USER.ID);
    }

    void updatePassword(UUID id, String passwordHash, boolean mustChangePassword) {
        db.update(APP_USER)
                .set(APP_USER.PASSWORD_HASH, passwordHash)
                .set(APP_USER.MUST_CHANGE_PASSWORD, mustChangePassword)
                .set(APP_USER.UPDATED_AT, OffsetDateTime.now(clock))
                .where(APP_USER.ID.eq(id))
                .execute();
    }

    void updateEnabled(UUID id, boolean enabled) {
        db.update(APP_USER).set(APP_USER.ENABLED, enabled).set(APP_USER.UPDATED_AT, OffsetDateTime.now(clock))
                .where(APP_USER.ID.eq(id)).execute();
    }

    void updateInstanceAdmin(UUID id, boolean instanceAdmin) {
        db.update(APP_USER).set(APP_USER.IS_INSTANCE_ADMIN, instanceAdmin).set(APP_USER.UPDATED_AT, OffsetDateTime.now(clock))
                .where(APP_USER.ID.eq(id)).execute();
    }

    void updateLastWorkspace(UUID id, UUID workspaceId) {
        db.update(APP_USER).set(APP_USER.LAST_WORKSPACE_ID, workspaceId).where(APP_USER.ID.eq(id)).execute();
    }
}
