package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Fault;
import studio.imgen.testsupport.RecordedRequest;
import studio.imgen.testsupport.TestImages;

class GenerateTest extends GatewayTestBase {

    @Test
    void everyKnobReachesTheWire() {
        gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "A red fox in snow", "1536x1024", "low",
                2, "opaque", "webp", 40, "low", 0, "u-7f3a"), ProgressListener.NONE);

        RecordedRequest request = fake.lastRequest();
        assertThat(request.path()).isEqualTo(FakeOpenAi.GENERATIONS);
        assertThat(request.bearerToken()).isEqualTo(Gateways.KEY);
        assertThat(request.jsonMap()).containsOnly(
                entry("model", "gpt-image-1.5"), entry("prompt", "A red fox in snow"), entry("size", "1536x1024"),
                entry("quality", "low"), entry("n", 2), entry("background", "opaque"),
                entry("output_format", "webp"), entry("output_compression", 40), entry("moderation", "low"),
                entry("safety_identifier", "u-7f3a"));
    }

    @Test
    void onlyModelAndPromptAreSentByDefault() {
        gateway.generate(Gateways.KEY, GenerateRequest.of("gpt-image-2", "a fox"), ProgressListener.NONE);

        assertThat(fake.lastRequest().jsonMap()).containsOnlyKeys("model", "prompt");
    }

    @Test
    void autoModerationAndCompressionForPngAreNotSent() {
        gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox", null, null, null, null, "png", 80,
                "auto", 0, null), ProgressListener.NONE);

        assertThat(fake.lastRequest().jsonMap()).containsOnlyKeys("model", "prompt", "output_format");
    }

    @Test
    void resultHoldsDecodedImagesEchoUsageAndRequestId() {
        ImageResult result = gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox in snow",
                "1536x1024", "low", 2, null, null, null, null, 0, null), ProgressListener.NONE);

        assertThat(result.images()).hasSize(2).allSatisfy(image -> {
            assertThat(image.format()).isEqualTo("png");
            assertThat(TestImages.size(image.bytes())).isEqualTo("1536x1024");
        });
        assertThat(TestImages.colour(result.images().get(0).bytes()))
                .isNotEqualTo(TestImages.colour(result.images().get(1).bytes()));
        assertThat(result.size()).isEqualTo("1536x1024");
        assertThat(result.quality()).isEqualTo("low");
        assertThat(result.background()).isEqualTo("opaque");
        assertThat(result.outputFormat()).isEqualTo("png");
        assertThat(result.usage()).isEqualTo(new TokenUsage(4, 0, 2 * 400, 0));
        assertThat(result.requestId()).startsWith("req_");
        assertThat(result.revisedPrompt()).isNull();
    }

    @Test
    void jpegOutputComesBackAsJpeg() {
        ImageResult result = gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox", null, "low",
                null, null, "jpeg", 60, null, 0, null), ProgressListener.NONE);

        assertThat(result.images().get(0).format()).isEqualTo("jpeg");
        assertThat(fake.lastRequest().jsonMap()).containsEntry("output_compression", 60);
    }

    @Test
    void streamingDeliversPartialImagesBeforeTheResult() {
        List<String> events = new CopyOnWriteArrayList<>();
        List<byte[]> partials = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void requestSending() {
                events.add("sending");
            }

            @Override
            public void partialImage(int index, byte[] imageBytes) {
                events.add("partial " + index);
                partials.add(imageBytes);
            }
        };

        ImageResult result = gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox", "1024x1536",
                "low", null, null, null, null, null, 2, null), listener);
        events.add("returned");

        assertThat(events).containsExactly("sending", "partial 0", "partial 1", "returned");
        JsonNode sent = fake.lastRequest().json();
        assertThat(sent.get("stream").asBoolean()).isTrue();
        assertThat(sent.get("partial_images").asInt()).isEqualTo(2);
        byte[] image = result.images().get(0).bytes();
        assertThat(result.images().get(0).format()).isEqualTo("png");
        assertThat(TestImages.size(image)).isEqualTo("1024x1536");
        assertThat(partials).allSatisfy(p -> assertThat(TestImages.size(p)).isEqualTo("1024x1536"));
        assertThat(TestImages.colour(image)).isNotIn(TestImages.colour(partials.get(0)),
                TestImages.colour(partials.get(1)));
        assertThat(result.usage().imageOutputTokens()).isEqualTo(408 + 2 * 100);
        assertThat(result.size()).isEqualTo("1024x1536");
        assertThat(result.quality()).isEqualTo("low");
        assertThat(result.outputFormat()).isEqualTo("png");
        assertThat(result.requestId()).startsWith("req_");
    }

    @Test
    void requestSendingIsCalledOncePerAttempt() {
        fake.enqueueFault(Fault.serverError(502));
        List<String> events = new CopyOnWriteArrayList<>();

        gateway.generate(Gateways.KEY, GenerateRequest.of("gpt-image-1.5", "a fox"), new ProgressListener() {
            @Override
            public void requestSending() {
                events.add("sending");
            }
        });

        assertThat(events).hasSize(2);
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void retiredModelIsNotAvailable() {
        assertThatThrownBy(() -> gateway.generate(Gateways.KEY, GenerateRequest.of("gpt-image-1", "a fox"),
                ProgressListener.NONE))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.MODEL_NOT_AVAILABLE);
                    assertThat(e.httpStatus()).isEqualTo(404);
                    assertThat(e.upstreamCode()).isEqualTo("model_not_found");
                    assertThat(e.userMessage()).isEqualTo("That model is no longer available to this workspace. Choose"
                            + " another model; a workspace admin has been told.");
                });
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void openAiValidationErrorsAreBadRequestsThatSayWhatToChange() {
        assertThatThrownBy(() -> gateway.generate(Gateways.KEY, new GenerateRequest("gpt-image-1.5", "a fox", null,
                null, null, "transparent", "jpeg", null, null, 0, null), ProgressListener.NONE))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.BAD_REQUEST);
                    assertThat(e.userMessage()).isEqualTo(RequestProblems.BACKGROUND);
                    assertThat(e.detail()).contains("Transparent background is not supported");
                    assertThat(e.detail()).contains("HTTP 400", "param=background");
                    assertThat(e.requestMayHaveBeenSent()).isFalse();
                    assertThat(e.refundsCooldown()).isTrue();
                });
        assertThat(fake.requests()).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> GenerateRequest.of("gpt-image-1.5", " ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new GenerateRequest("gpt-image-1.5", "a fox", null, null, null, null, null, null,
                null, 4, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gateway.generate(" ", GenerateRequest.of("gpt-image-1.5", "a fox"), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.requests()).isEmpty();
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
