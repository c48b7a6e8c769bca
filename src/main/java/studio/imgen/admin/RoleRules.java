package studio.imgen.admin;

import static imgen.db.Tables.MEMBER_ROLE;
import static imgen.db.Tables.ROLE_RULE;
import static imgen.db.Tables.WORKSPACE_ROLE;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Repository;

/**
 * Reads and writes role access rules and reads role membership. Every statement is scoped by the workspace id, so
 * a role id from another workspace matches nothing. Rules come back in role-name order, the order the settings
 * overview lists them in (Studio roles have no hierarchy).
 */
@Repository
class RoleRules {

    private final DSLContext db;
    private final Clock clock;

    RoleRules(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    List<RoleRule> rulesOf(UUID workspaceId) {
        return db.select(ROLE_RULE.asterisk(), WORKSPACE_ROLE.NAME)
                .from(ROLE_RULE)
                .join(WORKSPACE_ROLE).on(WORKSPACE_ROLE.ID.eq(ROLE_RULE.ROLE_ID)
                        .and(WORKSPACE_ROLE.WORKSPACE_ID.eq(ROLE_RULE.WORKSPACE_ID)))
                .where(ROLE_RULE.WORKSPACE_ID.eq(workspaceId))
                .orderBy(WORKSPACE_ROLE.NAME.lower(), WORKSPACE_ROLE.ID)
                .fetch(RoleRules::toRule);
    }

    Set<UUID> rolesHeldBy(UUID workspaceId, UUID userId) {
        return new HashSet<>(db.select(MEMBER_ROLE.ROLE_ID).from(MEMBER_ROLE)
                .where(MEMBER_ROLE.WORKSPACE_ID.eq(workspaceId).and(MEMBER_ROLE.USER_ID.eq(userId)))
                .fetch(MEMBER_ROLE.ROLE_ID));
    }

    /** Inserts the role's rule or replaces it: at most one rule per role. */
    void upsert(UUID workspaceId, RoleRule rule) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        db.insertInto(ROLE_RULE)
                .set(ROLE_RULE.ROLE_ID, rule.roleId())
                .set(ROLE_RULE.WORKSPACE_ID, workspaceId)
                .set(ROLE_RULE.COOLDOWN_SECONDS, rule.cooldownSeconds())
                .set(ROLE_RULE.MODELS, sorted(rule.models()))
                .set(ROLE_RULE.SIZES, sorted(rule.sizes()))
                .set(ROLE_RULE.QUALITIES, sorted(rule.qualities()))
                .set(ROLE_RULE.DAILY_QUOTA, rule.dailyQuota())
                .set(ROLE_RULE.MONTHLY_QUOTA, rule.monthlyQuota())
                .set(ROLE_RULE.MONTHLY_BUDGET_MICROS, rule.monthlyBudgetMicros())
                .set(ROLE_RULE.CUSTOM_SIZE_MAX_PIXELS, (int) rule.customSizeMaxPixels())
                .set(ROLE_RULE.UPDATED_AT, now)
                .onConflict(ROLE_RULE.ROLE_ID).doUpdate()
                .set(ROLE_RULE.COOLDOWN_SECONDS, rule.cooldownSeconds())
                .set(ROLE_RULE.MODELS, sorted(rule.models()))
                .set(ROLE_RULE.SIZES, sorted(rule.sizes()))
                .set(ROLE_RULE.QUALITIES, sorted(rule.qualities()))
                .set(ROLE_RULE.DAILY_QUOTA, rule.dailyQuota())
                .set(ROLE_RULE.MONTHLY_QUOTA, rule.monthlyQuota())
                .set(ROLE_RULE.MONTHLY_BUDGET_MICROS, rule.monthlyBudgetMicros())
                .set(ROLE_RULE.CUSTOM_SIZE_MAX_PIXELS, (int) rule.customSizeMaxPixels())
                .set(ROLE_RULE.UPDATED_AT, now)
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

    private static RoleRule toRule(Record r) {
        return new RoleRule(r.get(ROLE_RULE.ROLE_ID), r.get(WORKSPACE_ROLE.NAME), r.get(ROLE_RULE.COOLDOWN_SECONDS),
                Set.of(r.get(ROLE_RULE.MODELS)), Set.of(r.get(ROLE_RULE.SIZES)), Set.of(r.get(ROLE_RULE.QUALITIES)),
                r.get(ROLE_RULE.DAILY_QUOTA), r.get(ROLE_RULE.MONTHLY_QUOTA), r.get(ROLE_RULE.MONTHLY_BUDGET_MICROS),
                r.get(ROLE_RULE.CUSTOM_SIZE_MAX_PIXELS));
    }
}
