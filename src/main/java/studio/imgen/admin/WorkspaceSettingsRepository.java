package studio.imgen.admin;

import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE_SETTINGS;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class WorkspaceSettingsRepository {

    private final DSLContext db;
    private final Clock clock;

    WorkspaceSettingsRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** The workspace's settings; a workspace created without a row gets the defaults. */
    WorkspaceSettings find(UUID workspaceId) {
        // Read first: every submission reads the settings, and only a new workspace's first read needs the write.
        WorkspaceSettings stored = read(workspaceId);
        if (stored != null) {
            return stored;
        }
        db.insertInto(WORKSPACE_SETTINGS).set(WORKSPACE_SETTINGS.WORKSPACE_ID, workspaceId).onConflictDoNothing().execute();
        return read(workspaceId);
    }

    private WorkspaceSettings read(UUID workspaceId) {
        return db.select(WORKSPACE_SETTINGS.asterisk(), USER_DIRECTORY.DISPLAY_NAME)
                .from(WORKSPACE_SETTINGS)
                .leftJoin(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_SETTINGS.API_KEY_SET_BY))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .fetchOne(r -> {
                    var s = r.into(WORKSPACE_SETTINGS);
                    WorkspaceSettings.KeyStatus key = s.getApiKeyCiphertext() == null ? WorkspaceSettings.KeyStatus.NOT_SET
                            : new WorkspaceSettings.KeyStatus(true, s.getApiKeyLast4(), r.get(USER_DIRECTORY.DISPLAY_NAME),
                                    s.getApiKeySetAt() == null ? null : s.getApiKeySetAt().toInstant());
                    return new WorkspaceSettings(workspaceId, s.getDefaultModel(), s.getDefaultSize(), s.getDefaultQuality(),
                            s.getDefaultFormat(), s.getDefaultBackground(), s.getAdminExemptFromCooldown(), key, s.getVersion());
                });
    }

    Optional<EncryptedKey> findKey(UUID workspaceId) {
        return db.selectFrom(WORKSPACE_SETTINGS).where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SETTINGS.API_KEY_CIPHERTEXT.isNotNull())
                .fetchOptional(s -> new EncryptedKey(s.getApiKeyVersion(), s.getApiKeyNonce(), s.getApiKeyCiphertext(),
                        s.getApiKeyLast4()));
    }

    void storeKey(UUID workspaceId, EncryptedKey key, UUID setBy) {
        find(workspaceId);
        db.update(WORKSPACE_SETTINGS)
                .set(WORKSPACE_SETTINGS.API_KEY_CIPHERTEXT, key.ciphertext())
                .set(WORKSPACE_SETTINGS.API_KEY_NONCE, key.nonce())
                .set(WORKSPACE_SETTINGS.API_KEY_VERSION, key.keyVersion())
                .set(WORKSPACE_SETTINGS.API_KEY_LAST4, key.last4())
                .set(WORKSPACE_SETTINGS.API_KEY_SET_BY, setBy)
                .set(WORKSPACE_SETTINGS.API_KEY_SET_AT, OffsetDateTime.now(clock))
                // Another key, maybe another OpenAI account: an old "out of credit" notice no longer applies.
                .setNull(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT)
                .set(WORKSPACE_SETTINGS.VERSION, WORKSPACE_SETTINGS.VERSION.plus(1))
                .set(WORKSPACE_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .execute();
    }

    /** Removes the key; returns whether there was one. */
    boolean clearKey(UUID workspaceId) {
        return db.update(WORKSPACE_SETTINGS)
                .setNull(WORKSPACE_SETTINGS.API_KEY_CIPHERTEXT)
                .setNull(WORKSPACE_SETTINGS.API_KEY_NONCE)
                .setNull(WORKSPACE_SETTINGS.API_KEY_VERSION)
                .setNull(WORKSPACE_SETTINGS.API_KEY_LAST4)
                .setNull(WORKSPACE_SETTINGS.API_KEY_SET_BY)
                .setNull(WORKSPACE_SETTINGS.API_KEY_SET_AT)
                .setNull(WORKSPACE_SETTINGS.OPENAI_QUOTA_EXHAUSTED_AT)
                .set(WORKSPACE_SETTINGS.VERSION, WORKSPACE_SETTINGS.VERSION.plus(1))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SETTINGS.API_KEY_CIPHERTEXT.isNotNull())
                .execute() > 0;
    }

    /** Stores the defaults if the row is still at {@code expectedVersion}; false when someone saved in between. */
    boolean updateDefaults(UUID workspaceId, WorkspaceSettings updated, int expectedVersion) {
        find(workspaceId);
        return db.update(WORKSPACE_SETTINGS)
                .set(WORKSPACE_SETTINGS.DEFAULT_MODEL, updated.defaultModel())
                .set(WORKSPACE_SETTINGS.DEFAULT_SIZE, updated.defaultSize())
                .set(WORKSPACE_SETTINGS.DEFAULT_QUALITY, updated.defaultQuality())
                .set(WORKSPACE_SETTINGS.DEFAULT_FORMAT, updated.defaultFormat())
                .set(WORKSPACE_SETTINGS.DEFAULT_BACKGROUND, updated.defaultBackground())
                .set(WORKSPACE_SETTINGS.VERSION, WORKSPACE_SETTINGS.VERSION.plus(1))
                .set(WORKSPACE_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SETTINGS.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    EditThreadDefaults findThreadDefaults(UUID workspaceId) {
        find(workspaceId);
        return db.select(WORKSPACE_SETTINGS.EDIT_THREAD_MODE, WORKSPACE_SETTINGS.MAINLINE_MODEL).from(WORKSPACE_SETTINGS)
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .fetchOne(r -> new EditThreadDefaults(EditThreadDefaults.Mode.of(r.value1()), r.value2()));
    }

    /** Stores the edit-thread defaults if the row is still at {@code expectedVersion}. */
    boolean updateThreadDefaults(UUID workspaceId, EditThreadDefaults updated, int expectedVersion) {
        find(workspaceId);
        return db.update(WORKSPACE_SETTINGS)
                .set(WORKSPACE_SETTINGS.EDIT_THREAD_MODE, updated.mode().dbValue())
                .set(WORKSPACE_SETTINGS.MAINLINE_MODEL, updated.mainlineModel())
                .set(WORKSPACE_SETTINGS.VERSION, WORKSPACE_SETTINGS.VERSION.plus(1))
                .set(WORKSPACE_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SETTINGS.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /**
     * Moves the default model or the conversation model from a retiring model to its replacement, whatever version
     * the row is at (no admin form is overwritten: only that one value changes, and only if it still is {@code from}).
     */
    boolean replaceModel(UUID workspaceId, boolean chat, String from, String to) {
        find(workspaceId);
        var column = chat ? WORKSPACE_SETTINGS.MAINLINE_MODEL : WORKSPACE_SETTINGS.DEFAULT_MODEL;
        return db.update(WORKSPACE_SETTINGS)
                .set(column, to)
                .set(WORKSPACE_SETTINGS.VERSION, WORKSPACE_SETTINGS.VERSION.plus(1))
                .set(WORKSPACE_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(column.eq(from))
                .execute() == 1;
    }

    /** Stores the admin cooldown exemption if the row is still at {@code expectedVersion}. */
    boolean updateAdminExemption(UUID workspaceId, boolean exempt, int expectedVersion) {
        find(workspaceId);
        return db.update(WORKSPACE_SETTINGS)
                .set(WORKSPACE_SETTINGS.ADMIN_EXEMPT_FROM_COOLDOWN, exempt)
                .set(WORKSPACE_SETTINGS.VERSION, WORKSPACE_SETTINGS.VERSION.plus(1))
                .set(WORKSPACE_SETTINGS.UPDATED_AT, OffsetDateTime.now(clock))
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SETTINGS.VERSION.eq(expectedVersion))
                .execute() == 1;
    }

    /** Workspaces whose key is encrypted under another master key version than {@code currentVersion}. */
    java.util.List<UUID> workspacesWithKeyVersionOtherThan(int currentVersion) {
        return db.select(WORKSPACE_SETTINGS.WORKSPACE_ID).from(WORKSPACE_SETTINGS)
                .where(WORKSPACE_SETTINGS.API_KEY_VERSION.ne(currentVersion))
                .fetch(WORKSPACE_SETTINGS.WORKSPACE_ID);
    }

    /**
     * Replaces the ciphertext of the same key (rotation) if the row still holds {@code old}; who set the key and
     * when stay as they were. False when an admin changed the key in between (theirs wins).
     */
    boolean replaceEncryption(UUID workspaceId, EncryptedKey old, EncryptedKey fresh) {
        return db.update(WORKSPACE_SETTINGS)
                .set(WORKSPACE_SETTINGS.API_KEY_CIPHERTEXT, fresh.ciphertext())
                .set(WORKSPACE_SETTINGS.API_KEY_NONCE, fresh.nonce())
                .set(WORKSPACE_SETTINGS.API_KEY_VERSION, fresh.keyVersion())
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(workspaceId))
                .and(WORKSPACE_SETTINGS.API_KEY_VERSION.eq(old.keyVersion()))
                .and(WORKSPACE_SETTINGS.API_KEY_NONCE.eq(old.nonce()))
                .execute() == 1;
    }
}
