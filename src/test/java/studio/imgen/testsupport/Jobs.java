package studio.imgen.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationService;

/**
 * Helpers for tests that submit generations: wait for a job to end (so no upstream call of this test lands in the
 * next test's recording), and look for calls by a marker in their prompt.
 */
public final class Jobs {

    private Jobs() {
    }

    /** Waits for the Finished event (or an already finished row), never by sleeping. Needs the submitter logged in. */
    public static void awaitFinished(GenerationService generations, UUID id) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Runnable unsubscribe = generations.watch(id, event -> {
            if (event instanceof GenerationEvent.Finished) {
                done.countDown();
            }
        });
        try {
            if (!generations.find(id).orElseThrow().status().finished()) {
                assertThat(done.await(30, TimeUnit.SECONDS)).as("generation finished").isTrue();
            }
        } finally {
            unsubscribe.run();
        }
    }

    public static long callsMentioning(FakeOpenAi fake, String marker) {
        return fake.requests().stream().map(RecordedRequest::bodyText).filter(body -> body.contains(marker)).count();
    }
}
