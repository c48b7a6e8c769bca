package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.InputFidelity;
import studio.imgen.catalog.Moderation;
import studio.imgen.catalog.OutputFormat;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.LoggedInAsMemberTest;
import studio.imgen.testsupport.RecordedRequest;
import studio.imgen.testsupport.TestImages;
import studio.imgen.testsupport.TestUsers;
import studio.imgen.testsupport.TestUsers.TestUser;

/** The generation pipeline end to end: service → durable job → worker → real SDK → fake OpenAI → storage. */
@RecordApplicationEvents
class GenerationServiceTest extends LoggedInAsMemberTest {

    @Autowired
    ApplicationEvents applicationEvents;

    @Autowired
    ImageStore store;

    @Autowired
    UpstreamBreakers breakers;

    @Autowired
    GenerationEvents events;

    @Value("${app.generation.breaker-failures}")
    int breakerFailures;


    @Test
    void defaultsMakeOneGenerateCallAndTheImageIsStoredWithItsCost() throws Exception {
        GenerationDetails done = runToEnd(request("a red fox in snow"));

        assertThat(done.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(done.title()).isEqualTo("Generated Image");
        List<RecordedRequest> calls = fake.requestsTo(FakeOpenAi.GENERATIONS);
        assertThat(calls).hasSize(1);
        Map<String, Object> json = calls.get(0).jsonMap();
        assertThat(json).containsEntry("model", "gpt-image-2").containsEntry("prompt", "a red fox in snow")
                .containsEntry("size", "auto").containsEntry("quality", "auto").containsEntry("output_format", "png")
                .containsEntry("n", 1).doesNotContainKey("moderation").doesNotContainKey("output_compression");
        assertThat(calls.get(0).bearerToken()).isEqualTo(TestUsers.API_KEY);
        assertThat(done.images()).hasSize(1);
        var image = done.images().get(0);
        assertThat(store.exists(StorageKey.original(done.workspaceId(), image.id(), ImageFormat.PNG))).isTrue();
        // Stored with the original, from the inspection's decode, so the browser's first request finds it.
        assertThat(store.exists(StorageKey.thumbnail(done.workspaceId(), image.id()))).isTrue();
        // gpt-image-2 is seeded at $5 text in / $32 image out per 1M tokens.
        long expected = Math.round(done.textInputTokens() * 5.0 + done.imageOutputTokens() * 32.0);
        assertThat(done.costMicros()).isEqualTo(expected).isPositive();
    }

    @Test
    void aFreshResultsThumbnailIsInMemoryForItsOwnerOnlyAndForAMinute() throws Exception {
        GenerationDetails done = runToEnd(request("a fox for the result card"));
        UUID imageId = done.images().get(0).id();
        byte[] stored;
        try (var file = store.open(StorageKey.thumbnail(done.workspaceId(), imageId))) {
            stored = file.readAllBytes();
        }

        assertThat(generations.freshThumbnail(imageId)).as("the owner's card gets the bytes in its push")
                .hasValueSatisfying(bytes -> assertThat(bytes).isEqualTo(stored));
        TestUser colleague = users.member(done.workspaceId(), "Colleague");
        LoggedIn.as(colleague, memberships);
        assertThat(generations.freshThumbnail(imageId)).as("anyone else loads the stored file").isEmpty();
        LoggedIn.as(ana, memberships);
        clock.advance(FreshThumbnails.FRESH.plusSeconds(1));
        assertThat(generations.freshThumbnail(imageId)).as("after a minute, the stored file").isEmpty();
    }

    @Test
    void everyChosenKnobReachesTheUpstreamRequest() throws Exception {
        GenerationDetails done = runToEnd(GenerationRequest.of("a lighthouse", ImageOptions.DEFAULTS
                .withModel("test-image-a").withSize("1536x1024").withQuality("low").withN(3)
                .withBackground(Background.OPAQUE).withOutputFormat(OutputFormat.JPEG).withOutputCompression(80)
                .withModeration(Moderation.LOW)));

        Map<String, Object> json = fake.lastRequest().jsonMap();
        assertThat(json).containsEntry("model", "test-image-a").containsEntry("size", "1536x1024")
                .containsEntry("quality", "low").containsEntry("n", 3).containsEntry("background", "opaque")
                .containsEntry("output_format", "jpeg").containsEntry("output_compression", 80)
                .containsEntry("moderation", "low");
        assertThat(done.status()).as(done.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(done.images()).hasSize(3).allSatisfy(i -> assertThat(i.format()).isEqualTo("jpeg"));
        assertThat(fake.lastRequest().streaming()).isTrue();
    }

    @Test
    void referenceImagesGoToTheEditsEndpointInOrderWithImageTypes() throws Exception {
        byte[] first = TestImages.png(64, 64, 0xff0000);
        byte[] second = TestImages.jpeg(64, 64, 0x00ff00);
        GenerationDetails done = runToEnd(GenerationRequest.of("blend them", ImageOptions.DEFAULTS
                .withInputFidelity(InputFidelity.HIGH))
                .withReferences(List.of(new GenerationRequest.Upload("a.png", first),
                        new GenerationRequest.Upload("b.jpg", second))));

        assertThat(done.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(done.title()).isEqualTo("Edited Image");
        RecordedRequest edit = fake.requestsTo(FakeOpenAi.EDITS).get(0);
        assertThat(edit.parts("image[]")).hasSize(2).allSatisfy(p -> assertThat(p.contentType()).startsWith("image/"));
        assertThat(edit.partText("prompt")).isEqualTo("blend them");
        assertThat(edit.partText("input_fidelity")).isEqualTo("high");
        assertThat(edit.part("moderation")).isEmpty();
        assertThat(fake.requestsTo(FakeOpenAi.GENERATIONS)).isEmpty();
    }

    @Test
    void withoutAKeyTheSubmissionIsRefusedBeforeAnythingElse() {
        TestUser ben = users.member(users.workspace("NoKey"), "Ben");
        LoggedIn.as(ben, memberships);

        assertThatThrownBy(() -> generations.submit(request("")))
                .isInstanceOf(UserInputException.class).hasMessage(GenerationService.NO_KEY);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void invalidInputIsRefusedWithAClearMessageAndNoCall() {
        assertRefused(request("   "), "Prompt is required.");
        assertRefused(GenerationRequest.of("x", ImageOptions.DEFAULTS.withN(11)),
                "Number of images must be between 1 and 10.");
        assertRefused(GenerationRequest.of("x", ImageOptions.DEFAULTS.withModel("test-image-a")
                .withBackground(Background.TRANSPARENT).withOutputFormat(OutputFormat.JPEG)),
                "background=transparent is allowed only with png or webp output_format");
        assertRefused(GenerationRequest.of("x", ImageOptions.DEFAULTS.withOutputFormat(OutputFormat.WEBP)
                .withOutputCompression(101)),
                "Compression must be between 0 and 100.");
        assertRefused(GenerationRequest.of("x", ImageOptions.DEFAULTS.withModel("dall-e-3")),
                "Invalid model selection.");
        // test-image-a takes its listed sizes only (gpt-image-2, the default, would take 512x512 as a custom size).
        assertRefused(GenerationRequest.of("x", ImageOptions.DEFAULTS.withModel("test-image-a").withSize("512x512")),
                "Invalid size selection.");
        assertRefused(GenerationRequest.of("x")
                .withReferences(List.of(new GenerationRequest.Upload("photo.png", "%PDF-1.7 not an image".getBytes()))),
                "photo.png");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void labelsAndCaseAreAcceptedAsTheirValues() throws Exception {
        GenerationDetails done = runToEnd(GenerationRequest.of("x", ImageOptions.DEFAULTS.withModel("Test Image A")
                .withSize("1024x1024 (Square)").withQuality("High")));

        assertThat(done.options().model()).isEqualTo("test-image-a");
        assertThat(done.options().size()).isEqualTo("1024x1024");
        assertThat(done.options().quality()).isEqualTo("high");
    }

    @Test
    void upstreamFailuresEndAsFailedWithTheirMessageAndNothingStored() throws Exception {
        fake.enqueueFault(Fault.moderationBlocked());
        GenerationDetails blocked = runToEnd(request("something violent"));
        assertThat(blocked.status()).isEqualTo(GenerationStatus.FAILED);
        assertThat(blocked.errorMessage()).isEqualTo("Request rejected by the safety system.");

        fake.enqueueFault(Fault.invalidApiKey());
        assertThat(runToEnd(request("a cat")).errorMessage())
                .isEqualTo("The workspace's OpenAI key was rejected. Ask a workspace admin to check it.");

        fake.reset();
        for (int i = 0; i < 3; i++) {
            fake.enqueueFault(Fault.serverError(500));
        }
        GenerationDetails broken = runToEnd(request("a dog"));
        assertThat(broken.errorMessage()).isEqualTo("Image generation failed or timed out. Try again.");
        assertThat(fake.requests()).hasSize(3);
        assertThat(db.fetchCount(IMAGE, IMAGE.GENERATION_ID.in(blocked.id(), broken.id()))).isZero();
    }

    @Test
    void theSameSubmissionTwiceCreatesOneJob() throws Exception {
        GenerationRequest once = request("twice clicked");
        UUID first = generations.submit(once);
        UUID second = generations.submit(once);

        assertThat(second).isEqualTo(first);
        awaitFinished(first);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void anotherWorkspacesGenerationDoesNotExistForTheCaller() throws Exception {
        GenerationDetails mine = runToEnd(request("private"));
        TestUser eve = users.member(users.workspaceWithKey("Other"), "Eve");
        LoggedIn.as(eve, memberships);

        assertThat(generations.find(mine.id())).isEmpty();
        assertThat(generations.recent(10)).isEmpty();
        assertThatThrownBy(() -> generations.watch(mine.id(), e -> { })).isInstanceOf(UserInputException.class);
        assertThat(generations.cancel(mine.id())).isFalse();
    }

    @Test
    void previewsStreamBeforeTheResult() throws Exception {
        fake.holdFinalImages();
        CountDownLatch preview = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        UUID id = generations.submit(request("slow drawing"));
        generations.watch(id, event -> {
            if (event instanceof GenerationEvent.Preview) {
                preview.countDown();
            } else if (event instanceof GenerationEvent.Finished) {
                finished.countDown();
            }
        });

        // Decoded off the stream's thread, so the preview shows while OpenAI still works on the final image.
        assertThat(preview.await(20, TimeUnit.SECONDS)).isTrue();
        assertThat(finished.getCount()).isOne();
        fake.releaseFinalImages();
        assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void previewsThatArriveWithTheFinalImageAreNotShownAfterTheResult() throws Exception {
        List<GenerationEvent> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        UUID id = generations.submit(request("fast drawing"));
        generations.watch(id, event -> {
            seen.add(event);
            if (event instanceof GenerationEvent.Finished) {
                finished.countDown();
            }
        });

        assertThat(finished.await(20, TimeUnit.SECONDS)).isTrue();
        GenerationDetails done = generations.find(id).orElseThrow();
        assertThat(done.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        // Previews and the final image arrive together here; the stale ones may be dropped, but none follows the end.
        assertThat(seen.getLast()).isInstanceOf(GenerationEvent.Finished.class);
        assertThat(events.latestPreview(id)).as("no preview left to show a view that opens now").isEmpty();
    }

    @Test
    void editThisImageSendsThatImagesStoredBytesWithOnlyTheNewPrompt() throws Exception {
        GenerationDetails first = runToEnd(GenerationRequest.of("two foxes", ImageOptions.DEFAULTS
                .withSize("1024x1024").withQuality("low").withN(2)));
        GeneratedImageView second = first.images().get(1);
        byte[] stored;
        try (var in = store.open(StorageKey.original(first.workspaceId(), second.id(), ImageFormat.PNG))) {
            stored = in.readAllBytes();
        }
        fake.reset();

        GenerationDetails edit = runToEnd(GenerationRequest.of("make it night").withSourceImages(List.of(second.id())));

        assertThat(edit.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(edit.title()).isEqualTo("Edited Image");
        RecordedRequest call = fake.requestsTo(FakeOpenAi.EDITS).get(0);
        assertThat(call.parts("image[]")).singleElement().satisfies(p -> assertThat(p.bytes()).isEqualTo(stored));
        assertThat(call.partText("prompt")).isEqualTo("make it night");
        assertThat(call.partText("size")).isEqualTo("auto");
    }

    @Test
    void anotherWorkspacesImageCannotBeEditedAndNothingIsSent() throws Exception {
        GenerationDetails mine = runToEnd(request("private fox"));
        TestUser eve = users.member(users.workspaceWithKey("Other"), "Eve");
        LoggedIn.as(eve, memberships);
        fake.reset();

        assertRefused(GenerationRequest.of("steal it").withSourceImages(List.of(mine.images().get(0).id())),
                "Could not find the image to edit.");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aRunningGenerationCanBeCancelledAndGivesItsCooldownBack() throws Exception {
        // The cancel interrupts the job's virtual thread, which closes the waiting call's socket.
        fake.setLatency(Duration.ofSeconds(3));
        UUID id = generations.submit(request("slow"));
        assertThat(fake.awaitRequests(1, Duration.ofSeconds(10))).isTrue();

        assertThat(generations.cancel(id)).isTrue();
        GenerationDetails cancelled = awaitFinished(id);

        assertThat(cancelled.status()).isEqualTo(GenerationStatus.CANCELLED);
        assertThat(cancelled.images()).isEmpty();
    }

    @Test
    void aCancelRequestedOnAnotherInstanceWhileTheCallRunsEndsTheJobCancelledWithoutItsImages() throws Exception {
        fake.setLatency(Duration.ofSeconds(1));
        UUID id = generations.submit(request("cancelled elsewhere"));
        assertThat(fake.awaitRequests(1, Duration.ofSeconds(10))).isTrue();
        // What another instance's cancel does to a job running here: it can only flag the row.
        db.update(GENERATION).set(GENERATION.CANCEL_REQUESTED, true).where(GENERATION.ID.eq(id)).execute();

        GenerationDetails cancelled = awaitFinished(id);

        assertThat(cancelled.status()).isEqualTo(GenerationStatus.CANCELLED);
        assertThat(cancelled.images()).isEmpty();
        assertThat(db.fetchCount(IMAGE, IMAGE.GENERATION_ID.eq(id))).isZero();
    }

    @Test
    void cancellingRunningGenerationsDoesNotPauseTheWorkspace() throws Exception {
        // A cancelled call ends with a closed socket: our doing, so it must not count as an OpenAI failure.
        fake.setLatency(Duration.ofSeconds(30));
        for (int i = 1; i <= breakerFailures; i++) {
            UUID id = generations.submit(request("cancelled " + i));
            assertThat(fake.awaitRequests(i, Duration.ofSeconds(10))).isTrue();
            assertThat(generations.cancel(id)).isTrue();
            assertThat(awaitFinished(id).status()).isEqualTo(GenerationStatus.CANCELLED);
        }

        assertThat(breakers.stateOf(ana.workspaceId())).isEqualTo(BreakerState.CLOSED);
    }

    @Test
    void brokenUpstreamAnswersFailCleanly() throws Exception {
        fake.enqueueFault(Fault.missingData());
        GenerationDetails empty = runToEnd(request("nothing comes back"));
        assertThat(empty.status()).isEqualTo(GenerationStatus.FAILED);
        assertThat(empty.errorMessage()).isEqualTo(
                "No image was generated. The API may have refused the prompt or encountered an error.");

        fake.enqueueFault(Fault.insufficientQuota());
        GenerationDetails quota = runToEnd(request("out of credit"));
        assertThat(quota.errorMessage())
                .isEqualTo("The workspace's OpenAI account has run out of credit. A workspace admin has been told.");
        assertThat(fake.requests()).hasSize(2);
        assertThat(db.fetchCount(IMAGE, IMAGE.GENERATION_ID.in(empty.id(), quota.id()))).isZero();
    }

    @Test
    void admissionsAndRefusalsAreAnnouncedForTheAuditLog() throws Exception {
        UUID id = generations.submit(request("announced"));
        assertRefused(request(" "), "Prompt is required.");

        assertThat(applicationEvents.stream(GenerationRecorded.class)).singleElement().satisfies(admitted -> {
            assertThat(admitted).isInstanceOf(GenerationAdmitted.class);
            assertThat(admitted.generationId()).isEqualTo(id);
            assertThat(admitted.workspaceId()).isEqualTo(ana.workspaceId());
            assertThat(admitted.userId()).isEqualTo(ana.id());
            assertThat(admitted.status()).isEqualTo(GenerationStatus.QUEUED);
            assertThat(admitted.request().prompt()).isEqualTo("announced");
            assertThat(admitted.request().kind()).isEqualTo("generate");
        });
        assertThat(applicationEvents.stream(GenerationDenied.class)).singleElement().satisfies(denied -> {
            assertThat(denied.userId()).isEqualTo(ana.id());
            assertThat(denied.reason()).isEqualTo("Prompt is required.");
        });
        awaitFinished(id);
    }

    private GenerationRequest request(String prompt) {
        return GenerationRequest.of(prompt);
    }

    private void assertRefused(GenerationRequest request, String message) {
        assertThatThrownBy(() -> generations.submit(request)).isInstanceOf(UserInputException.class)
                .hasMessageContaining(message);
    }

    private GenerationDetails runToEnd(GenerationRequest request) throws InterruptedException {
        return awaitFinished(generations.submit(request));
    }

    private GenerationDetails awaitFinished(UUID id) throws InterruptedException {
        return Generations.awaitFinished(generations, id);
    }
}
