package studio.imgen.testsupport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The tests' application clock. It starts at a fixed instant, never the machine's date, so no test depends on the
 * day it runs (OpenAI's shutdown dates pass, the suite does not care), and moves with elapsed real time from there so
 * leases, timeouts and "elapsed" displays behave; tests move it forward to test time rules without sleeping.
 * The start lies after every shutdown date the seeded catalogue knows, so a test can only rely on catalogue rows it
 * owns (see {@code db/testdata}) or on a model without a shutdown date.
 */
public class MutableClock extends Clock {

    public static final Instant START = Instant.parse("2030-01-07T09:00:00Z");
    /** One timeline per JVM, so two app instances started a few seconds apart in one test agree on the time. */
    private static final long START_NANOS = System.nanoTime();

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public void advance(Duration by) {
        offset.updateAndGet(current -> current.plus(by));
    }

    /** Moves the clock to {@code instant}, from where it goes on ticking. */
    public void setTo(Instant instant) {
        advance(Duration.between(instant(), instant));
    }

    public void reset() {
        offset.set(Duration.ZERO);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        MutableClock source = this;
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return zone;
            }

            @Override
            public Clock withZone(ZoneId other) {
                return source.withZone(other);
            }

            @Override
            public Instant instant() {
                return source.instant();
            }
        };
    }

    /** Microseconds, like PostgreSQL's timestamps, so a value read back equals the one written. */
    @Override
    public Instant instant() {
        return START.plusNanos(System.nanoTime() - START_NANOS).plus(offset.get()).truncatedTo(ChronoUnit.MICROS);
    }
}
