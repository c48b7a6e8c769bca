package studio.imgen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationService;

/** Waits for a generation to end through its Finished event (or an already finished row), never by sleeping. */
public final class Generations {

    private Generations() {
    }

    /** Must be called with the owner's (or a workspace member's) security context in place. */
    public static GenerationDetails awaitFinished(GenerationService generations, UUID id) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runnable unsubscribe = generations.watch(id, event -> {
            if (event instanceof GenerationEvent.Finished) {
                done.countDown();
            }
        });
        try {
            if (!generations.find(id).orElseThrow().status().finished()) {
                assertThat(done.await(30, TimeUnit.SECONDS)).as("generation " + id + " finished").isTrue();
            }
        } finally {
            unsubscribe.run();
        }
        return generations.find(id).orElseThrow();
    }
}
