package studio.imgen.workspace;

import static imgen.db.Tables.APP_USER;
import static imgen.db.Tables.WORKSPACE;
import static imgen.db.Tables.WORKSPACE_MEMBER;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;
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
        return db.insertInto(WORKSPACE).set(WORKSPACE.NAME, name).returning(WORKSPACE.ID).fetchOne(WORKSPACE.ID);
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

    /** The user's workspaces in name order; only enabled users have any. */
    List<WorkspaceSummary> findForUser(UUID userId) {
        return db.select(WORKSPACE.ID, WORKSPACE.NAME, WORKSPACE_MEMBER.IS_ADMIN)
                .from(WORKSPACE_MEMBER)
                .join(WORKSPACE).on(WORKSPACE.ID.eq(WORKSPACE_MEMBER.WORKSPACE_ID))
                .join(APP_USER).on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.USER_ID.eq(userId).and(APP_USER.ENABLED.isTrue()))
                .orderBy(WORKSPACE.NAME.lower(), WORKSPACE.ID)
                .fetch(Records.mapping(WorkspaceSummary::new));
    }

    /** The membership of an enabled user in one workspace. */
    Optional<WorkspaceSummary> findMembership(UUID userId, UUID workspaceId) {
        return db.select(WORKSPACE.ID, WORKSPACE.NAME, WORKSPACE_MEMBER.IS_ADMIN)
                .from(WORKSPACE_MEMBER)
                .join(WORKSPACE).on(WORKSPACE.ID.eq(WORKSPACE_MEMBER.WORKSPACE_ID))
                .join(APP_USER).on(APP_USER.ID.eq(WORKSPACE_MEMBER.USER_ID))
                .where(WORKSPACE_MEMBER.USER_ID.eq(userId)
                        .and(WORKSPACE_MEMBER.WORKSPACE_ID.eq(workspaceId))
                        .and(APP_USER.ENABLED.isTrue()))
                .fetchOptional(Records.mapping(WorkspaceSummary::new));
    }

    Optional<UUID> findIdByName(String name) {
        return db.select(WORKSPACE.ID).from(WORKSPACE).where(WORKSPACE.NAME.lower().eq(name.toLowerCase()))
                .fetchOptional(WORKSPACE.ID);
    }
}
