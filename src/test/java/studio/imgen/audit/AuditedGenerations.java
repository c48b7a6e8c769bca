package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import studio.imgen.generate.GenerationRecorded;
import studio.imgen.generate.GenerationStatus;

/**
 * Lets a test wait until the audit row of a generation state has been written, without sleeping: this listener runs
 * after the audit log's own (ordered first) on the same thread, so once it has seen the event the row is committed.
 */
@Component
public class AuditedGenerations {

    private final Map<String, CountDownLatch> seen = new ConcurrentHashMap<>();
    private final Map<String, GenerationRecorded> events = new ConcurrentHashMap<>();

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(GenerationRecorded event) {
        events.put(event.generationId() + "/" + event.status(), event);
        latch(event.generationId(), event.status()).countDown();
        if (event.status().finished()) {
            latch(event.generationId(), null).countDown();
        }
    }

    /** Waits until the generation's final state, whichever it is, has been audited. */
    public void awaitFinished(UUID generationId) throws InterruptedException {
        assertThat(latch(generationId, null).await(30, TimeUnit.SECONDS))
                .as("audit of %s finishing", generationId).isTrue();
    }

    public void await(UUID generationId, GenerationStatus status) throws InterruptedException {
        assertThat(latch(generationId, status).await(30, TimeUnit.SECONDS))
                .as("audit of %s %s", generationId, status).isTrue();
    }

    /** The event announcing that state (after {@link #await}). */
    public GenerationRecorded event(UUID generationId, GenerationStatus status) {
        return events.get(generationId + "/" + status);
    }

    private CountDownLatch latch(UUID generationId, GenerationStatus status) {
        return seen.computeIfAbsent(generationId + "/" + status, key -> new CountDownLatch(1));
    }
}
