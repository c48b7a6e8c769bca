package studio.imgen.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.MultipartPart;
import studio.imgen.testsupport.RecordedRequest;
import studio.imgen.testsupport.TestImages;

class EditTest extends GatewayTestBase {

    @Test
    void imagesMaskAndEveryKnobReachTheMultipartForm() {
        byte[] first = TestImages.png(64, 48, 0xff0000);
        byte[] second = TestImages.png(32, 32, 0x00ff00);
        byte[] third = TestImages.png(16, 16, 0x0000ff);
        byte[] mask = TestImages.mask(64, 48);
        var request = new EditRequest("gpt-image-1.5", "Put the cat in a spacesuit",
                List.of(new InputImage(first, "image/png", "cat.png"), InputImage.png(second),
                        InputImage.png(third)),
                new InputImage(mask, "image/png", "mask.png"), "1536x1024", "high", 2, "transparent", "webp", 70,
                "high", 0, "u-1");

        ImageResult result = gateway.edit(Gateways.KEY, request, ProgressListener.NONE);

        RecordedRequest sent = fake.lastRequest();
        assertThat(sent.path()).isEqualTo(FakeOpenAi.EDITS);
        assertThat(sent.header("content-type")).startsWith("multipart/form-data; boundary=");
        List<MultipartPart> images = sent.parts("image[]");
        assertThat(images).hasSize(3).allSatisfy(part -> {
            assertThat(part.contentType()).isEqualTo("image/png");
            assertThat(part.filename()).isEqualTo("cat.png");
        });
        assertThat(images).extracting(MultipartPart::bytes).containsExactly(first, second, third);
        MultipartPart maskPart = sent.part("mask").orElseThrow();
        assertThat(maskPart.contentType()).isEqualTo("image/png");
        assertThat(maskPart.filename()).isEqualTo("mask.png");
        assertThat(maskPart.bytes()).isEqualTo(mask);
        assertThat(sent.partText("model")).isEqualTo("gpt-image-1.5");
        assertThat(sent.partText("prompt")).isEqualTo("Put the cat in a spacesuit");
        assertThat(sent.partText("size")).isEqualTo("1536x1024");
        assertThat(sent.partText("quality")).isEqualTo("high");
        assertThat(sent.partText("n")).isEqualTo("2");
        assertThat(sent.partText("background")).isEqualTo("transparent");
        assertThat(sent.partText("output_format")).isEqualTo("webp");
        assertThat(sent.partText("output_compression")).isEqualTo("70");
        assertThat(sent.partText("input_fidelity")).isEqualTo("high");
        assertThat(sent.partText("safety_identifier")).isEqualTo("u-1");
        assertThat(sent.part("moderation")).isEmpty();
        assertThat(sent.part("stream")).isEmpty();
        assertThat(sent.part("partial_images")).isEmpty();

        assertThat(result.images()).hasSize(2);
        assertThat(result.size()).isEqualTo("1536x1024");
        // Three input images at high fidelity: each 65 + 129 tiles + 6000.
        assertThat(result.usage().imageInputTokens()).isEqualTo(3 * (65 + 129 + 6000));
        assertThat(result.usage().imageOutputTokens()).isEqualTo(2 * 6208);
    }

    @Test
    void jpegInputsKeepTheirContentType() {
        byte[] photo = TestImages.jpeg(40, 40, 0x336699);

        gateway.edit(Gateways.KEY, EditRequest.of("gpt-image-1.5", "brighter",
                List.of(new InputImage(photo, "image/jpeg", "photo.jpg"))), ProgressListener.NONE);

        MultipartPart part = fake.lastRequest().parts("image[]").get(0);
        assertThat(part.contentType()).isEqualTo("image/jpeg");
        assertThat(part.filename()).isEqualTo("photo.jpg");
    }

    @Test
    void streamingEditDeliversPartialsBeforeTheResult() {
        List<String> events = new CopyOnWriteArrayList<>();
        var request = new EditRequest("gpt-image-1.5", "add a hat", List.of(InputImage.png(
                TestImages.png(96, 64, 0x808080))), null, "auto", "low", null, null, null, null, null, 3, null);

        ImageResult result = gateway.edit(Gateways.KEY, request, new ProgressListener() {
            @Override
            public void partialImage(int index, byte[] imageBytes) {
                events.add("partial " + index + " " + TestImages.size(imageBytes));
            }
        });
        events.add("returned");

        assertThat(events).containsExactly("partial 0 1536x1024", "partial 1 1536x1024", "partial 2 1536x1024",
                "returned");
        assertThat(fake.lastRequest().partText("stream")).isEqualTo("true");
        assertThat(fake.lastRequest().partText("partial_images")).isEqualTo("3");
        assertThat(TestImages.size(result.images().get(0).bytes())).isEqualTo("1536x1024");
    }

    @Test
    void maskOfAnotherSizeIsAnInvalidImage() {
        var request = new EditRequest("gpt-image-1.5", "edit", List.of(InputImage.png(TestImages.png(64, 64, 0))),
                InputImage.png(TestImages.mask(32, 32)), null, null, null, null, null, null, null, 0, null);

        assertThatThrownBy(() -> gateway.edit(Gateways.KEY, request, ProgressListener.NONE))
                .isInstanceOfSatisfying(OpenAiException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.INVALID_IMAGE);
                    assertThat(e.userMessage()).isEqualTo(RequestProblems.MASK);
                    assertThat(e.detail()).contains("param=mask");
                });
        assertThat(fake.requests()).hasSize(1);
    }

    @Test
    void bytesThatAreNoImageAreRejectedUpstreamAsInvalidImage() {
        var request = EditRequest.of("gpt-image-1.5", "edit",
                List.of(new InputImage("not a png".getBytes(), "image/png", "x.png")));

        assertThatThrownBy(() -> gateway.edit(Gateways.KEY, request, ProgressListener.NONE))
                .isInstanceOfSatisfying(OpenAiException.class,
                        e -> assertThat(e.kind()).isEqualTo(FailureKind.INVALID_IMAGE));
    }

    @Test
    void mixedMimeTypesTooManyImagesAndNonPngMasksAreRefusedBeforeSending() {
        InputImage png = InputImage.png(TestImages.png(8, 8, 0));
        InputImage jpeg = new InputImage(TestImages.jpeg(8, 8, 0), "image/jpeg", "a.jpg");

        assertThatThrownBy(() -> EditRequest.of("gpt-image-1.5", "edit", List.of(png, jpeg)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("one MIME type");
        assertThatThrownBy(() -> EditRequest.of("gpt-image-1.5", "edit", Collections.nCopies(17, png)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EditRequest.of("gpt-image-1.5", "edit", List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EditRequest("gpt-image-1.5", "edit", List.of(png), jpeg, null, null, null, null,
                null, null, null, 0, null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void sixteenImagesAreAccepted() {
        InputImage png = InputImage.png(TestImages.png(8, 8, 0x123456));

        gateway.edit(Gateways.KEY, EditRequest.of("gpt-image-1.5", "collage", Collections.nCopies(16, png)),
                ProgressListener.NONE);

        assertThat(fake.lastRequest().parts("image[]")).hasSize(16);
    }
}
