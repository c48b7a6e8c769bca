package studio.imgen.workspace;

import static imgen.db.Tables.INVITATION;
import static imgen.db.Tables.INVITATION_ROLE;
import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE;
import static imgen.db.Tables.WORKSPACE_ROLE;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Invitation rows. Admin statements are scoped by the workspace id; acceptance finds a row only by the SHA-256 of its
 * token. "Open" means not accepted, not revoked and not expired at {@code now} (the application clock).
 */
@Repository
class InvitationRepository {

    private final DSLContext db;

    InvitationRepository(DSLContext db) {
        this.db = db;
    }

    /** An open invitation as admins list it, or as the invite page shows it. */
    record Row(UUID id, UUID workspaceId, String workspaceName, boolean admin, String createdBy, Instant createdAt,
               Instant expiresAt, List<WorkspaceRole> roles) {
    }

    /** What accepting claimed: the workspace to join, with which rights. */
    record Claim(UUID id, UUID workspaceId, String workspaceName, boolean admin, Set<UUID> roleIds, UUID createdBy) {
    }

    UUID insert(UUID workspaceId, byte[] tokenHash, boolean admin, Set<UUID> roleIds, UUID createdBy, Instant now,
                Instant expiresAt) {
        UUID id = db.insertInto(INVITATION)
                .set(INVITATION.WORKSPACE_ID, workspaceId)
                .set(INVITATION.TOKEN_SHA256, tokenHash)
                .set(INVITATION.IS_ADMIN, admin)
                .set(INVITATION.CREATED_BY, createdBy)
                .set(INVITATION.CREATED_AT, utc(now))
                .set(INVITATION.EXPIRES_AT, utc(expiresAt))
                .returning(INVITATION.ID).fetchOne(INVITATION.ID);
        for (UUID roleId : roleIds) {
            db.insertInto(INVITATION_ROLE).set(INVITATION_ROLE.WORKSPACE_ID, workspaceId)
                    .set(INVITATION_ROLE.INVITATION_ID, id).set(INVITATION_ROLE.ROLE_ID, roleId).execute();
        }
        return id;
    }

    List<Row> findOpen(UUID workspaceId, Instant now) {
        return rows(INVITATION.WORKSPACE_ID.eq(workspaceId).and(open(now)));
    }

    Optional<Row> findOpen(UUID workspaceId, UUID id, Instant now) {
        return rows(INVITATION.WORKSPACE_ID.eq(workspaceId).and(INVITATION.ID.eq(id)).and(open(now))).stream().findFirst();
    }

    Optional<Row> findOpenByToken(byte[] tokenHash, Instant now) {
        return rows(INVITATION.TOKEN_SHA256.eq(tokenHash).and(open(now))).stream().findFirst();
    }

    /** Revokes an open invitation; false if it was not open (accepted, revoked or expired meanwhile). */
    boolean revoke(UUID workspaceId, UUID id, UUID by, Instant now) {
        return db.update(INVITATION).set(INVITATION.REVOKED_AT, utc(now)).set(INVITATION.REVOKED_BY, by)
                .where(INVITATION.WORKSPACE_ID.eq(workspaceId).and(INVITATION.ID.eq(id)).and(open(now)))
                .execute() == 1;
    }

    /**
     * Marks the invitation accepted if it is still open, in one conditional UPDATE: of two concurrent accepts the
     * second waits for the first's row lock and then no longer matches. Empty if the invitation is not open.
     */
    Optional<Claim> claim(byte[] tokenHash, Instant now) {
        Optional<Record> claimed = db.update(INVITATION).set(INVITATION.ACCEPTED_AT, utc(now))
                .where(INVITATION.TOKEN_SHA256.eq(tokenHash).and(open(now)))
                .returning(INVITATION.ID, INVITATION.WORKSPACE_ID, INVITATION.IS_ADMIN, INVITATION.CREATED_BY)
                .fetchOptional().map(r -> (Record) r);
        return claimed.map(r -> {
            UUID id = r.get(INVITATION.ID);
            UUID workspaceId = r.get(INVITATION.WORKSPACE_ID);
            Set<UUID> roles = Set.copyOf(db.select(INVITATION_ROLE.ROLE_ID).from(INVITATION_ROLE)
                    .where(INVITATION_ROLE.INVITATION_ID.eq(id)).fetch(INVITATION_ROLE.ROLE_ID));
            String name = db.select(WORKSPACE.NAME).from(WORKSPACE).where(WORKSPACE.ID.eq(workspaceId))
                    .fetchOne(WORKSPACE.NAME);
            return new Claim(id, workspaceId, name, r.get(INVITATION.IS_ADMIN), roles, r.get(INVITATION.CREATED_BY));
        });
    }

    void recordAcceptedBy(UUID id, UUID userId) {
        db.update(INVITATION).set(INVITATION.ACCEPTED_BY, userId).where(INVITATION.ID.eq(id)).execute();
    }

    /** Not used, revoked or expired, and its workspace not archived (an archived workspace takes nobody in). */
    private static org.jooq.Condition open(Instant now) {
        return INVITATION.ACCEPTED_AT.isNull().and(INVITATION.REVOKED_AT.isNull()).and(INVITATION.EXPIRES_AT.gt(utc(now)))
                .and(org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(WORKSPACE)
                        .where(WORKSPACE.ID.eq(INVITATION.WORKSPACE_ID).and(WORKSPACE.ARCHIVED_AT.isNotNull()))));
    }

    private List<Row> rows(org.jooq.Condition condition) {
        var found = db.select(INVITATION.ID, INVITATION.WORKSPACE_ID, WORKSPACE.NAME, INVITATION.IS_ADMIN,
                        USER_DIRECTORY.DISPLAY_NAME, INVITATION.CREATED_AT, INVITATION.EXPIRES_AT)
                .from(INVITATION)
                .join(WORKSPACE).on(WORKSPACE.ID.eq(INVITATION.WORKSPACE_ID))
                .join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(INVITATION.CREATED_BY))
                .where(condition)
                .orderBy(INVITATION.EXPIRES_AT, INVITATION.ID)
                .fetch();
        if (found.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<WorkspaceRole>> roles = new HashMap<>();
        db.select(INVITATION_ROLE.INVITATION_ID, WORKSPACE_ROLE.ID, WORKSPACE_ROLE.NAME, WORKSPACE_ROLE.COLOUR)
                .from(INVITATION_ROLE)
                .join(WORKSPACE_ROLE).on(WORKSPACE_ROLE.ID.eq(INVITATION_ROLE.ROLE_ID)
                        .and(WORKSPACE_ROLE.WORKSPACE_ID.eq(INVITATION_ROLE.WORKSPACE_ID)))
                .where(INVITATION_ROLE.INVITATION_ID.in(found.getValues(INVITATION.ID)))
                .orderBy(WORKSPACE_ROLE.NAME.lower())
                .forEach(r -> roles.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new WorkspaceRole(r.value2(), r.value3(), r.value4())));
        return found.map(r -> new Row(r.get(INVITATION.ID), r.get(INVITATION.WORKSPACE_ID), r.get(WORKSPACE.NAME),
                r.get(INVITATION.IS_ADMIN), r.get(USER_DIRECTORY.DISPLAY_NAME), r.get(INVITATION.CREATED_AT).toInstant(),
                r.get(INVITATION.EXPIRES_AT).toInstant(), List.copyOf(roles.getOrDefault(r.get(INVITATION.ID), List.of()))));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
