package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsageSnapshotTest {

    static final Instant LAST = Instant.parse("2026-11-22T18:30:00Z");
    static final UsageSnapshot STORED = new UsageSnapshot(LAST, 4, 40, 1_500_000);

    @ParameterizedTest(name = "at {0}: today={1} month={2} spent={3}")
    @CsvSource({
            "2026-11-22T18:30:00Z, 4, 40, 1500000",
            "2026-11-22T23:59:59.999Z, 4, 40, 1500000",
            "2026-11-23T00:00:00Z, 0, 40, 1500000",
            "2026-11-30T23:59:59Z, 0, 40, 1500000",
            "2026-12-01T00:00:00Z, 0, 0, 0",
            "2027-11-22T18:30:00Z, 0, 0, 0"})
    void countersResetAtMidnightAndOnTheFirstUtc(String now, int today, int month, long spent) {
        assertThat(STORED.asOf(Instant.parse(now))).isEqualTo(new UsageSnapshot(LAST, today, month, spent));
    }

    @Test
    void aMemberWhoNeverGeneratedHasNothingToReset() {
        assertThat(UsageSnapshot.NONE.asOf(LAST)).isSameAs(UsageSnapshot.NONE);
    }

    @Test
    void admissionCountsOneGenerationAfterAnyReset() {
        assertThat(STORED.admitted(LAST.plusSeconds(60)))
                .isEqualTo(new UsageSnapshot(LAST.plusSeconds(60), 5, 41, 1_500_000));
        Instant nextDay = Instant.parse("2026-11-23T08:00:00Z");
        assertThat(STORED.admitted(nextDay)).isEqualTo(new UsageSnapshot(nextDay, 1, 41, 1_500_000));
        Instant nextMonth = Instant.parse("2026-12-01T08:00:00Z");
        assertThat(STORED.admitted(nextMonth)).isEqualTo(new UsageSnapshot(nextMonth, 1, 1, 0));
    }

    @Test
    void countersCannotBeNegative() {
        assertThatThrownBy(() -> new UsageSnapshot(LAST, -1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsageSnapshot(LAST, 0, -1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new UsageSnapshot(LAST, 0, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "2026-11-22T18:30:00Z, 2026-11-22T00:00:00Z, 2026-11-23T00:00:00Z, 2026-11-01T00:00:00Z, 2026-12-01T00:00:00Z",
            "2026-12-31T23:59:59Z, 2026-12-31T00:00:00Z, 2027-01-01T00:00:00Z, 2026-12-01T00:00:00Z, 2027-01-01T00:00:00Z",
            "2028-02-29T12:00:00Z, 2028-02-29T00:00:00Z, 2028-03-01T00:00:00Z, 2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z",
            "2026-03-01T00:00:00Z, 2026-03-01T00:00:00Z, 2026-03-02T00:00:00Z, 2026-03-01T00:00:00Z, 2026-04-01T00:00:00Z"})
    void periodsAreUtcDaysAndCalendarMonths(String t, String day, String nextDay, String month, String nextMonth) {
        Instant at = Instant.parse(t);

        assertThat(UsagePeriods.startOfDay(at)).isEqualTo(day);
        assertThat(UsagePeriods.startOfNextDay(at)).isEqualTo(nextDay);
        assertThat(UsagePeriods.startOfMonth(at)).isEqualTo(month);
        assertThat(UsagePeriods.startOfNextMonth(at)).isEqualTo(nextMonth);
    }
}
