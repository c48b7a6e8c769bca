package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import studio.imgen.openai.FailureKind;
import studio.imgen.testsupport.MutableClock;

/** The per-workspace breaker on its own: what opens it, what it ignores, and how it recovers. */
class UpstreamBreakersTest {

    private final MutableClock clock = new MutableClock();
    private final UpstreamBreakers breakers = new UpstreamBreakers(
            new GenerationProperties(null, null, null, null, null, null, 3, Duration.ofMinutes(1), null, null), clock);
    private final UUID acme = UUID.randomUUID();
    private final UUID other = UUID.randomUUID();

    @Test
    void opensAfterConsecutiveServerFailuresOfOneWorkspaceOnly() {
        fail(acme, FailureKind.UPSTREAM_ERROR, FailureKind.TIMEOUT);
        assertThat(breakers.stateOf(acme)).isEqualTo(BreakerState.CLOSED);

        fail(acme, FailureKind.UPSTREAM_ERROR);

        assertThat(breakers.stateOf(acme)).isEqualTo(BreakerState.OPEN);
        assertThat(breakers.tryAcquire(acme)).isFalse();
        assertThat(breakers.stateOf(other)).isEqualTo(BreakerState.CLOSED);
        assertThat(breakers.tryAcquire(other)).isTrue();
    }

    @Test
    void aSuccessInBetweenResetsTheCount() {
        fail(acme, FailureKind.UPSTREAM_ERROR, FailureKind.UPSTREAM_ERROR);
        assertThat(breakers.tryAcquire(acme)).isTrue();
        breakers.succeeded(acme);
        fail(acme, FailureKind.UPSTREAM_ERROR, FailureKind.UPSTREAM_ERROR);

        assertThat(breakers.stateOf(acme)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void userAndAccountErrorsSayNothingAboutOpenAisHealth() {
        for (int i = 0; i < 10; i++) {
            fail(acme, FailureKind.MODERATION_BLOCKED, FailureKind.RATE_LIMITED, FailureKind.INSUFFICIENT_QUOTA,
                    FailureKind.INVALID_KEY, FailureKind.BAD_REQUEST, FailureKind.INVALID_RESPONSE);
        }

        assertThat(breakers.stateOf(acme)).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void afterTheCoolOffOneTrialDecides() {
        fail(acme, FailureKind.UPSTREAM_ERROR, FailureKind.UPSTREAM_ERROR, FailureKind.UPSTREAM_ERROR);
        clock.advance(Duration.ofSeconds(59));
        assertThat(breakers.tryAcquire(acme)).isFalse();

        clock.advance(Duration.ofSeconds(2));
        assertThat(breakers.tryAcquire(acme)).as("the trial").isTrue();
        assertThat(breakers.stateOf(acme)).isEqualTo(BreakerState.HALF_OPEN);
        assertThat(breakers.tryAcquire(acme)).as("a second request during the trial").isFalse();

        breakers.failed(acme, FailureKind.TIMEOUT);
        assertThat(breakers.stateOf(acme)).isEqualTo(BreakerState.OPEN);

        clock.advance(Duration.ofSeconds(61));
        assertThat(breakers.tryAcquire(acme)).isTrue();
        breakers.succeeded(acme);
        assertThat(breakers.stateOf(acme)).isEqualTo(BreakerState.CLOSED);
        assertThat(breakers.tryAcquire(acme)).isTrue();
    }

    @Test
    void anIgnoredFailureDuringTheTrialGivesTheTrialBack() {
        fail(acme, FailureKind.UPSTREAM_ERROR, FailureKind.UPSTREAM_ERROR, FailureKind.UPSTREAM_ERROR);
        clock.advance(Duration.ofSeconds(61));
        assertThat(breakers.tryAcquire(acme)).isTrue();

        breakers.failed(acme, FailureKind.MODERATION_BLOCKED);

        assertThat(breakers.tryAcquire(acme)).as("the next trial").isTrue();
    }

    private void fail(UUID workspace, FailureKind... kinds) {
        for (FailureKind kind : kinds) {
            assertThat(breakers.tryAcquire(workspace)).isTrue();
            breakers.failed(workspace, kind);
        }
    }
}
