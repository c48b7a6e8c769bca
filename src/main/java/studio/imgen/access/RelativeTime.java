package studio.imgen.access;

import java.time.Duration;

/**
 * "in 42 seconds", "in 5 minutes", "in 7 hours", "in 9 days". Rounded up, so a member who waits the time shown
 * is never refused again.
 */
final class RelativeTime {

    private RelativeTime() {
    }

    static String in(Duration wait) {
        long millis = Math.max(wait.toMillis(), 1);
        long seconds = ceilDiv(millis, 1000);
        if (seconds < 60) {
            return "in " + plural(seconds, "second");
        }
        long minutes = ceilDiv(seconds, 60);
        if (minutes < 60) {
            return "in " + plural(minutes, "minute");
        }
        long hours = ceilDiv(seconds, 3600);
        if (hours < 48) {
            return "in " + plural(hours, "hour");
        }
        return "in " + plural(ceilDiv(seconds, 86_400), "day");
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
