package studio.imgen.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CountdownTest {

    @Test
    void readsLikeAClockRoundedUpSoTheWaitIsNeverUnderstated() {
        assertThat(Countdown.of(Duration.ofMillis(1))).isEqualTo("0:01");
        assertThat(Countdown.of(Duration.ofSeconds(42))).isEqualTo("0:42");
        assertThat(Countdown.of(Duration.ofMillis(101_001))).isEqualTo("1:42");
        assertThat(Countdown.of(Duration.ofMinutes(2))).isEqualTo("2:00");
        assertThat(Countdown.of(Duration.ofSeconds(3725))).isEqualTo("1:02:05");
        assertThat(Countdown.of(Duration.ofSeconds(-5))).isEqualTo("0:01");
    }
}
