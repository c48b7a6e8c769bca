package studio.imgen.generate;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Shows members the previews of their jobs that run on another instance: on every poll, the previews stored for the
 * generations someone follows here but that another instance runs are handed to the local views, each new one once.
 * Polling (at the job poll's interval) rather than LISTEN/NOTIFY keeps one mechanism for previews and endings, and
 * costs one indexed query only while such a job is followed.
 */
@Component
class PreviewRelay {

    private static final Logger log = LoggerFactory.getLogger(PreviewRelay.class);

    private final GenerationEvents events;
    private final GenerationWorker worker;
    private final SharedPreviews previews;
    /** The version of the last preview relayed per generation. */
    private final Map<UUID, Integer> relayed = new ConcurrentHashMap<>();

    PreviewRelay(GenerationEvents events, GenerationWorker worker, SharedPreviews previews) {
        this.events = events;
        this.worker = worker;
        this.previews = previews;
    }

    @Scheduled(fixedDelayString = "${app.generation.poll-interval:2s}", initialDelayString = "${app.generation.poll-interval:2s}")
    void poll() {
        try {
            relay();
            previews.forgetFinished();
        } catch (RuntimeException e) {
            log.warn("Preview relay failed: {}", e.getMessage());
        }
    }

    void relay() {
        Set<UUID> watched = events.watched();
        relayed.keySet().retainAll(watched);
        List<UUID> elsewhere = watched.stream().filter(id -> !worker.runsHere(id)).toList();
        if (elsewhere.isEmpty()) {
            return;
        }
        for (SharedPreviews.Stored stored : previews.runningAmong(elsewhere)) {
            Integer before = relayed.put(stored.preview().generationId(), stored.version());
            if (before == null || before != stored.version()) {
                events.publish(stored.preview());
            }
        }
    }
}
