package studio.imgen.generate;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Generation metrics for Prometheus. Counters are per instance (sum them across instances); the queue depth and the
 * stored bytes are read from the shared database, so every instance reports the same value (take the max).
 */
@Component
class GenerationMetrics {

    private static final BigDecimal MICROS_PER_DOLLAR = BigDecimal.valueOf(1_000_000);

    private final MeterRegistry registry;

    GenerationMetrics(MeterRegistry registry, GenerationRepository generations, ImageRepository images,
                      GenerationWorker worker, UpstreamBreakers breakers) {
        this.registry = registry;
        Gauge.builder("imgen.queue.depth", generations::queuedCount)
                .description("Generations admitted and waiting for a worker, on all instances")
                .register(registry);
        Gauge.builder("imgen.inflight", worker::inFlight)
                .description("Generations this instance is running now")
                .register(registry);
        Gauge.builder("imgen.storage.bytes", images::storedBytes)
                .description("Bytes of the stored original images that are not deleted, on all instances")
                .baseUnit("bytes")
                .register(registry);
        for (BreakerState state : List.of(BreakerState.OPEN, BreakerState.HALF_OPEN)) {
            Gauge.builder("imgen.breaker.workspaces", () -> breakers.count(state))
                    .description("Workspaces whose upstream circuit breaker is in this state on this instance")
                    .tag("state", state.name().toLowerCase(Locale.ROOT))
                    .register(registry);
        }
    }

    /** Counts every recorded state (queued on admission, then how it finished) and the cost of successes. */
    @EventListener
    void on(GenerationRecorded recorded) {
        String model = recorded.request().options().model();
        Counter.builder("imgen.generations")
                .description("Generations by the state they reached: queued when admitted, then how they ended")
                .tag("status", recorded.status().dbValue())
                .tag("model", model)
                .register(registry)
                .increment();
        Long cost = recorded instanceof GenerationFinished finished ? finished.outcome().costMicros() : null;
        if (recorded.status() == GenerationStatus.SUCCEEDED && cost != null) {
            Counter.builder("imgen.cost.usd")
                    .description("Estimated OpenAI cost of the successful generations, in US dollars")
                    .baseUnit("usd")
                    .tag("model", model)
                    .register(registry)
                    .increment(BigDecimal.valueOf(cost).divide(MICROS_PER_DOLLAR).doubleValue());
        }
    }
}
