package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MemberLimitsTest {

    static final Instant NOW = Instant.parse("2026-11-22T18:30:00Z");

    static EffectiveLimits byRole(int cooldown, int daily, int monthly, long budgetMicros) {
        return new EffectiveLimits(EffectiveLimits.Access.BY_ROLE, cooldown, Set.of(), Set.of(), Set.of(), daily,
                monthly, budgetMicros);
    }

    @Test
    void openAccessAndUnlimitedRolesShowNothing() {
        assertThat(MemberLimits.of(EffectiveLimits.OPEN, UsageSnapshot.NONE, NOW)).isEqualTo(MemberLimits.NONE);
        assertThat(MemberLimits.of(byRole(0, 0, 0, 0), new UsageSnapshot(NOW, 3, 9, 10), NOW).lines()).isEmpty();
        assertThat(MemberLimits.of(EffectiveLimits.DENIED, UsageSnapshot.NONE, NOW)).isEqualTo(MemberLimits.NONE);
    }

    @Test
    void aRunningCooldownLeavesTheCountdownToTheViewAndSaysWhenItEnds() {
        UsageSnapshot usage = new UsageSnapshot(NOW.minusSeconds(78), 1, 1, 0);

        MemberLimits limits = MemberLimits.of(byRole(120, 0, 0, 0), usage, NOW);

        assertThat(limits.lines()).containsExactly("2 min cooldown after each generation");
        assertThat(limits.nextGenerationAt()).contains(NOW.plusSeconds(42));
    }

    @Test
    void aFinishedCooldownIsDescribedInsteadOfCountedDown() {
        MemberLimits limits = MemberLimits.of(byRole(120, 0, 0, 0), new UsageSnapshot(NOW.minusSeconds(120), 1, 1, 0), NOW);

        assertThat(limits.lines()).containsExactly("2 min cooldown after each generation");
        assertThat(limits.nextGenerationAt()).isEqualTo(Optional.empty());
    }

    @Test
    void quotasAndBudgetShowUsageAgainstTheLimit() {
        UsageSnapshot usage = new UsageSnapshot(NOW.minusSeconds(3600), 12, 120, 3_100_000);

        assertThat(MemberLimits.of(byRole(0, 50, 1000, 20_000_000), usage, NOW).lines())
                .containsExactly("12 of 50 today", "120 of 1,000 this month", "$3.10 of $20.00 this month");
    }

    @Test
    void countersFromAnEarlierDayOrMonthCountAsZero() {
        UsageSnapshot lastMonth = new UsageSnapshot(Instant.parse("2026-10-31T23:00:00Z"), 12, 120, 3_100_000);

        assertThat(MemberLimits.of(byRole(0, 50, 1000, 20_000_000), lastMonth, NOW).lines())
                .containsExactly("0 of 50 today", "0 of 1,000 this month", "$0.0000 of $20.00 this month");
    }

    @ParameterizedTest
    @CsvSource({"PT0.2S, 1 s", "PT42S, 42 s", "PT41.001S, 42 s", "PT60S, 1 min", "PT125S, 2 min 5 s",
            "PT1H, 1 h", "PT3H9M30S, 3 h 10 min", "PT24H, 1 d", "PT52H, 2 d 4 h"})
    void shortDurationsRoundUp(Duration wait, String text) {
        assertThat(MemberLimits.shortDuration(wait)).isEqualTo(text);
    }
}
