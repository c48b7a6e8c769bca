package studio.imgen.workspace;

import static imgen.db.Tables.USER_DIRECTORY;
import static imgen.db.Tables.WORKSPACE;
import static imgen.db.Tables.WORKSPACE_MEMBER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class WorkspaceRepository {

    private final DSLContext db;
    private final Clock clock;

    WorkspaceRepository(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    UUID insert(String name) {
        return db.insertInto(WORKSPACE).set(WORKSPACE.NAME, name).set(WORKSPACE.CREATED_AT, OffsetDateTime.now(clock))
                .returning(WORKSPACE.ID).fetchOne(WORKSPACE.ID);
    }

    void addMember(UUID workspaceId, UUID userId, boolean admin) {
        db.insertInto(WORKSPACE_MEMBER)
                .set(WORKSPACE_MEMBER.WORKSPACE_ID, workspaceId)
                .set(WORKSPACE_MEMBER.USER_ID, userId)
                .set(WORKSPACE_MEMBER.IS_ADMIN, admin)
                .set(WORKSPACE_MEMBER.JOINED_AT, OffsetDateTime.now(clock))
                .onConflictDoNothing()
                .execute();
    }

    /** The user's workspaces in name order; only enabled users have any, and archived workspaces count for nobody. */
    List<WorkspaceSummary> findForUser(UUID userId) {
        return db.select(WORKSPACE.ID, WORKSPACE.NAME, WORKSPACE_MEMBER.IS_ADMIN)
                .from(WORKSPACE_MEMBER)
                .join(WORKSPACE).on(WORKSPACE.ID.eq(WORKSPACE_MEMBER.WORKSPACE_ID))
                .join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.USER_ID.eq(userId).and(USER_DIRECTORY.ENABLED.isTrue())
                        .and(WORKSPACE.ARCHIVED_AT.isNull()))
                .orderBy(WORKSPACE.NAME.lower(), WORKSPACE.ID)
                .fetch(Records.mapping(WorkspaceSummary::new));
    }

    /** The membership of an enabled user in one workspace that is not archived. */
    Optional<WorkspaceSummary> findMembership(UUID userId, UUID workspaceId) {
        return db.select(WORKSPACE.ID, WORKSPACE.NAME, WORKSPACE_MEMBER.IS_ADMIN)
                .from(WORKSPACE_MEMBER)
                .join(WORKSPACE).on(WORKSPACE.ID.eq(WORKSPACE_MEMBER.WORKSPACE_ID))
                .join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.USER_ID.eq(userId)
                        .and(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                        .and(USER_DIRECTORY.ENABLED.isTrue())
                        .and(WORKSPACE.ARCHIVED_AT.isNull()))
                .fetchOptional(Records.mapping(WorkspaceSummary::new));
    }

    Optional<UUID> findIdByName(String name) {
        return db.select(WORKSPACE.ID).from(WORKSPACE).where(WORKSPACE.NAME.lower().eq(name.toLowerCase()))
                .fetchOptional(WORKSPACE.ID);
    }

    /** Every workspace, archived ones too, with its count of enabled members, in name order. */
    List<WorkspaceRecordSummary> findAll() {
        var members = DSL.selectCount().from(WORKSPACE_MEMBER)
                .join(USER_DIRECTORY).on(USER_DIRECTORY.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.WORKSPACE_ID.eq(WORKSPACE.ID).and(USER_DIRECTORY.ENABLED.isTrue()))
                .<Integer>asField("members");
        return db.select(WORKSPACE.ID, WORKSPACE.NAME, WORKSPACE.CREATED_AT, WORKSPACE.ARCHIVED_AT, members)
                .from(WORKSPACE)
                .orderBy(WORKSPACE.NAME.lower(), WORKSPACE.ID)
                .fetch(r -> new WorkspaceRecordSummary(r.value1(), r.value2(), r.value3().toInstant(),
                        Optional.ofNullable(r.value4()).map(OffsetDateTime::toInstant), r.value5()));
    }

    List<UUID> findIds() {
        return db.select(WORKSPACE.ID).from(WORKSPACE).orderBy(WORKSPACE.ID).fetch(WORKSPACE.ID);
    }

    Optional<String> findName(UUID workspaceId) {
        return db.select(WORKSPACE.NAME).from(WORKSPACE).where(WORKSPACE.ID.eq(workspaceId)).fetchOptional(WORKSPACE.NAME);
    }

    /** False when no workspace has that id. */
    boolean rename(UUID workspaceId, String name) {
        return db.update(WORKSPACE).set(WORKSPACE.NAME, name).where(WORKSPACE.ID.eq(workspaceId)).execute() == 1;
    }

    /** False when the workspace does not exist or is archived already. */
    boolean archive(UUID workspaceId, UUID by) {
        return db.update(WORKSPACE)
                .set(WORKSPACE.ARCHIVED_AT, OffsetDateTime.now(clock))
                .set(WORKSPACE.ARCHIVED_BY, by)
                .where(WORKSPACE.ID.eq(workspaceId).and(WORKSPACE.ARCHIVED_AT.isNull()))
                .execute() == 1;
    }

    /** False when the workspace does not exist or is not archived. */
    boolean restore(UUID workspaceId) {
        return db.update(WORKSPACE)
                .setNull(WORKSPACE.ARCHIVED_AT)
                .setNull(WORKSPACE.ARCHIVED_BY)
                .where(WORKSPACE.ID.eq(workspaceId).and(WORKSPACE.ARCHIVED_AT.isNotNull()))
                .execute() == 1;
    }

    boolean isArchived(UUID workspaceId) {
        return db.fetchExists(WORKSPACE, WORKSPACE.ID.eq(workspaceId).and(WORKSPACE.ARCHIVED_AT.isNotNull()));
    }
}
