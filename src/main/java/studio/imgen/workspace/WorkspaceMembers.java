package studio.imgen.workspace;

import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE_MEMBER;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * Membership rows of one workspace as admins manage them. Every statement is scoped by the workspace id; the
 * admin services authorize the caller before calling any of them.
 */
@Repository
class WorkspaceMembers {

    private final DSLContext db;
    private final Clock clock;

    WorkspaceMembers(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** One member of a workspace, with the account fields admins see. */
    record Row(UUID userId, String username, String displayName, boolean active, boolean admin,
               boolean mustChangePassword, Instant joinedAt) {
    }

    List<Row> findAll(UUID workspaceId) {
        return select().where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                .orderBy(USER_DIRECTORY.DISPLAY_NAME.lower(), USER_DIRECTORY.USERNAME.lower())
                .fetch(WorkspaceMembers::toRow);
    }

    Optional<Row> find(UUID workspaceId, UUID userId) {
        return select().where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId).and(WORKSPACE_MEMBER.USER_ID.eq(userId)))
                .fetchOptional(WorkspaceMembers::toRow);
    }

    /** Adds the user; false if they already are a member. */
    boolean add(UUID workspaceId, UUID userId, boolean admin) {
        return db.insertInto(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.WORKSPACE_ID, workspaceId)
                .set(WORKSPACE_MEMBER.USER_ID, userId)
                .set(WORKSPACE_MEMBER.IS_ADMIN, admin)
                .set(WORKSPACE_MEMBER.JOINED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute() > 0;
    }

    void setAdmin(UUID workspaceId, UUID userId, boolean admin) {
        db.update(WORKSPACE_MEMBER).set(WORKSPACE_MEMBER.IS_ADMIN, admin)
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId).and(WORKSPACE_MEMBER.USER_ID.eq(userId)))
                .execute();
    }

    /**
     * Locks the workspace's admin rows and counts the active admins, so two admins removing their own rights at
     * the same moment cannot both pass the "not the last admin" check.
     */
    int lockAndCountActiveAdmins(UUID workspaceId) {
        return db.select(WORKSPACE_MEMBER.USER_ID).from(WORKSPACE_MEMBER)
                .join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId).and(WORKSPACE_MEMBER.IS_ADMIN.isTrue())
                        .and(USER_DIRECTORY.ENABLED.isTrue()))
                .forUpdate().of(WORKSPACE_MEMBER)
                .fetch().size();
    }

    /** How many workspaces, other than {@code workspaceId}, the user belongs to without {@code adminId} administering them. */
    int workspacesOutsideAdminReach(UUID userId, UUID adminId, UUID workspaceId) {
        return db.fetchCount(WORKSPACE_MEMBER, WORKSPACE_MEMBER.USER_ID.eq(userId)
                .and(WORKSPACE_MEMBER.WORKSPACE_ID.ne(workspaceId))
                .and(WORKSPACE_MEMBER.WORKSPACE_ID.notIn(administeredBySelect(adminId))));
    }

    /** The workspaces {@code adminId} administers. */
    Set<UUID> administeredBy(UUID adminId) {
        return Set.copyOf(db.fetch(administeredBySelect(adminId)).getValues(WORKSPACE_MEMBER.WORKSPACE_ID));
    }

    private static org.jooq.Select<org.jooq.Record1<UUID>> administeredBySelect(UUID adminId) {
        return DSL.select(WORKSPACE_MEMBER.WORKSPACE_ID).from(WORKSPACE_MEMBER)
                .where(WORKSPACE_MEMBER.USER_ID.eq(adminId).and(WORKSPACE_MEMBER.IS_ADMIN.isTrue()));
    }

    private org.jooq.SelectOnConditionStep<? extends Record> select() {
        return db.select(USER_DIRECTORY.ID, USER_DIRECTORY.USERNAME, USER_DIRECTORY.DISPLAY_NAME, USER_DIRECTORY.ENABLED,
                        WORKSPACE_MEMBER.IS_ADMIN, USER_DIRECTORY.MUST_CHANGE_PASSWORD, WORKSPACE_MEMBER.JOINED_AT)
                .from(WORKSPACE_MEMBER)
                .join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_MEMBER.USER_ID));
    }

    private static Row toRow(Record r) {
        return new Row(r.get(USER_DIRECTORY.ID), r.get(USER_DIRECTORY.USERNAME), r.get(USER_DIRECTORY.DISPLAY_NAME),
                r.get(USER_DIRECTORY.ENABLED), r.get(WORKSPACE_MEMBER.IS_ADMIN), r.get(USER_DIRECTORY.MUST_CHANGE_PASSWORD),
                r.get(WORKSPACE_MEMBER.JOINED_AT).toInstant());
    }
}
