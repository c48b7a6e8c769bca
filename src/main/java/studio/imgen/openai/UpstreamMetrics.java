package studio.imgen.openai;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.util.Locale;

/**
 * Upstream call metrics: the latency of every attempt (a histogram, so percentiles can be computed across instances)
 * by operation and outcome, and the retries the policy decided on by failure kind. Only counts and timings: never a
 * key, a prompt or a message.
 */
final class UpstreamMetrics {

    /** Records into a registry nobody reads: for gateways built outside Spring (tests). */
    static final UpstreamMetrics NONE = new UpstreamMetrics(new CompositeMeterRegistry());

    private final MeterRegistry registry;

    UpstreamMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    <T> T time(String operation, Call<T> call) throws Exception {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            T result = call.run();
            outcome = "success";
            return result;
        } finally {
            sample.stop(Timer.builder("imgen.upstream.latency")
                    .description("Time of one OpenAI attempt, until the response (or the whole stream) was read")
                    .tag("operation", operation)
                    .tag("outcome", outcome)
                    .publishPercentileHistogram()
                    .register(registry));
        }
    }

    void retried(FailureKind kind) {
        Counter.builder("imgen.upstream.retries")
                .description("OpenAI attempts that failed and were tried again")
                .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                .register(registry)
                .increment();
    }

    @FunctionalInterface
    interface Call<T> {
        T run() throws Exception;
    }
}
