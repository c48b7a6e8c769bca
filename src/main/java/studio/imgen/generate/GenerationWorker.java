package studio.imgen.generate;

import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Claims admitted generations and runs each on its own virtual thread, at most {@code app.generation.workers} at once
 * (the bound that protects the workspaces' OpenAI rate limits). Jobs are claimed from the table with a lease (so
 * several instances share the work and a crashed instance's unsent jobs are picked up again) and the lease is kept
 * alive by a heartbeat. A job waiting on OpenAI holds no platform thread either: the SDK's blocking call parks its
 * virtual thread. What a job does once claimed is the {@link GenerationRunner}'s.
 */
@Component
class GenerationWorker {

    private static final Logger log = LoggerFactory.getLogger(GenerationWorker.class);
    /** Jobs claimed per statement at most. */
    private static final int CLAIM_BATCH = 50;

    private final GenerationRepository generations;
    private final GenerationRunner runner;
    private final ResultWriter results;
    private final GenerationEvents events;
    private final GenerationProperties properties;
    private final ExecutorService pool;
    /** Jobs running on this instance: the concurrency bound (permits), not a thread count. */
    private final Semaphore slots;
    private final Map<UUID, Running> running = new ConcurrentHashMap<>();
    /** Cleared at shutdown: from then on this instance takes no new job and leaves the queue to the others. */
    private volatile boolean claiming = true;
    /** Held by the one thread claiming now. */
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Set by every drain request; the claimer looks again before it stops, so no request is lost. */
    private volatile boolean drainRequested;

    private record Running(UUID leaseToken, UpstreamWait upstream) {
    }

    GenerationWorker(GenerationRepository generations, GenerationRunner runner, ResultWriter results,
                     GenerationEvents events, GenerationProperties properties) {
        this.generations = generations;
        this.runner = runner;
        this.results = results;
        this.events = events;
        this.properties = properties;
        // The table is the real queue; a job gets a thread only once it has a slot.
        this.pool = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("generation-", 1).factory());
        this.slots = new Semaphore(properties.workers());
    }

    /**
     * Claims as many queued jobs as there are free slots, a batch per statement. Never waits behind another caller:
     * while one thread claims, a second call only asks it to look once more before it stops, so a burst of
     * submissions and finishing jobs costs one claimer, not a queue of threads each holding a connection.
     */
    void drain() {
        drainRequested = true;
        while (drainRequested && draining.compareAndSet(false, true)) {
            try {
                drainRequested = false;
                claimWhileFree();
            } finally {
                draining.set(false);
            }
        }
    }

    /**
     * {@link #drain()} for a submission that has committed: a claim failure is logged and left to the next poll, so a
     * member whose generation was admitted (and charged) never sees an error for it.
     */
    void drainAfterSubmission() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Claiming queued generations failed (the next poll retries): {}", e.getMessage());
        }
    }

    private void claimWhileFree() {
        while (claiming) {
            int wanted = Math.min(slots.availablePermits(), CLAIM_BATCH);
            // Only the claimer takes permits while claiming is on, so what it saw free is still free.
            if (wanted == 0 || !slots.tryAcquire(wanted)) {
                return;
            }
            List<GenerationRepository.Claim> claims;
            try {
                claims = generations.claim(properties.lease(), wanted);
            } catch (RuntimeException e) {
                slots.release(wanted);
                throw e;
            }
            slots.release(wanted - claims.size());
            claims.forEach(this::start);
            if (claims.size() < wanted) {
                return;
            }
        }
    }

    private void start(GenerationRepository.Claim claim) {
        UpstreamWait wait = new UpstreamWait();
        running.put(claim.job().getId(), new Running(claim.leaseToken(), wait));
        pool.execute(() -> {
            // Every log line of the job carries its id (the "job" field of JSON logs).
            try (var jobContext = MDC.putCloseable("job", claim.job().getId().toString())) {
                runner.run(claim, wait);
            } finally {
                running.remove(claim.job().getId());
                slots.release();
            }
            // A freed worker takes the next queued job at once instead of waiting for the poll.
            drain();
        });
    }

    /** How many jobs this instance is running now. */
    int inFlight() {
        return running.size();
    }

    void resumeClaiming() {
        claiming = true;
    }

    boolean runsHere(UUID generationId) {
        return running.containsKey(generationId);
    }

    /**
     * Stops taking jobs and waits up to {@code grace} for the running ones to end, keeping their leases alive meanwhile
     * (the scheduler that renews them is already stopped at shutdown). True when none is left running.
     */
    boolean finishRunning(Duration grace, Duration heartbeatEvery) throws InterruptedException {
        claiming = false;
        long deadline = System.nanoTime() + grace.toNanos();
        int permits = properties.workers();
        // Every permit free again means every job has ended.
        while (!slots.tryAcquire(permits, Math.min(heartbeatEvery.toNanos(), Math.max(0, deadline - System.nanoTime())),
                TimeUnit.NANOSECONDS)) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            heartbeat();
        }
        slots.release(permits);
        return true;
    }

    @Scheduled(fixedDelayString = "${app.generation.poll-interval:2s}", initialDelayString = "${app.generation.poll-interval:2s}")
    void poll() {
        try {
            recoverAbandoned();
            drain();
            relayFinishedElsewhere();
        } catch (RuntimeException e) {
            log.warn("Generation poll failed: {}", e.getMessage());
        }
    }

    /** Keeps the leases of our running jobs alive, so other instances do not treat them as abandoned. */
    @Scheduled(fixedDelayString = "${app.generation.heartbeat:30s}")
    void heartbeat() {
        running.forEach((id, job) -> {
            if (!generations.renewLease(id, job.leaseToken(), properties.lease())) {
                log.warn("Lost the lease of generation {}", id);
            }
        });
    }

    /** Stops waiting for a running job of this instance (the row is already flagged by the service). */
    void interrupt(UUID generationId) {
        Running job = running.get(generationId);
        if (job != null) {
            job.upstream().cancel();
        }
    }

    /**
     * A job followed here may have run on another instance (its worker was free first, or took it over); that
     * instance's events never reach this one, so the end is read from the table and told to the local watchers.
     */
    void relayFinishedElsewhere() {
        List<UUID> elsewhere = events.watched().stream().filter(id -> !running.containsKey(id)).toList();
        if (elsewhere.isEmpty()) {
            return;
        }
        generations.endedAmong(elsewhere).forEach((id, status) -> events.publish(new GenerationEvent.Finished(id, status)));
    }

    void recoverAbandoned() {
        results.interruptAbandoned();
    }

    @PreDestroy
    void shutdown() {
        pool.shutdownNow();
    }
}
