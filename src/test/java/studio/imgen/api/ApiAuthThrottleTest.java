package studio.imgen.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.jooq.DSLContext;
import studio.imgen.testsupport.IntegrationTest;
import studio.imgen.testsupport.MutableClock;

/** Failed token attempts slow down their client address like failed logins do, and quiet time resets it. */
@IntegrationTest
class ApiAuthThrottleTest {

    @Autowired
    DSLContext db;
    @Autowired
    MutableClock clock;

    @Test
    void waitsGrowAfterTheFreeFailuresAndQuietTimeResetsThem() {
        ApiAuthThrottle throttle = new ApiAuthThrottle(db, clock, new ApiProperties(null, null, null, 2));
        String address = "198.51.100." + (int) (Math.random() * 200);

        throttle.recordFailure(address);
        throttle.recordFailure(address);
        assertThat(throttle.remainingWait(address)).isEmpty();
        throttle.recordFailure(address);
        assertThat(throttle.remainingWait(address)).hasValueSatisfying(wait ->
                assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(1)));
        throttle.recordFailure(address);
        assertThat(throttle.remainingWait(address)).hasValueSatisfying(wait ->
                assertThat(wait).isGreaterThan(Duration.ofSeconds(1)).isLessThanOrEqualTo(Duration.ofSeconds(2)));
        assertThat(throttle.remainingWait("198.51.100.250")).isEmpty();

        clock.advance(Duration.ofMinutes(16));
        try {
            throttle.recordFailure(address);
            assertThat(throttle.remainingWait(address)).isEmpty();
        } finally {
            clock.advance(Duration.ofMinutes(-16));
        }
    }

    @Test
    void theDelayIsCappedAtAMinute() {
        assertThat(ApiAuthThrottle.delayAfter(20, 20)).isZero();
        assertThat(ApiAuthThrottle.delayAfter(21, 20)).isEqualTo(Duration.ofSeconds(1));
        assertThat(ApiAuthThrottle.delayAfter(100, 20)).isEqualTo(ApiAuthThrottle.MAX_DELAY);
    }
}
