package studio.imgen.security;

import static imgen.db.Tables.LOGIN_THROTTLE;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Progressive login delays kept in PostgreSQL so every instance sees them (ASVS 6.1.1, 6.3.1). Never a permanent
 * lock: an account waits 1, 2, 4 … up to 30 s after its third straight failure; a client address gets 20 free
 * failures (configurable) and then waits up to 60 s (credential stuffing). Counters reset after 15 quiet minutes; an account's
 * counter also resets on success.
 */
@Component
class LoginThrottle {

    static final int FREE_ACCOUNT_FAILURES = 3;
    static final Duration MAX_ACCOUNT_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_ADDRESS_DELAY = Duration.ofSeconds(60);
    private static final Duration QUIET_RESET = Duration.ofMinutes(15);

    private final DSLContext db;
    private final Clock clock;
    private final int freeAddressFailures;

    LoginThrottle(DSLContext db, Clock clock, @Value("${app.login.free-address-failures:20}") int freeAddressFailures) {
        this.db = db;
        this.clock = clock;
        this.freeAddressFailures = freeAddressFailures;
    }

    /** How long the caller must still wait before another attempt, if at all. */
    Optional<Duration> remainingWait(String username, String address) {
        OffsetDateTime now = now();
        return Stream.of(accountKey(username), addressKey(address))
                .map(key -> db.select(LOGIN_THROTTLE.NOT_BEFORE).from(LOGIN_THROTTLE)
                        .where(LOGIN_THROTTLE.THROTTLE_KEY.eq(key)).fetchOne(LOGIN_THROTTLE.NOT_BEFORE))
                .filter(notBefore -> notBefore != null && notBefore.isAfter(now))
                .map(notBefore -> Duration.between(now, notBefore))
                .max(Duration::compareTo);
    }

    void recordFailure(String username, String address) {
        bump(accountKey(username), FREE_ACCOUNT_FAILURES, MAX_ACCOUNT_DELAY);
        bump(addressKey(address), freeAddressFailures, MAX_ADDRESS_DELAY);
    }

    void recordSuccess(String username) {
        db.deleteFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.THROTTLE_KEY.eq(accountKey(username))).execute();
    }

    private void bump(String key, int freeFailures, Duration maxDelay) {
        OffsetDateTime now = now();
        var row = db.selectFrom(LOGIN_THROTTLE).where(LOGIN_THROTTLE.THROTTLE_KEY.eq(key)).forUpdate().fetchOptional();
        int failures = row.filter(r -> r.getLastFailureAt() != null && r.getLastFailureAt().isAfter(now.minus(QUIET_RESET)))
                .map(r -> r.getFailures() + 1).orElse(1);
        OffsetDateTime notBefore = now.plus(delayAfter(failures, freeFailures, maxDelay));
        db.insertInto(LOGIN_THROTTLE)
                .set(LOGIN_THROTTLE.THROTTLE_KEY, key)
                .set(LOGIN_THROTTLE.FAILURES, failures)
                .set(LOGIN_THROTTLE.NOT_BEFORE, notBefore)
                .set(LOGIN_THROTTLE.LAST_FAILURE_AT, now)
                .onConflict(LOGIN_THROTTLE.THROTTLE_KEY).doUpdate()
                .set(LOGIN_THROTTLE.FAILURES, failures)
                .set(LOGIN_THROTTLE.NOT_BEFORE, notBefore)
                .set(LOGIN_THROTTLE.LAST_FAILURE_AT, now)
                .execute();
    }

    static Duration delayAfter(int failures, int freeFailures, Duration maxDelay) {
        if (failures <= freeFailures) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failures - freeFailures - 1, 16);
        Duration delay = Duration.ofSeconds(1L << exponent);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }

    private static String accountKey(String username) {
        return "user:" + (username == null ? "" : username.strip().toLowerCase(Locale.ROOT));
    }

    private static String addressKey(String address) {
        return "ip:" + (address == null ? "unknown" : address);
    }
}
