package studio.imgen.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    @Test
    void accountDelayGrowsAfterThreeFailuresAndIsCapped() {
        Duration max = LoginThrottle.MAX_ACCOUNT_DELAY;
        int free = LoginThrottle.FREE_ACCOUNT_FAILURES;
        assertThat(LoginThrottle.delayAfter(1, free, max)).isZero();
        assertThat(LoginThrottle.delayAfter(3, free, max)).isZero();
        assertThat(LoginThrottle.delayAfter(4, free, max)).hasSeconds(1);
        assertThat(LoginThrottle.delayAfter(5, free, max)).hasSeconds(2);
        assertThat(LoginThrottle.delayAfter(6, free, max)).hasSeconds(4);
        assertThat(LoginThrottle.delayAfter(10, free, max)).isEqualTo(max);
        assertThat(LoginThrottle.delayAfter(10_000, free, max)).isEqualTo(max);
    }
}
