package studio.imgen.generate;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * A rolling restart never interrupts a generation: on shutdown (SIGTERM) this instance stops taking jobs from the
 * queue, which the other instances keep moving, and waits up to {@code APP_SHUTDOWN_GRACE} (default 2 minutes) for
 * those it runs to finish and be stored. Only what is still running after that, or a crash, is left to another
 * instance, which marks it interrupted once its lease has expired.
 *
 * <p>It stops before the web server (a higher phase stops earlier), so members on this instance still see their
 * results arrive while it drains.
 */
@Component
class GenerationShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(GenerationShutdown.class);
    /** Above the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}), below the task scheduler's. */
    static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private final GenerationWorker worker;
    private final Duration grace;
    private final Duration heartbeat;
    private volatile boolean running;

    GenerationShutdown(GenerationWorker worker, @Value("${app.shutdown-grace:2m}") Duration grace,
                       @Value("${app.generation.heartbeat:30s}") Duration heartbeat) {
        this.worker = worker;
        this.grace = grace;
        this.heartbeat = heartbeat;
    }

    /** Also after a stop that was only a pause (a test framework can stop and restart a context). */
    @Override
    public void start() {
        worker.resumeClaiming();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        int inFlight = worker.inFlight();
        log.info("Shutting down: taking no new generations; waiting up to {} for the {} running here to finish",
                pretty(grace), inFlight);
        try {
            if (worker.finishRunning(grace, heartbeat)) {
                log.info("Shutting down: every generation of this instance has finished");
            } else {
                log.warn("Shutting down: {} generation(s) still running after the {} grace period; another instance "
                        + "will mark them interrupted when their lease expires", worker.inFlight(), pretty(grace));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private static String pretty(Duration duration) {
        return duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    }
}
