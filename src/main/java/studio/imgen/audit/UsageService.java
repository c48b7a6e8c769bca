package studio.imgen.audit;

import static imgen.db.Tables.AUDIT_LOG;
import static imgen.db.Tables.AUDIT_USAGE_DAILY;
import static imgen.db.Tables.MEMBER_ROLE_NAME;

import jakarta.annotation.security.PermitAll;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import studio.imgen.access.AccessControl;
import studio.imgen.access.Admission;
import studio.imgen.access.EffectiveLimits;
import studio.imgen.access.UsageSnapshot;
import studio.imgen.workspace.WorkspaceAccess;
import studio.imgen.workspace.WorkspaceAccess.Member;

/**
 * The usage page's numbers: workspace admins see the whole workspace, per day, per user and per model; a member sees
 * the same for their own generations, and everyone sees their remaining quota and budget. Read from the daily rollup
 * of the audit log's succeeded generations (V022), so the figures are the ones admins audit and export.
 */
@Service
public class UsageService {

    public static final List<Integer> PERIODS = List.of(30, 90);
    static final String BROWSER = "ImGen Studio (browser)";

    private final WorkspaceAccess access;
    private final AccessControl accessControl;
    private final Admission admission;
    private final DSLContext db;

    UsageService(WorkspaceAccess access, AccessControl accessControl, Admission admission, DSLContext db) {
        this.access = access;
        this.accessControl = accessControl;
        this.admission = admission;
        this.db = db;
    }

