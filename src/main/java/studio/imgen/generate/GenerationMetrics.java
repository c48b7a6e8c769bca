package studio.imgen.generate;

import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
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
    private final DSLContext db;

    GenerationMetrics(MeterRegistry registry, DSLContext db, GenerationWorker worker, UpstreamBreakers breakers) {
        this.registry = registry;
        this.db = db;
        Gauge.builder("imgen.queue.depth", this::queued)
                .description("Generations admitted and waiting for a worker, on all instances")
                .register(registry);
        Gauge.builder("imgen.inflight", worker::inFlight)
                .description("Generations this instance is running now")
                .register(registry);
        Gauge.builder("imgen.storage.bytes", this::storedBytes)
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
        var row = db.select(GENERATION.MODEL, GENERATION.COST_MICROS).from(GENERATION)
                .where(GENERATION.ID.eq(recorded.generationId())).fetchOne();
        String model = row == null ? "unknown" : row.value1();
        Counter.builder("imgen.generations")
                .description("Generations by the state they reached: queued when admitted, then how they ended")
                .tag("status", recorded.status().dbValue())
                .tag("model", model)
                .register(registry)
                .increment();
        if (recorded.status() == GenerationStatus.SUCCEEDED && row != null && row.value2() != null) {
            Counter.builder("imgen.cost.usd")
                    .description("Estimated OpenAI cost of the successful generations, in US dollars")
                    .baseUnit("usd")
                    .tag("model", model)
                    .register(registry)
                    .increment(BigDecimal.valueOf(row.value2()).divide(MICROS_PER_DOLLAR).doubleValue());
        }
    }

    private double queued() {
        return db.fetchCount(GENERATION, GENERATION.STATUS.eq("queued"));
    }

    private double storedBytes() {
        BigDecimal sum = db.select(DSL.sum(IMAGE.BYTES)).from(IMAGE).where(IMAGE.DELETED_AT.isNull()).fetchOne().value1();
        return sum == null ? 0 : sum.doubleValue();
    }
}
