package studio.imgen.access;

import static imgen.db.Tables.ROLE_RULE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.springframework.stereotype.Repository;
import studio.imgen.workspace.WorkspaceRole;
import studio.imgen.workspace.WorkspaceRoles;

/**
 * Reads and writes role access rules; roles and who holds them are read through their owner ({@link WorkspaceRoles}).
 * Every statement is scoped by the workspace id, so a role id from another workspace matches nothing. Rules come back
 * in role-name order, the order the settings overview lists them in (Studio roles have no hierarchy).
 */
@Repository
class RoleRules {

    private final DSLContext db;
    private final WorkspaceRoles roles;
    private final Clock clock;

    RoleRules(DSLContext db, WorkspaceRoles roles, Clock clock) {
        this.db = db;
        this.roles = roles;
        this.clock = clock;
    }

    List<RoleRule> rulesOf(UUID workspaceId) {
        // The owner lists roles in name order; a rule takes its role's place. The foreign key keeps a rule's role
        // alive, so only a rule written after the roles were read can lack one, and it is left for the next read.
        List<WorkspaceRole> ordered = roles.findAll(workspaceId);
        Map<UUID, Integer> position = new HashMap<>();
        ordered.forEach(role -> position.put(role.id(), position.size()));
        return db.selectFrom(ROLE_RULE).where(ROLE_RULE.WORKSPACE_ID.eq(workspaceId)).fetch().stream()
                .filter(r -> position.containsKey(r.getRoleId()))
                .sorted(Comparator.comparing(r -> position.get(r.getRoleId())))
                .map(r -> new RoleRule(r.getRoleId(), ordered.get(position.get(r.getRoleId())).name(),
                        r.getCooldownSeconds(), Set.of(r.getModels()), Set.of(r.getSizes()), Set.of(r.getQualities()),
                        r.getDailyQuota(), r.getMonthlyQuota(), r.getMonthlyBudgetMicros(), r.getCustomSizeMaxPixels()))
                .toList();
    }

    Set<UUID> rolesHeldBy(UUID workspaceId, UUID userId) {
        return roles.heldBy(workspaceId, userId);
    }

    boolean hasRule(UUID workspaceId, UUID roleId) {
        return db.fetchExists(ROLE_RULE, ROLE_RULE.WORKSPACE_ID.eq(workspaceId).and(ROLE_RULE.ROLE_ID.eq(roleId)));
    }

    /** Inserts the role's rule or replaces it: at most one rule per role. */
    void upsert(UUID workspaceId, RoleRule rule) {
        Map<Field<?>, Object> values = new LinkedHashMap<>();
        values.put(ROLE_RULE.COOLDOWN_SECONDS, rule.cooldownSeconds());
        values.put(ROLE_RULE.MODELS, sorted(rule.models()));
        values.put(ROLE_RULE.SIZES, sorted(rule.sizes()));
        values.put(ROLE_RULE.QUALITIES, sorted(rule.qualities()));
        values.put(ROLE_RULE.DAILY_QUOTA, rule.dailyQuota());
        values.put(ROLE_RULE.MONTHLY_QUOTA, rule.monthlyQuota());
        values.put(ROLE_RULE.MONTHLY_BUDGET_MICROS, rule.monthlyBudgetMicros());
        values.put(ROLE_RULE.CUSTOM_SIZE_MAX_PIXELS, (int) rule.customSizeMaxPixels());
        values.put(ROLE_RULE.UPDATED_AT, OffsetDateTime.now(clock));
        db.insertInto(ROLE_RULE)
                .set(ROLE_RULE.ROLE_ID, rule.roleId())
                .set(ROLE_RULE.WORKSPACE_ID, workspaceId)
                .set(values)
                .onConflict(ROLE_RULE.ROLE_ID).doUpdate()
                .set(values)
                // A role id is globally unique, but never let a conflict rewrite another workspace's rule.
                .where(ROLE_RULE.WORKSPACE_ID.eq(workspaceId))
                .execute();
    }

    boolean delete(UUID workspaceId, UUID roleId) {
        return db.deleteFrom(ROLE_RULE)
                .where(ROLE_RULE.WORKSPACE_ID.eq(workspaceId).and(ROLE_RULE.ROLE_ID.eq(roleId)))
                .execute() > 0;
    }

    /** Deletes every rule of the workspace (usage rows and their cooldown timestamps stay). */
    int deleteAll(UUID workspaceId) {
        return db.deleteFrom(ROLE_RULE).where(ROLE_RULE.WORKSPACE_ID.eq(workspaceId)).execute();
    }

    private static String[] sorted(Set<String> values) {
        return values.stream().sorted().toArray(String[]::new);
    }
}
