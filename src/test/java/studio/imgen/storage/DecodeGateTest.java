package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Final images are never held behind previews: they go first in the queue, and previews leave them a permit. */
class DecodeGateTest {

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    @Test
    void previewsNeverTakeTheLastPermitSoAFinalStartsAtOnceDuringAPreviewBurst() throws Exception {
        DecodeGate gate = new DecodeGate(2);
        gate.acquirePreview();
        CompletableFuture<Void> secondPreview = acquire(gate::acquirePreview);
        awaitCount(gate::previewsWaiting, 1);

        gate.acquireFinal(); // would block if the waiting preview could have taken the second permit

        assertThat(gate.available()).isZero();
        assertThat(secondPreview).isNotDone();
        gate.release();
        gate.release();
        secondPreview.get(10, TimeUnit.SECONDS);
    }

    @Test
    void aWaitingFinalGoesBeforePreviewsThatWaitedLonger() throws Exception {
        DecodeGate gate = new DecodeGate(1);
        gate.acquireFinal();
        CompletableFuture<Void> preview = acquire(gate::acquirePreview);
        awaitCount(gate::previewsWaiting, 1);
        CompletableFuture<Void> result = acquire(gate::acquireFinal);
        awaitCount(gate::finalsWaiting, 1);

        gate.release();

        result.get(10, TimeUnit.SECONDS);
        assertThat(preview).as("the preview waits while the final decodes").isNotDone();
        assertThat(gate.previewsWaiting()).isEqualTo(1);
        gate.release();
        preview.get(10, TimeUnit.SECONDS);
        gate.release();
        assertThat(gate.available()).isEqualTo(1);
    }

    @Test
    void morePermitsLetWaitersInAtOnceAndAnInterruptedFinalStopsHoldingPreviewsBack() throws Exception {
        DecodeGate gate = new DecodeGate(1);
        gate.acquireFinal();
        CompletableFuture<Void> first = acquire(gate::acquireFinal);
        CompletableFuture<Void> second = acquire(gate::acquireFinal);
        awaitCount(gate::finalsWaiting, 2);

        gate.resize(3);

        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertThat(gate.available()).isZero();

        Thread waiter = Thread.ofVirtual().unstarted(() -> {
            try {
                gate.acquireFinal();
            } catch (InterruptedException expected) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<Void> preview = acquire(gate::acquirePreview);
        waiter.start();
        awaitCount(gate::finalsWaiting, 1);
        waiter.interrupt();
        waiter.join();
        assertThat(gate.finalsWaiting()).as("the interrupted final no longer holds previews back").isZero();
        gate.release();
        gate.release();
        preview.get(10, TimeUnit.SECONDS);
    }

    private interface Acquisition {
        void run() throws InterruptedException;
    }

    private CompletableFuture<Void> acquire(Acquisition acquisition) {
        return CompletableFuture.runAsync(() -> {
            try {
                acquisition.run();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, threads);
    }

    /** Waits until the gate itself counts the waiter (the real condition, not a pause). */
    private static void awaitCount(IntSupplier count, int expected) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (count.getAsInt() != expected) {
            assertThat(System.nanoTime()).as("waiters counted in time").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
