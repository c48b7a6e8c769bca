package studio.imgen.access;

import java.time.Duration;
import java.time.Instant;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import studio.imgen.catalog.Money;

/**
 * A member's own limits as short texts for the Generate view, e.g. "2 min cooldown after each generation", "12 of 50 today",
 * "$3.10 of $20.00 this month". Empty when nothing limits the member (open access or unrestricted roles), and
 * when they may not generate at all (the refusal says that).
 *
 * @param nextGenerationAt when the cooldown ends, if the member is waiting for it now
 */
public record MemberLimits(List<String> lines, Optional<Instant> nextGenerationAt) {

    public static final MemberLimits NONE = new MemberLimits(List.of(), Optional.empty());

    public MemberLimits {
        lines = List.copyOf(lines);
    }

    /** The texts for these limits and this usage at {@code now} (counters already past their day or month count as 0). */
    public static MemberLimits of(EffectiveLimits limits, UsageSnapshot usage, Instant now) {
        if (limits.denied()) {
            return NONE;
        }
        List<String> lines = new ArrayList<>();
        Optional<Instant> next = Optional.empty();
        if (limits.cooldownSeconds() > 0) {
            Instant end = usage.lastCountedAt() == null ? null : usage.lastCountedAt().plusSeconds(limits.cooldownSeconds());
            if (end != null && now.isBefore(end)) {
                next = Optional.of(end);
            }
            // The running wait is counted down live beside the submit button; a second figure here would disagree.
            lines.add(shortDuration(Duration.ofSeconds(limits.cooldownSeconds())) + " cooldown after each generation");
        }
        UsageSnapshot current = usage.asOf(now);
        NumberFormat count = NumberFormat.getIntegerInstance(Locale.ENGLISH);
        if (limits.dailyQuota() > 0) {
            lines.add(count.format(current.generationsToday()) + " of " + count.format(limits.dailyQuota()) + " today");
        }
        if (limits.monthlyQuota() > 0) {
            lines.add(count.format(current.generationsThisMonth()) + " of " + count.format(limits.monthlyQuota())
                    + " this month");
        }
        if (limits.monthlyBudgetMicros() > 0) {
            lines.add(Money.format(current.spentThisMonthMicros()) + " of " + Money.format(limits.monthlyBudgetMicros())
                    + " this month");
        }
        return new MemberLimits(lines, next);
    }

    /** "42 s", "2 min 5 s", "3 h 10 min", "2 d 4 h", rounded up to whole seconds so the wait is never understated. */
    static String shortDuration(Duration d) {
        long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return seconds / 60 + " min" + (seconds % 60 == 0 ? "" : " " + seconds % 60 + " s");
        }
        if (seconds < 86_400) {
            long minutes = (seconds % 3600 + 59) / 60;
            return seconds / 3600 + " h" + (minutes == 0 ? "" : " " + minutes + " min");
        }
        long hours = (seconds % 86_400 + 3599) / 3600;
        return seconds / 86_400 + " d" + (hours == 0 ? "" : " " + hours + " h");
    }
}
