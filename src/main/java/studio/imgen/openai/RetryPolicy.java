package studio.imgen.openai;

import com.openai.core.RequestOptions;
import com.openai.core.Timeout;
import java.time.Clock;
import java.time.Duration;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only retry layer (the SDK clients run with {@code maxRetries(0)}; stacking both would multiply attempts).
 * Repeats an attempt only when that is safe and useful: connection failures before the body left, 408/409, 429
 * {@code rate_limit_exceeded} and 500/502/503/504, at most {@code maxAttempts} times within the call's deadline.
 * Waits honour {@code Retry-After(-Ms)} up to {@link #MAX_RETRY_AFTER} (the SDK would cut them to 8 s), else back
 * off exponentially with jitter. A longer {@code Retry-After}, or a wait that would end past the deadline, fails the
 * call at once, carrying the retry time.
 */
final class RetryPolicy {

    private static final Logger log = LoggerFactory.getLogger(RetryPolicy.class);
    /** Longest {@code Retry-After} a worker sits out; beyond it the member is better told when to come back. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(60);

    /** One upstream attempt; {@code options} carries the attempt's timeout. */
    @FunctionalInterface
    interface Attempt<T> {
        T run(RequestOptions options) throws Exception;
    }

    private final OpenAiProperties properties;
    private final Sleeper sleeper;
    private final LongSupplier nanoClock;
    private final DoubleSupplier random;
    private final UpstreamMetrics metrics;
    /** Wall time, only to read a {@code Retry-After} given as an HTTP date. */
    private final Clock clock;

    RetryPolicy(OpenAiProperties properties, Sleeper sleeper, LongSupplier nanoClock, DoubleSupplier random) {
        this(properties, sleeper, nanoClock, random, UpstreamMetrics.NONE, Clock.systemUTC());
    }

    RetryPolicy(OpenAiProperties properties, Sleeper sleeper, LongSupplier nanoClock, DoubleSupplier random,
                UpstreamMetrics metrics, Clock clock) {
        this.properties = properties;
        this.sleeper = sleeper;
        this.nanoClock = nanoClock;
        this.random = random;
        this.metrics = metrics;
        this.clock = clock;
    }

    <T> T run(Attempt<T> attempt, ProgressListener listener, Redactor redactor) {
        return run(attempt, listener, redactor, properties.timeout());
    }

    /** As {@link #run(Attempt, ProgressListener, Redactor)} with a tighter limit per attempt. */
    <T> T run(Attempt<T> attempt, ProgressListener listener, Redactor redactor, Duration attemptLimit) {
        Duration perAttempt = min(properties.timeout(), attemptLimit);
        long start = nanoClock.getAsLong();
        OpenAiException last = null;
        for (int number = 1; ; number++) {
            Duration remaining = remaining(start);
            if (last != null && (remaining.isNegative() || remaining.isZero())) {
                throw last;
            }
            UpstreamErrors.Classified classified;
            SendTracker.begin();
            try {
                listener.requestSending();
                return attempt.run(options(min(perAttempt, remaining)));
            } catch (OpenAiException decided) {
                OpenAiException failed = decided.withAttempts(number);
                listener.attemptFailed(failed);
                throw failed;
            } catch (Exception e) {
                classified = UpstreamErrors.classify(e, SendTracker.bodyStarted(), redactor, clock.instant());
                if (classified == null) {
                    throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
            } finally {
                SendTracker.end();
            }
            last = classified.failure().withAttempts(number);
            listener.attemptFailed(last);
            if (!classified.retryable() || number >= properties.maxAttempts()) {
                throw last;
            }
            Duration wait = last.retryAfter().orElse(backoff(number));
            if (wait.compareTo(remaining(start)) >= 0 || wait.compareTo(MAX_RETRY_AFTER) > 0) {
                throw last;
            }
            // The detail is already masked; the request id lets OpenAI support find the call.
            log.info("OpenAI attempt {}/{} failed ({}, request {}): {}; retrying in {} ms", number,
                    properties.maxAttempts(), last.kind(), last.requestId(), last.detail(), wait.toMillis());
            metrics.retried(last.kind());
            pause(wait, last);
        }
    }

    private Duration remaining(long start) {
        return properties.deadline().minusNanos(nanoClock.getAsLong() - start);
    }

    private Duration backoff(int failedAttempts) {
        long exponential = properties.backoffBase().toNanos() << Math.min(failedAttempts - 1, 20);
        double jitter = 0.5 + 0.5 * random.getAsDouble();
        return Duration.ofNanos((long) (exponential * jitter));
    }

    private void pause(Duration wait, OpenAiException failure) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private RequestOptions options(Duration attemptTimeout) {
        return RequestOptions.builder()
                .timeout(Timeout.builder()
                        .connect(min(properties.connectTimeout(), attemptTimeout))
                        .read(attemptTimeout)
                        .write(attemptTimeout)
                        .request(attemptTimeout)
                        .build())
                .build();
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
