package studio.imgen.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RelativeTimeTest {

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
            "0,           in 1 second",
            "-5000,       in 1 second",
            "1,           in 1 second",
            "1000,        in 1 second",
            "1001,        in 2 seconds",
            "42000,       in 42 seconds",
            "59000,       in 59 seconds",
            "59001,       in 1 minute",
            "60000,       in 1 minute",
            "60001,       in 2 minutes",
            "260000,      in 5 minutes",
            "3540000,     in 59 minutes",
            "3540001,     in 1 hour",
            "3600000,     in 1 hour",
            "3600001,     in 2 hours",
            "50400000,    in 14 hours",
            "169200000,   in 47 hours",
            "169200001,   in 2 days",
            "744480000,   in 9 days",
            "999999000,   in 12 days"})
    void roundsUpToTheLargestSensibleUnit(long millis, String expected) {
        assertThat(RelativeTime.in(Duration.ofMillis(millis))).isEqualTo(expected);
    }
}
