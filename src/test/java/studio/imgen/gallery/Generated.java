package studio.imgen.gallery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationEvent;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationService;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;

/** Real generations through the service (and the fake OpenAI), awaited by event, never by sleeping. */
public final class Generated {

    private Generated() {
    }

    /** Generates {@code n} PNG images for the logged-in member and returns the finished generation. */
    public static GenerationDetails images(GenerationService generations, String prompt, int n) throws InterruptedException {
        UUID id = generations.submit(GenerationRequest.of(prompt, ImageOptions.DEFAULTS.withN(n)
                .withOutputFormat(OutputFormat.PNG)));
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
        GenerationDetails details = generations.find(id).orElseThrow();
        assertThat(details.status()).as(details.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(details.images()).hasSize(n);
        return details;
    }
}