    /** @param days 30 or 90 (anything else is refused) */
    @PermitAll
    public UsageReport report(int days) {
        if (!PERIODS.contains(days)) {
            throw new IllegalArgumentException("Usage covers 30 or 90 days");
        }
        Member me = access.requireMember();
        Instant now = admission.now();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        LocalDate first = today.minusDays(days - 1L);
        Condition scope = AUDIT_USAGE_DAILY.WORKSPACE_ID.eq(me.workspaceId()).and(AUDIT_USAGE_DAILY.DAY.ge(first));
        if (!me.admin()) {
            scope = scope.and(AUDIT_USAGE_DAILY.ACTOR_ID.eq(me.userId()));
        }
        // One pass over the daily rollup (kept by the database as generations are audited) for all three breakdowns.
        Map<LocalDate, UsageReport.Day> byDay = new HashMap<>();
        List<UsageReport.Line> perUser = new ArrayList<>();
        List<UsageReport.Line> perModel = new ArrayList<>();
        db.select(AUDIT_USAGE_DAILY.DAY, AUDIT_USAGE_DAILY.ACTOR_ID, DSL.max(AUDIT_USAGE_DAILY.ACTOR_NAME),
                        AUDIT_USAGE_DAILY.MODEL, DSL.grouping(AUDIT_USAGE_DAILY.DAY), DSL.grouping(AUDIT_USAGE_DAILY.ACTOR_ID),
                        DSL.sum(AUDIT_USAGE_DAILY.GENERATIONS), DSL.sum(AUDIT_USAGE_DAILY.IMAGES),
                        DSL.sum(AUDIT_USAGE_DAILY.COST_MICROS), DSL.sum(AUDIT_USAGE_DAILY.ESTIMATED_COST_MICROS))
                .from(AUDIT_USAGE_DAILY).where(scope)
                .groupBy(DSL.groupingSets(List.of(AUDIT_USAGE_DAILY.DAY), List.of(AUDIT_USAGE_DAILY.ACTOR_ID),
                        List.of(AUDIT_USAGE_DAILY.MODEL)))
                .forEach(r -> {
                    long count = longOf(r.value7());
                    long imageCount = longOf(r.value8());
                    long costMicros = longOf(r.value9());
                    long estimated = longOf(r.value10());
                    if (r.value5() == 0) {
                        byDay.put(r.value1(), new UsageReport.Day(r.value1(), count, imageCount, costMicros, estimated));
                    } else if (r.value6() == 0) {
                        perUser.add(new UsageReport.Line(r.value3() == null ? "(unknown)" : r.value3(), count,
                                imageCount, costMicros, estimated));
                    } else {
                        perModel.add(new UsageReport.Line(r.value4().isEmpty() ? "(none)" : r.value4(), count,
                                imageCount, costMicros, estimated));
                    }
                });
        List<UsageReport.Day> daily = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(today); d = d.plusDays(1)) {
            daily.add(byDay.getOrDefault(d, new UsageReport.Day(d, 0, 0, 0, 0)));
        }
        Comparator<UsageReport.Line> mostExpensiveFirst = Comparator.comparingLong(UsageReport.Line::costMicros).reversed()
                .thenComparing(UsageReport.Line::label);
        perUser.sort(mostExpensiveFirst);
        perModel.sort(mostExpensiveFirst);
        UsageReport.Line total = new UsageReport.Line("Total", daily.stream().mapToLong(UsageReport.Day::generations).sum(),
                daily.stream().mapToLong(UsageReport.Day::images).sum(), daily.stream().mapToLong(UsageReport.Day::costMicros).sum(),
                daily.stream().mapToLong(UsageReport.Day::estimatedCostMicros).sum());
        return new UsageReport(me.admin(), days, daily, me.admin() ? perUser : List.of(), perModel,
                me.admin() ? perRole(scope, mostExpensiveFirst) : List.of(),
                perChannel(me, AuditQuery.startOf(first), mostExpensiveFirst), total, allowance(me, now));
    }

    /**
     * Usage by the roles members hold now: a member with several roles counts under each of them, one without a
     * role under "(no role)".
     */
    private List<UsageReport.Line> perRole(Condition scope, Comparator<UsageReport.Line> order) {
        var role = DSL.coalesce(MEMBER_ROLE_NAME.ROLE_NAME, DSL.inline("(no role)"));
        List<UsageReport.Line> lines = new ArrayList<>(db.select(role, DSL.sum(AUDIT_USAGE_DAILY.GENERATIONS),
                        DSL.sum(AUDIT_USAGE_DAILY.IMAGES), DSL.sum(AUDIT_USAGE_DAILY.COST_MICROS),
                        DSL.sum(AUDIT_USAGE_DAILY.ESTIMATED_COST_MICROS))
                .from(AUDIT_USAGE_DAILY)
                .leftJoin(MEMBER_ROLE_NAME).on(MEMBER_ROLE_NAME.WORKSPACE_ID.eq(AUDIT_USAGE_DAILY.WORKSPACE_ID)
                        .and(MEMBER_ROLE_NAME.USER_ID.eq(AUDIT_USAGE_DAILY.ACTOR_ID)))
                .where(scope)
                .groupBy(role)
                .fetch(r -> new UsageReport.Line(r.value1(), longOf(r.value2()), longOf(r.value3()), longOf(r.value4()),
                        longOf(r.value5()))));
        lines.sort(order);
        return lines;
    }

    /**
     * Browser versus each API token, from the succeeded generations of the audit log itself (the daily rollup keeps no
     * channel): the same rows, so the figures add up to the total.
     */
    private List<UsageReport.Line> perChannel(Member me, OffsetDateTime from, Comparator<UsageReport.Line> order) {
        Condition scope = AUDIT_LOG.WORKSPACE_ID.eq(me.workspaceId()).and(AUDIT_LOG.STATUS.eq("succeeded"))
                .and(AUDIT_LOG.CATEGORY.eq("generation")).and(AUDIT_LOG.AT.ge(from));
        if (!me.admin()) {
            scope = scope.and(AUDIT_LOG.ACTOR_ID.eq(me.userId()));
        }
        var token = DSL.jsonbGetAttributeAsText(AUDIT_LOG.DETAILS, DSL.inline(GenerationAuditor.VIA_TOKEN));
        var channel = DSL.coalesce(DSL.inline("API token ").concat(token), DSL.inline(BROWSER));
        List<UsageReport.Line> lines = new ArrayList<>(db.select(channel, DSL.count(),
                        DSL.sum(DSL.cardinality(AUDIT_LOG.IMAGE_IDS)), DSL.sum(AUDIT_LOG.COST_MICROS),
                        DSL.sum(DSL.when(AUDIT_LOG.COST_ESTIMATED, AUDIT_LOG.COST_MICROS)))
                .from(AUDIT_LOG).where(scope).groupBy(channel)
                .fetch(r -> new UsageReport.Line(r.value1(), r.value2(), longOf(r.value3()), longOf(r.value4()),
                        longOf(r.value5()))));
        lines.sort(order);
        return lines;
    }

    private UsageReport.Allowance allowance(Member me, Instant now) {
        EffectiveLimits limits = accessControl.limitsFor(me.workspaceId(), me.userId(), me.admin());
        UsageSnapshot usage = admission.usageOf(me.workspaceId(), me.userId()).asOf(now);
        return new UsageReport.Allowance(limits.dailyQuota(), usage.generationsToday(), limits.monthlyQuota(),
                usage.generationsThisMonth(), limits.monthlyBudgetMicros(), usage.spentThisMonthMicros());
    }

    private static long longOf(BigDecimal value) {
        return value == null ? 0 : value.longValue();
    }
}
