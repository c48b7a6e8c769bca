package studio.imgen.generate;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * In-process fan-out of generation progress to the views that watch it, plus the latest preview of each running job
 * so a view that comes back mid-generation shows it at once. A listener that throws is dropped, never the worker.
 */
@Component
class GenerationEvents {

    private static final Logger log = LoggerFactory.getLogger(GenerationEvents.class);

    private final Map<UUID, List<Consumer<GenerationEvent>>> listeners = new ConcurrentHashMap<>();
    private final ApplicationEventPublisher application;
    private final Map<UUID, GenerationEvent.Preview> latestPreview = new ConcurrentHashMap<>();

    GenerationEvents(ApplicationEventPublisher application) {
        this.application = application;
    }

    /** Tells other modules (audit) about a committed state; their failures never reach the member or the worker. */
    void publishRecorded(GenerationRecorded recorded) {
        publishSafely(recorded);
    }

    void publishDenied(GenerationDenied denied) {
        publishSafely(denied);
    }

    private void publishSafely(Object event) {
        try {
            application.publishEvent(event);
        } catch (RuntimeException e) {
            log.error("A listener failed on {}", event.getClass().getSimpleName(), e);
        }
    }

    Runnable subscribe(UUID generationId, Consumer<GenerationEvent> listener) {
        listeners.computeIfAbsent(generationId, id -> new CopyOnWriteArrayList<>()).add(listener);
        return () -> listeners.computeIfPresent(generationId, (id, list) -> {
            list.remove(listener);
            return list.isEmpty() ? null : list;
        });
    }

    /** The generations someone on this instance is following. */
    Set<UUID> watched() {
        return Set.copyOf(listeners.keySet());
    }

    Optional<GenerationEvent.Preview> latestPreview(UUID generationId) {
        return Optional.ofNullable(latestPreview.get(generationId));
    }

    void publish(GenerationEvent event) {
        if (event instanceof GenerationEvent.Preview preview) {
            latestPreview.put(event.generationId(), preview);
        } else if (event instanceof GenerationEvent.Finished) {
            latestPreview.remove(event.generationId());
        }
        for (Consumer<GenerationEvent> listener : listeners.getOrDefault(event.generationId(), List.of())) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                log.debug("Dropping a failing generation listener", e);
                listeners.getOrDefault(event.generationId(), List.of()).remove(listener);
            }
        }
    }
}
