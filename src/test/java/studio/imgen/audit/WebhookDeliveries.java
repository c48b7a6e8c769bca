package studio.imgen.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Lets a test wait for a workspace's webhook messages to reach their final (recorded) outcome, without sleeping. */
@Component
class WebhookDeliveries {

    private final Map<UUID, Semaphore> finished = new ConcurrentHashMap<>();
    private final Map<UUID, List<WebhookDelivery.WebhookDelivered>> outcomes = new ConcurrentHashMap<>();
    private final Map<UUID, AtomicInteger> consumed = new ConcurrentHashMap<>();

    @EventListener
    void on(WebhookDelivery.WebhookDelivered event) {
        outcomes.computeIfAbsent(event.workspaceId(), id -> new CopyOnWriteArrayList<>()).add(event);
        semaphore(event.workspaceId()).release();
    }

    /** Waits for the next final outcome of a message of this workspace (in the order they were recorded). */
    WebhookDelivery.WebhookDelivered next(UUID workspaceId) throws InterruptedException {
        assertThat(semaphore(workspaceId).tryAcquire(30, TimeUnit.SECONDS)).as("webhook outcome").isTrue();
        int index = consumed.computeIfAbsent(workspaceId, id -> new AtomicInteger()).getAndIncrement();
        return outcomes.get(workspaceId).get(index);
    }

    List<WebhookDelivery.WebhookDelivered> all(UUID workspaceId) {
        return outcomes.getOrDefault(workspaceId, List.of());
    }

    private Semaphore semaphore(UUID workspaceId) {
        return finished.computeIfAbsent(workspaceId, id -> new Semaphore(0));
    }
}
