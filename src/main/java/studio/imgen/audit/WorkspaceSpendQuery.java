package studio.imgen.audit;

import static imgen.db.Tables.AUDIT_USAGE_DAILY;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;
import studio.imgen.admin.MonthlySpend;

/** Spend per workspace from the daily usage table, for the instance admin's workspace list (the caller checks rights). */
@Component
class WorkspaceSpendQuery implements MonthlySpend {

    private final DSLContext db;

    WorkspaceSpendQuery(DSLContext db) {
        this.db = db;
    }

    @Override
    public Map<UUID, Long> spendSince(LocalDate firstDay) {
        return db.select(AUDIT_USAGE_DAILY.WORKSPACE_ID, DSL.sum(AUDIT_USAGE_DAILY.COST_MICROS).cast(Long.class))
                .from(AUDIT_USAGE_DAILY)
                .where(AUDIT_USAGE_DAILY.DAY.ge(firstDay))
                .groupBy(AUDIT_USAGE_DAILY.WORKSPACE_ID)
                .fetchMap(AUDIT_USAGE_DAILY.WORKSPACE_ID, r -> r.value2());
    }
}
