package studio.imgen.workspace;

import static imgen.db.Tables.MEMBER_ROLE;
import static imgen.db.Tables.WORKSPACE_ROLE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Records;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** Roles of a workspace and who holds them. Every statement is scoped by the workspace id. */
@Repository
public class WorkspaceRoles {

    private final DSLContext db;

    WorkspaceRoles(DSLContext db) {
        this.db = db;
    }

    public List<WorkspaceRole> findAll(UUID workspaceId) {
        return db.select(WORKSPACE_ROLE.ID, WORKSPACE_ROLE.NAME, WORKSPACE_ROLE.COLOUR).from(WORKSPACE_ROLE)
                .where(WORKSPACE_ROLE.WORKSPACE_ID.eq(workspaceId))
                .orderBy(WORKSPACE_ROLE.NAME.lower(), WORKSPACE_ROLE.ID)
                .fetch(Records.mapping(WorkspaceRole::new));
    }

    public Optional<WorkspaceRole> find(UUID workspaceId, UUID roleId) {
        return db.select(WORKSPACE_ROLE.ID, WORKSPACE_ROLE.NAME, WORKSPACE_ROLE.COLOUR).from(WORKSPACE_ROLE)
                .where(WORKSPACE_ROLE.WORKSPACE_ID.eq(workspaceId).and(WORKSPACE_ROLE.ID.eq(roleId)))
                .fetchOptional(Records.mapping(WorkspaceRole::new));
    }

    /** Whether another role of the workspace already has this name (ignoring case). */
    public boolean nameTaken(UUID workspaceId, String name, UUID exceptRoleId) {
        return db.fetchExists(WORKSPACE_ROLE, WORKSPACE_ROLE.WORKSPACE_ID.eq(workspaceId)
                .and(WORKSPACE_ROLE.NAME.lower().eq(DSL.lower(DSL.val(name))))
                .and(exceptRoleId == null ? DSL.trueCondition() : WORKSPACE_ROLE.ID.ne(exceptRoleId)));
    }

    public UUID insert(UUID workspaceId, String name, String colour) {
        return db.insertInto(WORKSPACE_ROLE)
                .set(WORKSPACE_ROLE.WORKSPACE_ID, workspaceId)
                .set(WORKSPACE_ROLE.NAME, name)
                .set(WORKSPACE_ROLE.COLOUR, colour)
                .returning(WORKSPACE_ROLE.ID).fetchOne(WORKSPACE_ROLE.ID);
    }

    public boolean update(UUID workspaceId, UUID roleId, String name, String colour) {
        return db.update(WORKSPACE_ROLE).set(WORKSPACE_ROLE.NAME, name).set(WORKSPACE_ROLE.COLOUR, colour)
                .where(WORKSPACE_ROLE.WORKSPACE_ID.eq(workspaceId).and(WORKSPACE_ROLE.ID.eq(roleId)))
                .execute() > 0;
    }

    /** The ids of the roles the member holds in the workspace. */
    public Set<UUID> heldBy(UUID workspaceId, UUID userId) {
        return new HashSet<>(db.select(MEMBER_ROLE.ROLE_ID).from(MEMBER_ROLE)
                .where(MEMBER_ROLE.WORKSPACE_ID.eq(workspaceId).and(MEMBER_ROLE.USER_ID.eq(userId)))
                .fetch(MEMBER_ROLE.ROLE_ID));
    }

    /** Deletes the role and its assignments; the database refuses while the role still has a rule (D16). */
    public boolean delete(UUID workspaceId, UUID roleId) {
        return db.deleteFrom(WORKSPACE_ROLE)
                .where(WORKSPACE_ROLE.WORKSPACE_ID.eq(workspaceId).and(WORKSPACE_ROLE.ID.eq(roleId)))
                .execute() > 0;
    }

    public Map<UUID, Integer> memberCounts(UUID workspaceId) {
        return db.select(MEMBER_ROLE.ROLE_ID, DSL.count()).from(MEMBER_ROLE)
                .where(MEMBER_ROLE.WORKSPACE_ID.eq(workspaceId))
                .groupBy(MEMBER_ROLE.ROLE_ID)
                .fetchMap(MEMBER_ROLE.ROLE_ID, DSL.count());
    }

    /** Each member's roles in name order; members without roles are absent. */
    public Map<UUID, List<WorkspaceRole>> rolesByMember(UUID workspaceId) {
        Map<UUID, List<WorkspaceRole>> byMember = new HashMap<>();
        db.select(MEMBER_ROLE.USER_ID, WORKSPACE_ROLE.ID, WORKSPACE_ROLE.NAME, WORKSPACE_ROLE.COLOUR)
                .from(MEMBER_ROLE)
                .join(WORKSPACE_ROLE).on(WORKSPACE_ROLE.ID.eq(MEMBER_ROLE.ROLE_ID)
                        .and(WORKSPACE_ROLE.WORKSPACE_ID.eq(MEMBER_ROLE.WORKSPACE_ID)))
                .where(MEMBER_ROLE.WORKSPACE_ID.eq(workspaceId))
                .orderBy(WORKSPACE_ROLE.NAME.lower(), WORKSPACE_ROLE.ID)
                .forEach(r -> byMember.computeIfAbsent(r.value1(), k -> new ArrayList<>())
                        .add(new WorkspaceRole(r.value2(), r.value3(), r.value4())));
        return byMember;
    }

    /** Replaces the member's roles with exactly these (already checked to belong to the workspace). */
    public void replaceMemberRoles(UUID workspaceId, UUID userId, Set<UUID> roleIds) {
        db.deleteFrom(MEMBER_ROLE)
                .where(MEMBER_ROLE.WORKSPACE_ID.eq(workspaceId).and(MEMBER_ROLE.USER_ID.eq(userId))
                        .and(roleIds.isEmpty() ? DSL.trueCondition() : MEMBER_ROLE.ROLE_ID.notIn(roleIds)))
                .execute();
        for (UUID roleId : roleIds) {
            db.insertInto(MEMBER_ROLE).set(MEMBER_ROLE.WORKSPACE_ID, workspaceId).set(MEMBER_ROLE.USER_ID, userId)
                    .set(MEMBER_ROLE.ROLE_ID, roleId).onConflictDoNothing().execute();
        }
    }
}
