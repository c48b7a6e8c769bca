package studio.imgen.admin;

import static imgen.db.Tables.AUDIT_USAGE_DAILY;
import static imgen.db.Tables.WORKSPACE_SETTINGS;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/**
 * What the instance admin's workspace list shows beside each workspace: whether its key is set (this module's
 * settings) and its spend this month, read from the audit module's daily usage table (read only), so the figure is
 * the one the workspace's Usage page shows.
 */
@Repository
class WorkspaceDirectoryQuery {

    private final DSLContext db;

    WorkspaceDirectoryQuery(DSLContext db) {
        this.db = db;
    }

    Set<UUID> withKey() {
        return db.select(WORKSPACE_SETTINGS.WORKSPACE_ID).from(WORKSPACE_SETTINGS)
                .where(WORKSPACE_SETTINGS.API_KEY_CIPHERTEXT.isNotNull())
                .fetchSet(WORKSPACE_SETTINGS.WORKSPACE_ID);
    }

    /** Cost in micro-dollars per workspace from {@code firstDay} (UTC) on; workspaces without any are absent. */
    Map<UUID, Long> spendSince(LocalDate firstDay) {
        return db.select(AUDIT_USAGE_DAILY.WORKSPACE_ID, DSL.sum(AUDIT_USAGE_DAILY.COST_MICROS).cast(Long.class))
                .from(AUDIT_USAGE_DAILY)
                .where(AUDIT_USAGE_DAILY.DAY.ge(firstDay))
                .groupBy(AUDIT_USAGE_DAILY.WORKSPACE_ID)
                .fetchMap(AUDIT_USAGE_DAILY.WORKSPACE_ID, r -> r.value2());
    }
}
