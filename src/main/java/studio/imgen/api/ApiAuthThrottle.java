package studio.imgen.api;

import static imgen.db.Tables.API_AUTH_THROTTLE;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Slows down token guessing the way logins are slowed down, per client address and shared by every instance: after
 * the free failures each further one doubles the wait (1 s, 2 s, … up to a minute); 15 quiet minutes reset it. A
 * valid token is never slowed down by its own address's history once the wait is over.
 */
@Component
class ApiAuthThrottle {

    static final Duration MAX_DELAY = Duration.ofSeconds(60);
    private static final Duration QUIET_RESET = Duration.ofMinutes(15);

    private final DSLContext db;
    private final Clock clock;
    private final int freeFailures;

    ApiAuthThrottle(DSLContext db, Clock clock, ApiProperties properties) {
        this.db = db;
        this.clock = clock;
        this.freeFailures = properties.freeAddressFailures();
    }

    Optional<Duration> remainingWait(String address) {
        OffsetDateTime now = now();
        return db.select(API_AUTH_THROTTLE.NOT_BEFORE).from(API_AUTH_THROTTLE)
                .where(API_AUTH_THROTTLE.CLIENT_ADDRESS.eq(key(address)))
                .fetchOptional(API_AUTH_THROTTLE.NOT_BEFORE)
                .filter(notBefore -> notBefore.isAfter(now))
                .map(notBefore -> Duration.between(now, notBefore));
    }

    void recordFailure(String address) {
        OffsetDateTime now = now();
        String key = key(address);
        var row = db.selectFrom(API_AUTH_THROTTLE).where(API_AUTH_THROTTLE.CLIENT_ADDRESS.eq(key)).forUpdate()
                .fetchOptional();
        int failures = row.filter(r -> r.getLastFailureAt().isAfter(now.minus(QUIET_RESET)))
                .map(r -> r.getFailures() + 1).orElse(1);
        OffsetDateTime notBefore = now.plus(delayAfter(failures, freeFailures));
        db.insertInto(API_AUTH_THROTTLE)
                .set(API_AUTH_THROTTLE.CLIENT_ADDRESS, key)
                .set(API_AUTH_THROTTLE.FAILURES, failures)
                .set(API_AUTH_THROTTLE.NOT_BEFORE, notBefore)
                .set(API_AUTH_THROTTLE.LAST_FAILURE_AT, now)
                .onConflict(API_AUTH_THROTTLE.CLIENT_ADDRESS).doUpdate()
                .set(API_AUTH_THROTTLE.FAILURES, failures)
                .set(API_AUTH_THROTTLE.NOT_BEFORE, notBefore)
                .set(API_AUTH_THROTTLE.LAST_FAILURE_AT, now)
                .execute();
    }

    static Duration delayAfter(int failures, int freeFailures) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        Duration delay = Duration.ofSeconds(1L << Math.min(failures - freeFailures - 1, 16));
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String key(String address) {
        String value = address == null ? "unknown" : address;
        return value.length() > 64 ? value.substring(0, 64) : value;
    }
}
