package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Previews are decoded off the stream's thread, newest only: one overtaken by a newer preview or by the end of the
 * stream before its decode slot came is never decoded, and nothing is shown after the stream ended. The maker here
 * stands in for the decode gate: each call waits for a slot the test hands out.
 */
class LatestPreviewTest {

    private final UUID job = UUID.randomUUID();
    private final Semaphore entered = new Semaphore(0);
    private final Semaphore slots = new Semaphore(0);
    private final Semaphore decodesEnd = new Semaphore(1_000);
    private final List<String> decoded = new CopyOnWriteArrayList<>();
    private final List<String> skipped = new CopyOnWriteArrayList<>();
    private final List<GenerationEvent.Preview> shown = new CopyOnWriteArrayList<>();
    private final List<GenerationEvent.Preview> shared = new CopyOnWriteArrayList<>();
    private final AtomicInteger threadsStarted = new AtomicInteger();
    private final Semaphore drained = new Semaphore(0);

    private final LatestPreview previews = new LatestPreview(job, this::make, shown::add, shared::add, task -> {
        threadsStarted.incrementAndGet();
        Thread.ofVirtual().start(() -> {
            task.run();
            drained.release();
        });
    });

    private Optional<byte[]> make(byte[] bytes, BooleanSupplier stillWanted) {
        entered.release();
        try {
            slots.acquire();
            String name = new String(bytes);
            if (!stillWanted.getAsBoolean()) {
                skipped.add(name);
                return Optional.empty();
            }
            decoded.add(name);
            decodesEnd.acquire();
            if (name.equals("broken")) {
                throw new IllegalStateException("not an image");
            }
            return Optional.of(bytes);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPreviewOvertakenByANewerOneBeforeItsDecodeSlotIsSkippedAndTheNewestIsShown() throws Exception {
        previews.offer(0, "first".getBytes());
        awaitPermit(entered); // waiting for a decode slot; the stream's thread has already returned
        previews.offer(1, "second".getBytes());
        previews.offer(2, "third".getBytes());

        slots.release(2);
        awaitPermit(drained);

        assertThat(skipped).containsExactly("first");
        assertThat(decoded).containsExactly("third");
        assertThat(shown).extracting(GenerationEvent.Preview::index).containsExactly(2);
        assertThat(shared).isEqualTo(shown);
        assertThat(threadsStarted).as("one decoding thread for the job at a time").hasValue(1);
    }

    @Test
    void thePreviewsOfAJobWhoseFinalImageArrivedAreNeverDecodedNorShown() throws Exception {
        previews.offer(0, "first".getBytes());
        awaitPermit(entered);
        previews.offer(1, "second".getBytes());

        previews.close(); // the stream ended with the final image
        previews.offer(2, "late".getBytes());
        slots.release(3);
        awaitPermit(drained);

        assertThat(skipped).containsExactly("first");
        assertThat(decoded).isEmpty();
        assertThat(shown).isEmpty();
        assertThat(threadsStarted).hasValue(1);
    }

    @Test
    void aPreviewDecodedWhileTheStreamEndedIsNotShownAfterTheEnd() throws Exception {
        decodesEnd.drainPermits();
        previews.offer(0, "first".getBytes());
        slots.release();
        awaitPermit(entered);
        awaitCondition(() -> decoded.contains("first")); // its decode runs now

        previews.close();
        decodesEnd.release();
        awaitPermit(drained);

        assertThat(shown).isEmpty();
        assertThat(shared).isEmpty();
    }

    @Test
    void aPreviewThatCannotBeDecodedCostsOnlyItselfAndTheNextOneIsShown() throws Exception {
        previews.offer(0, "broken".getBytes());
        slots.release();
        awaitPermit(drained);
        previews.offer(1, "fine".getBytes());
        slots.release();
        awaitPermit(drained);

        assertThat(decoded).containsExactly("broken", "fine");
        assertThat(shown).extracting(GenerationEvent.Preview::index).containsExactly(1);
    }

    private static void awaitPermit(Semaphore semaphore) throws InterruptedException {
        assertThat(semaphore.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void awaitCondition(BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
