package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.TestImages;

class ConversationTest extends GatewayTestBase {

    private static final String CHAT = "gpt-5.4-mini";
    private static final String IMAGE = "gpt-image-1.5";

    @Test
    void toolOptionsInputImagesAndIdsReachTheWire() {
        byte[] reference = TestImages.png(64, 64, 0xaa3300);
        byte[] mask = TestImages.mask(64, 64);
        var options = new ImageToolOptions("1024x1536", "high", "jpeg", "opaque", "high", 0,
                ImageToolOptions.Action.EDIT, InputImage.png(mask));

        gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE, "Make it blue",
                List.of(InputImage.png(reference)), null, options, "u-9"), ProgressListener.NONE);

        JsonNode sent = fake.lastRequest().json();
        assertThat(sent.get("model").asText()).isEqualTo(CHAT);
        assertThat(sent.get("store").asBoolean()).isTrue();
        assertThat(sent.get("safety_identifier").asText()).isEqualTo("u-9");
        assertThat(sent.has("previous_response_id")).isFalse();
        assertThat(sent.has("stream")).isFalse();
        assertThat(sent.get("tool_choice").get("type").asText()).isEqualTo("image_generation");
        JsonNode content = sent.get("input").get(0).get("content");
        assertThat(sent.get("input").get(0).get("role").asText()).isEqualTo("user");
        assertThat(content.get(0).get("type").asText()).isEqualTo("input_text");
        assertThat(content.get(0).get("text").asText()).isEqualTo("Make it blue");
        assertThat(content.get(1).get("type").asText()).isEqualTo("input_image");
        assertThat(content.get(1).get("image_url").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(reference));
        JsonNode tool = sent.get("tools").get(0);
        assertThat(tool.get("type").asText()).isEqualTo("image_generation");
        assertThat(tool.get("model").asText()).isEqualTo(IMAGE);
        assertThat(tool.get("size").asText()).isEqualTo("1024x1536");
        assertThat(tool.get("quality").asText()).isEqualTo("high");
        assertThat(tool.get("output_format").asText()).isEqualTo("jpeg");
        assertThat(tool.get("background").asText()).isEqualTo("opaque");
        assertThat(tool.get("input_fidelity").asText()).isEqualTo("high");
        assertThat(tool.get("action").asText()).isEqualTo("edit");
        assertThat(tool.get("input_image_mask").get("image_url").asText())
                .isEqualTo("data:image/png;base64," + Base64.getEncoder().encodeToString(mask));
        assertThat(tool.has("partial_images")).isFalse();
    }

    @Test
    void twoTurnsChainPreviousResponseId() {
        ConversationResult first = gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE,
                "A red square", null, null, null, null), ProgressListener.NONE);
        ConversationResult second = gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE,
                "Make it blue", null, first.responseId(), null, null), ProgressListener.NONE);

        assertThat(fake.previousResponseIds()).containsExactly(null, first.responseId());
        assertThat(first.responseId()).startsWith("resp_").isNotEqualTo(second.responseId());
        assertThat(first.imageGenerationCallId()).startsWith("ig_");
        assertThat(second.image().format()).isEqualTo("png");
        assertThat(TestImages.colour(second.image().bytes())).isNotEqualTo(TestImages.colour(first.image().bytes()));
        assertThat(second.revisedPrompt()).contains("Make it blue");
        assertThat(second.size()).isEqualTo("1024x1024");
        assertThat(second.mainlineUsage().textInputTokens()).isPositive();
        assertThat(second.mainlineUsage().textOutputTokens()).isPositive();
        // The second turn edits the stored image, so the tool also bills image input.
        assertThat(second.imageUsage().imageInputTokens()).isPositive();
        assertThat(second.imageUsage().imageOutputTokens()).isEqualTo(1056);
        assertThat(second.requestId()).startsWith("req_");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 400})
    void unknownPreviousResponseIsADistinctFailure(int status) {
        fake.setUnknownPreviousResponseStatus(status);

        assertThatThrownBy(() -> gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE, "again", null,
                "resp_gone", null, null), ProgressListener.NONE))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.PREVIOUS_RESPONSE_NOT_FOUND);
                    assertThat(e.httpStatus()).isEqualTo(status);
                    assertThat(e.attempts()).isEqualTo(1);
                });
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void expiredConversationFallsBackToSendingTheLatestImage() {
        ConversationResult first = gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE,
                "A red square", null, null, null, null), ProgressListener.NONE);
        fake.forgetStoredResponses();
        var chained = new ConversationRequest(CHAT, IMAGE, "Make it blue", null, first.responseId(), null, null);
        var stateless = new ConversationRequest(CHAT, IMAGE, "Make it blue",
                List.of(new InputImage(first.image().bytes(), "image/png", "turn-1.png")), null, null, null);

        ConversationResult second;
        try {
            second = gateway.respond(Gateways.KEY, chained, ProgressListener.NONE);
        } catch (OpenAiException e) {
            assertThat(e.kind()).isEqualTo(FailureKind.PREVIOUS_RESPONSE_NOT_FOUND);
            second = gateway.respond(Gateways.KEY, stateless, ProgressListener.NONE);
        }

        assertThat(fake.previousResponseIds()).containsExactly(null, first.responseId(), null);
        assertThat(fake.lastRequest().json().get("input").get(0).get("content").get(1).get("type").asText())
                .isEqualTo("input_image");
        assertThat(second.image().bytes()).isNotEmpty();
    }

    @Test
    void streamingTurnDeliversPartialsThenTheFinalImage() {
        List<String> events = new CopyOnWriteArrayList<>();
        var options = new ImageToolOptions("1536x1024", "low", null, null, null, 2, ImageToolOptions.Action.GENERATE,
                null);

        ConversationResult result = gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE, "a fox", null,
                null, options, null), new ProgressListener() {
            @Override
            public void partialImage(int index, byte[] imageBytes) {
                events.add("partial " + index + " " + TestImages.size(imageBytes));
            }
        });
        events.add("returned");

        assertThat(events).containsExactly("partial 0 1536x1024", "partial 1 1536x1024", "returned");
        JsonNode sent = fake.lastRequest().json();
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.get("tools").get(0).get("partial_images").asInt()).isEqualTo(2);
        assertThat(TestImages.size(result.image().bytes())).isEqualTo("1536x1024");
        assertThat(result.responseId()).startsWith("resp_");
        assertThat(result.imageUsage().imageOutputTokens()).isEqualTo(400 + 2 * 100);
        assertThat(result.mainlineUsage().textOutputTokens()).isPositive();
    }

    @Test
    void streamedTurnsChainToo() {
        var streamed = new ImageToolOptions(null, "low", null, null, null, 1, null, null);
        ConversationResult first = gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE, "a fox", null,
                null, streamed, null), ProgressListener.NONE);

        gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE, "at night", null, first.responseId(),
                streamed, null), ProgressListener.NONE);

        assertThat(fake.previousResponseIds()).containsExactly(null, first.responseId());
    }

    @Test
    void errorEventMidStreamIsTypedAndNotRetried() {
        fake.enqueueFault(Fault.midStreamError("moderation_blocked", "Your request was rejected by the safety system."));
        List<Integer> partials = new CopyOnWriteArrayList<>();

        assertThatThrownBy(() -> gateway.respond(Gateways.KEY, streamingRequest(2), new ProgressListener() {
            @Override
            public void partialImage(int index, byte[] imageBytes) {
                partials.add(index);
            }
        })).isInstanceOfSatisfying(OpenAiException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.MODERATION_BLOCKED);
            assertThat(e.refundsCooldown()).isFalse();
            assertThat(e.requestId()).startsWith("req_");
        });
        assertThat(partials).containsExactly(0, 1);
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void failedResponseEventIsTyped() {
        fake.enqueueFault(Fault.responseFailed("server_error", "The server had an error."));

        assertThatThrownBy(() -> gateway.respond(Gateways.KEY, streamingRequest(1), ProgressListener.NONE))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.UPSTREAM_ERROR);
                    assertThat(e.upstreamCode()).isEqualTo("server_error");
                    assertThat(e.detail()).contains("The server had an error.");
                });
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void responseWithoutImageIsAnInvalidResponse() {
        fake.enqueueFault(Fault.missingData());

        assertThatThrownBy(() -> gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE, "a fox", null,
                null, null, null), ProgressListener.NONE))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_RESPONSE);
                    assertThat(e.userMessage()).isEqualTo("No image was generated. The API may have refused the "
                            + "prompt or encountered an error.");
                });
    }

    @Test
    void editActionWithoutAnImageIsABadRequest() {
        var options = new ImageToolOptions(null, null, null, null, null, 0, ImageToolOptions.Action.EDIT, null);

        assertThatThrownBy(() -> gateway.respond(Gateways.KEY, new ConversationRequest(CHAT, IMAGE, "bluer", null,
                null, options, null), ProgressListener.NONE))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
                    assertThat(e.userMessage()).isEqualTo(RequestProblems.OTHER);
                });
    }

    private static ConversationRequest streamingRequest(int partials) {
        return new ConversationRequest(CHAT, IMAGE, "a fox", null, null,
                new ImageToolOptions(null, "low", null, null, null, partials, null, null), null);
    }
}
