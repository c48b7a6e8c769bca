package studio.imgen.access;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/** Quota periods: the UTC day and the UTC calendar month. */
public final class UsagePeriods {

    private UsagePeriods() {
    }

    public static Instant startOfDay(Instant t) {
        return t.truncatedTo(ChronoUnit.DAYS);
    }

    public static Instant startOfNextDay(Instant t) {
        return startOfDay(t).plus(1, ChronoUnit.DAYS);
    }

    public static Instant startOfMonth(Instant t) {
        return utcDate(t).withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    public static Instant startOfNextMonth(Instant t) {
        return utcDate(t).withDayOfMonth(1).plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static LocalDate utcDate(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }
}
