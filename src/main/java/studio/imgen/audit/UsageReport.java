package studio.imgen.audit;

import java.time.LocalDate;
import java.util.List;

/**
 * Usage and cost over the last {@code days} UTC days, from the succeeded generations in the audit log.
 *
 * @param workspaceWide true for admins (everyone's usage, with a per-user breakdown); false: only the caller's
 * @param daily one entry per day, oldest first, days without generations included (as zero)
 * @param perUser empty unless workspace-wide; most expensive first
 * @param perModel most expensive first
 * @param perChannel where generations came from: "ImGen Studio (browser)" or "API token <name>"; most expensive first
 * @param allowance the caller's own quotas and budget this day and month
 */
public record UsageReport(boolean workspaceWide, int days, List<Day> daily, List<Line> perUser, List<Line> perModel,
                          List<Line> perRole, List<Line> perChannel, Line total, Allowance allowance) {

    /** {@code estimatedCostMicros}: the part of the cost computed at rates the catalogue marks as estimated. */
    public record Day(LocalDate day, long generations, long images, long costMicros, long estimatedCostMicros) {
    }

    public record Line(String label, long generations, long images, long costMicros, long estimatedCostMicros) {
    }

    /** Quotas and budget of 0 mean unlimited. Counters are the current UTC day's and month's. */
    public record Allowance(int dailyQuota, int usedToday, int monthlyQuota, int usedThisMonth, long monthlyBudgetMicros,
                            long spentThisMonthMicros) {
    }
}
