package studio.imgen.generate;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import studio.imgen.openai.FailureKind;

/**
 * One circuit breaker per workspace (each workspace has its own key, so its own OpenAI account and limits). After
 * {@code breakerFailures} consecutive attempts that failed with a 5xx, a timeout or a broken connection, the
 * workspace's jobs fail fast for {@code breakerOpenFor} without calling OpenAI; then one trial attempt closes it
 * again (or reopens it). Moderation, rate limits, key and request errors say nothing about OpenAI's health and are
 * not counted.
 *
 * <p>State is in memory, per app instance: each instance learns on its own that OpenAI is failing, which costs at
 * most {@code breakerFailures} attempts per instance.
 */
@Component
public class UpstreamBreakers {

    static final String PAUSED = "OpenAI is having trouble right now; ImGen Studio paused requests for this workspace "
            + "for a minute. Try again shortly.";

    private final CircuitBreakerRegistry registry;

    UpstreamBreakers(GenerationProperties properties, Clock clock) {
        int failures = properties.breakerFailures();
        this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                // A count window as long as the threshold, opening at 100 %: N failures in a row.
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(failures)
                .minimumNumberOfCalls(failures)
                .failureRateThreshold(100)
                .waitDurationInOpenState(properties.breakerOpenFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                // A trial whose outcome was never recorded (worker died) must not keep the breaker half-open forever.
                .maxWaitDurationInHalfOpenState(properties.breakerOpenFor())
                .clock(clock)
                .build());
    }

    /** The workspace's breaker state, e.g. for a metric or a health check. */
    public BreakerState stateOf(UUID workspaceId) {
        return stateOf(breaker(workspaceId).getState());
    }

    private static BreakerState stateOf(CircuitBreaker.State state) {
        return switch (state) {
            case OPEN, FORCED_OPEN -> BreakerState.OPEN;
            case HALF_OPEN -> BreakerState.HALF_OPEN;
            default -> BreakerState.CLOSED;
        };
    }

    /** How many workspaces' breakers are in that state on this instance (for the breaker metric). */
    public long count(BreakerState state) {
        return registry.getAllCircuitBreakers().stream()
                .filter(breaker -> stateOf(breaker.getState()) == state).count();
    }

    /** Asks to send one attempt; false while the breaker is open (or its half-open trial is taken). */
    boolean tryAcquire(UUID workspaceId) {
        return breaker(workspaceId).tryAcquirePermission();
    }

    /** Gives back a permission that was not used for a request. */
    void release(UUID workspaceId) {
        breaker(workspaceId).releasePermission();
    }

    void succeeded(UUID workspaceId) {
        breaker(workspaceId).onSuccess(0, TimeUnit.NANOSECONDS);
    }

    /** Records a failed attempt: counted when it says OpenAI is unhealthy, otherwise its permission is released. */
    void failed(UUID workspaceId, FailureKind kind) {
        if (counts(kind)) {
            breaker(workspaceId).onError(0, TimeUnit.NANOSECONDS, new UpstreamUnhealthy(kind));
        } else {
            breaker(workspaceId).releasePermission();
        }
    }

    /** Server errors (5xx, 408/409), timeouts and broken or refused connections. */
    static boolean counts(FailureKind kind) {
        return kind == FailureKind.UPSTREAM_ERROR || kind == FailureKind.TIMEOUT;
    }

    /** What the breaker records for a counted failure (it wants a throwable; the kind is all that matters). */
    private static final class UpstreamUnhealthy extends RuntimeException {
        UpstreamUnhealthy(FailureKind kind) {
            super(kind.name(), null, false, false);
        }
    }

    private CircuitBreaker breaker(UUID workspaceId) {
        return registry.circuitBreaker(workspaceId.toString());
    }
}
