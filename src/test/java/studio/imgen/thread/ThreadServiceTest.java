package studio.imgen.thread;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.CHAT_MODEL;
import static imgen.db.Tables.WORKSPACE_SETTINGS;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import studio.imgen.admin.EditThreadDefaults.Mode;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationDetails;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.GenerationStatus;
import studio.imgen.generate.ImageOptions;
import studio.imgen.storage.ImageFormat;
import studio.imgen.storage.ImageStore;
import studio.imgen.storage.StorageKey;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedIn;
import studio.imgen.testsupport.LoggedInAsMemberTest;
import studio.imgen.testsupport.MultipartPart;
import studio.imgen.testsupport.TestImages;
import studio.imgen.testsupport.TestUsers.TestUser;

/** Edit threads end to end: service → generation pipeline → real SDK → fake OpenAI (Responses and Images API). */
class ThreadServiceTest extends LoggedInAsMemberTest {

    @Autowired
    ThreadService threads;
    @Autowired
    ImageStore store;

    @Test
    void conversationTurnsStartFromTheStoredImageThenChainPreviousResponseIds() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a red fox"));

        GenerationDetails first = turn(thread, "make it night");
        GenerationDetails second = turn(thread, "add snow");

        assertThat(first.status()).as(first.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(second.status()).as(second.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(fake.previousResponseIds()).containsExactly(null, first.conversation().responseId());
        // The first turn has no conversation yet, so the stored image travels as an input_image.
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES).get(0).bodyText()).contains("input_image");
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES).get(1).bodyText()).doesNotContain("input_image");
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES).get(1).jsonMap()).containsEntry("model", "gpt-5.4-mini");
        assertThat(second.conversation().responseId()).startsWith("resp_").isNotEqualTo(first.conversation().responseId());
        assertThat(second.costMicros()).isPositive();
        assertThat(second.conversation().mainlineInputTokens()).isPositive();
        ThreadDetails details = threads.find(thread).orElseThrow();
        assertThat(details.turns()).extracting(ThreadTurn::mode).containsExactly("start", "conversation", "conversation");
        assertThat(details.editable()).isTrue();
    }

    @Test
    void whenOpenAiForgotTheConversationTheTurnIsADirectEditOfThePreviousImage() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a lighthouse"));
        GenerationDetails first = turn(thread, "at dusk");
        fake.setUnknownPreviousResponseStatus(400);
        fake.forgetStoredResponses();

        GenerationDetails second = turn(thread, "add fog");

        assertThat(second.status()).as(second.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(second.conversation().fellBack()).isTrue();
        assertThat(second.conversation().responseId()).isNull();
        assertThat(fake.requestsTo(FakeOpenAi.EDITS)).hasSize(1);
        List<MultipartPart> images = fake.requestsTo(FakeOpenAi.EDITS).get(0).parts("image[]");
        assertThat(images).hasSize(1);
        assertThat(images.get(0).bytes()).isEqualTo(bytesOf(first));
        assertThat(threads.find(thread).orElseThrow().turns().get(2).fellBack()).isTrue();

        // Nothing lost: the next turn starts a new conversation from the fallback's image.
        GenerationDetails third = turn(thread, "add a boat");
        assertThat(third.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(fake.previousResponseIds()).last().isNull();
    }

    @Test
    void aShutDownConversationModelIsNeverSentItsReplacementCarriesTheConversation() throws Exception {
        // gpt-5 shut down on 2026-12-11 (the seeded catalogue), long before the tests' clock; gpt-5.4 replaces it.
        conversationModel("gpt-5");
        UUID thread = threads.startFromImage(generatedImage("a paper kite"));

        GenerationDetails first = turn(thread, "make it red");
        GenerationDetails second = turn(thread, "add a tail");

        assertThat(second.status()).as(second.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).extracting(r -> r.jsonMap().get("model"))
                .containsExactly("gpt-5.4", "gpt-5.4");
        assertThat(first.conversation().mainlineModel()).isEqualTo("gpt-5.4");
        assertThat(fake.previousResponseIds()).containsExactly(null, first.conversation().responseId());
    }

    @Test
    void withNothingToReplaceAShutDownConversationModelTheTurnIsADirectEditThatSaysWhy() throws Exception {
        db.insertInto(CHAT_MODEL).set(CHAT_MODEL.ID, "test-chat-retired").set(CHAT_MODEL.LABEL, "Test chat (retired)")
                .set(CHAT_MODEL.SORT_ORDER, 990).set(CHAT_MODEL.SHUTDOWN_ON, LocalDate.now(clock).minusDays(1))
                .execute();
        try {
            conversationModel("test-chat-retired");
            UUID thread = threads.startFromImage(generatedImage("a sailing boat"));

            GenerationDetails turn = turn(thread, "at sunset");

            assertThat(turn.status()).as(turn.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
            assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).isEmpty();
            assertThat(fake.requestsTo(FakeOpenAi.EDITS)).hasSize(1);
            assertThat(turn.conversation().fallback()).isEqualTo(GenerationDetails.Fallback.CHAT_MODEL_SHUT_DOWN);
            assertThat(threads.find(thread).orElseThrow().turns().get(1).fellBack()).isTrue();
        } finally {
            conversationModel("gpt-5.4-mini");
            db.deleteFrom(CHAT_MODEL).where(CHAT_MODEL.ID.eq("test-chat-retired")).execute();
        }
    }

    private void conversationModel(String id) {
        db.update(WORKSPACE_SETTINGS).set(WORKSPACE_SETTINGS.MAINLINE_MODEL, id)
                .where(WORKSPACE_SETTINGS.WORKSPACE_ID.eq(ana.workspaceId())).execute();
    }

    @Test
    void directEditModeSendsThePreviousImageToTheEditsEndpoint() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a teapot"));
        threads.changeMode(thread, Mode.DIRECT_EDIT);
        UUID source = threads.find(thread).orElseThrow().turns().get(0).startImageId();

        GenerationDetails edit = turn(thread, "make it blue");

        assertThat(edit.status()).as(edit.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(edit.conversation()).isNull();
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).isEmpty();
        var call = fake.requestsTo(FakeOpenAi.EDITS).get(0);
        assertThat(call.partText("prompt")).isEqualTo("make it blue");
        assertThat(call.parts("image[]").get(0).bytes()).isEqualTo(bytes(edit.workspaceId(), source, "png"));
    }

    @Test
    void branchingStartsANewThreadAtThatTurnAndLeavesTheOriginalAlone() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a castle"));
        GenerationDetails first = turn(thread, "in winter");
        turn(thread, "with dragons");
        ThreadDetails before = threads.find(thread).orElseThrow();

        UUID branch = threads.branch(thread, 2);
        GenerationDetails continued = turn(branch, "in spring");

        ThreadDetails original = threads.find(thread).orElseThrow();
        assertThat(original).isEqualTo(before);
        ThreadDetails forked = threads.find(branch).orElseThrow();
        assertThat(forked.branchedFrom()).contains(new ThreadDetails.BranchOrigin(thread, before.title(), 2));
        assertThat(forked.turns()).hasSize(2);
        assertThat(forked.turns().get(0).startImageId()).isEqualTo(first.images().get(0).id());
        assertThat(continued.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        // The branch continues turn 2's conversation, not the original's latest.
        assertThat(fake.previousResponseIds()).last().isEqualTo(first.conversation().responseId());
    }

    @Test
    void aColleagueMayReadButNotPostAndAnotherWorkspaceSeesNothing() throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a bridge"));
        TestUser cleo = users.member(ana.workspaceId(), "Cleo");
        TestUser bob = users.member(users.workspaceWithKey("Other"), "Bob");

        LoggedIn.as(cleo, memberships);
        ThreadDetails seen = threads.find(thread).orElseThrow();
        assertThat(seen.editable()).isFalse();
        assertThat(seen.ownerName()).isEqualTo("Ana");
        assertThatThrownBy(() -> threads.addTurn(thread, request("mine now")))
                .isInstanceOf(UserInputException.class).hasMessage(ThreadService.NOT_YOURS);
        assertThatThrownBy(() -> threads.rename(thread, "taken")).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> threads.delete(thread)).isInstanceOf(UserInputException.class);
        assertThat(threads.mine(null)).isEmpty();
        UUID own = threads.startFromImage(seen.turns().get(0).startImageId());
        assertThat(threads.find(own).orElseThrow().ownerId()).isEqualTo(cleo.id());

        LoggedIn.as(bob, memberships);
        assertThat(threads.find(thread)).isEmpty();
        assertThatThrownBy(() -> threads.addTurn(thread, request("hello")))
                .isInstanceOf(UserInputException.class).hasMessage(ThreadService.NOT_FOUND);
        assertThatThrownBy(() -> threads.branch(thread, 1)).isInstanceOf(UserInputException.class);
        assertThatThrownBy(() -> threads.startFromImage(seen.turns().get(0).startImageId()))
                .isInstanceOf(UserInputException.class).hasMessage("Could not find the image to edit.");
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).isEmpty();
    }

    @Test
    void listSearchRenameAndSoftDelete() throws Exception {
        UUID fox = threads.startFromImage(generatedImage("a red fox"));
        UUID owl = threads.startFromImage(generatedImage("an owl at night"));
        turn(owl, "give it golden eyes");

        assertThat(threads.mine(null)).extracting(ThreadSummary::id).containsExactly(owl, fox);
        assertThat(threads.mine("GOLDEN")).extracting(ThreadSummary::id).containsExactly(owl);
        ThreadSummary owlSummary = threads.mine(null).get(0);
        assertThat(owlSummary.turns()).isEqualTo(2);
        assertThat(owlSummary.latestImageId()).isEqualTo(threads.find(owl).orElseThrow().turns().get(1).image().orElseThrow());

        threads.rename(fox, "Fox, final");
        assertThat(threads.mine("final")).extracting(ThreadSummary::title).containsExactly("Fox, final");
        assertThatThrownBy(() -> threads.rename(fox, "  ")).isInstanceOf(UserInputException.class);

        threads.delete(fox);
        assertThat(threads.mine(null)).extracting(ThreadSummary::id).containsExactly(owl);
        assertThat(threads.find(fox)).isEmpty();
    }

    @Test
    void newEditFromUploadsValidatesLikeGenerateAndCreatesNothingWhenRefused() throws Exception {
        assertThatThrownBy(() -> threads.startFromUploads(request("edit"),
                List.of(new GenerationRequest.Upload("notes.txt", "hello".getBytes()))))
                .isInstanceOf(UserInputException.class);
        assertThat(threads.mine(null)).isEmpty();

        UUID thread = threads.startFromUploads(request("make it a watercolour"),
                List.of(new GenerationRequest.Upload("photo.png", TestImages.png(64, 64, 0x336699))));
        ThreadTurn first = threads.find(thread).orElseThrow().turns().get(0);
        GenerationDetails done = Generations.awaitFinished(generations, first.generation().id());
        assertThat(done.status()).as(done.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES).get(0).bodyText()).contains("input_image");
        assertThat(threads.mine(null)).extracting(ThreadSummary::title).containsExactly("make it a watercolour");
    }

    @Test
    void aMaskedTurnInAConversationThreadIsADirectEditWithTheMaskAndTheNextTurnStartsAFreshConversation()
            throws Exception {
        UUID thread = threads.startFromImage(generatedImage("a garden"));
        GenerationDetails first = turn(thread, "at noon");

        UUID maskedId = threads.addTurn(thread, TurnRequest.of("add a pond", ImageOptions.DEFAULTS
                .withSize("1024x1024").withQuality("low"))
                .withMask(new GenerationRequest.Upload("painted mask", TestImages.mask(1024, 1024))));
        GenerationDetails masked = Generations.awaitFinished(generations, maskedId);

        assertThat(masked.status()).as(masked.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(fake.requestsTo(FakeOpenAi.RESPONSES)).hasSize(1);
        var edit = fake.requestsTo(FakeOpenAi.EDITS);
        assertThat(edit).hasSize(1);
        assertThat(edit.get(0).parts("image[]").get(0).bytes()).isEqualTo(bytesOf(first));
        assertThat(TestImages.size(edit.get(0).part("mask").orElseThrow().bytes())).isEqualTo("1024x1024");

        GenerationDetails after = turn(thread, "add ducks");
        assertThat(after.status()).as(after.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(fake.previousResponseIds()).last().isNull();
        assertThat(threads.find(thread).orElseThrow().turns()).as("each turn recorded as it was sent")
                .extracting(ThreadTurn::mode).containsExactly("start", "conversation", "direct_edit", "conversation");
    }

    private UUID generatedImage(String prompt) throws InterruptedException {
        UUID id = generations.submit(GenerationRequest.of(prompt, ImageOptions.DEFAULTS.withSize("1024x1024")
                .withQuality("low")));
        GenerationDetails done = Generations.awaitFinished(generations, id);
        assertThat(done.status()).as(done.errorMessage()).isEqualTo(GenerationStatus.SUCCEEDED);
        return done.images().get(0).id();
    }

    private GenerationDetails turn(UUID thread, String prompt) throws InterruptedException {
        return Generations.awaitFinished(generations, threads.addTurn(thread, request(prompt)));
    }

    private static TurnRequest request(String prompt) {
        return TurnRequest.of(prompt, ImageOptions.DEFAULTS.withSize("1024x1024").withQuality("low"));
    }

    private byte[] bytesOf(GenerationDetails generation) throws IOException {
        var image = generation.images().get(0);
        return bytes(generation.workspaceId(), image.id(), image.format());
    }

    private byte[] bytes(UUID workspaceId, UUID imageId, String format) throws IOException {
        try (InputStream in = store.open(StorageKey.original(workspaceId, imageId,
                ImageFormat.valueOf(format.toUpperCase())))) {
            return in.readAllBytes();
        }
    }
}
