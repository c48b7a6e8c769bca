package studio.imgen.base;

import java.time.Duration;

/**
 * A wait as a clock reading, "0:42", "1:42", "1:02:05", rounded up to whole seconds so a member who waits the time
 * shown is never refused again. The cooldown refusal and the live countdown both use it, so they always agree.
 */
public final class Countdown {

    private Countdown() {
    }

    public static String of(Duration wait) {
        long seconds = Math.max(1, (Math.max(wait.toMillis(), 0) + 999) / 1000);
        long hours = seconds / 3600;
        long minutes = seconds % 3600 / 60;
        long rest = seconds % 60;
        return hours > 0 ? "%d:%02d:%02d".formatted(hours, minutes, rest) : "%d:%02d".formatted(minutes, rest);
    }
}
