package studio.imgen.access;

import java.time.Instant;

/**
 * A member's usage row in one workspace as last stored. The counters belong to the UTC day and month of
 * {@code lastCountedAt}: they are written together with it at admission, so once that day or month is over
 * they count as zero ("reset at the first use after midnight UTC / the 1st of the month UTC").
 *
 * @param lastCountedAt time of the last counted generation, null if none
 * @param generationsToday generations counted on the UTC day of {@code lastCountedAt}
 * @param generationsThisMonth generations counted in the UTC month of {@code lastCountedAt}
 * @param spentThisMonthMicros cost recorded in the UTC month of {@code lastCountedAt}, in micro-dollars
 */
public record UsageSnapshot(Instant lastCountedAt, int generationsToday, int generationsThisMonth,
                            long spentThisMonthMicros) {

    public static final UsageSnapshot NONE = new UsageSnapshot(null, 0, 0, 0);

    public UsageSnapshot {
        if (generationsToday < 0 || generationsThisMonth < 0 || spentThisMonthMicros < 0) {
            throw new IllegalArgumentException("usage counters must not be negative");
        }
    }

    /** The counters as they stand at {@code now}, after any daily or monthly reset. */
    public UsageSnapshot asOf(Instant now) {
        if (lastCountedAt == null) {
            return this;
        }
        boolean sameDay = !lastCountedAt.isBefore(UsagePeriods.startOfDay(now));
        boolean sameMonth = !lastCountedAt.isBefore(UsagePeriods.startOfMonth(now));
        return new UsageSnapshot(lastCountedAt, sameDay ? generationsToday : 0,
                sameMonth ? generationsThisMonth : 0, sameMonth ? spentThisMonthMicros : 0);
    }

    /** The row after one more generation is admitted at {@code now} (cost is added when it is known). */
    public UsageSnapshot admitted(Instant now) {
        UsageSnapshot current = asOf(now);
        return new UsageSnapshot(now, current.generationsToday + 1, current.generationsThisMonth + 1,
                current.spentThisMonthMicros);
    }
}
