package studio.imgen.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static imgen.db.Tables.GENERATION;
import static imgen.db.Tables.IMAGE;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import studio.imgen.base.UserInputException;
import studio.imgen.testsupport.FakeOpenAi;
import studio.imgen.testsupport.Generations;
import studio.imgen.testsupport.LoggedInAsMemberTest;
import studio.imgen.testsupport.MultipartPart;
import studio.imgen.testsupport.TestImages;

/** Inpainting: a mask travels with the job and reaches OpenAI as the multipart {@code mask} part of the edit. */
class MaskedEditTest extends LoggedInAsMemberTest {

    @Test
    void aMaskedEditOfAStoredImageSendsTheMaskAsAPngPartOfTheImagesSize() throws Exception {
        GeneratedImageView source = storedImage();
        fake.reset();

        GenerationDetails edit = Generations.awaitFinished(generations, generations.submit(
                edit("add a moon", List.of(), List.of(source.id()), upload("mask.png", TestImages.mask(1024, 1024)))));

        assertThat(edit.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        var call = fake.requestsTo(FakeOpenAi.EDITS).get(0);
        MultipartPart mask = call.part("mask").orElseThrow();
        assertThat(mask.contentType()).isEqualTo("image/png");
        assertThat(mask.filename()).isEqualTo("mask.png");
        BufferedImage sent = TestImages.decode(mask.bytes());
        assertThat(sent.getWidth()).isEqualTo(1024);
        assertThat(sent.getHeight()).isEqualTo(1024);
        assertThat(sent.getColorModel().hasAlpha()).isTrue();
        assertThat(sent.getRGB(10, 10) >>> 24).as("kept top half").isEqualTo(255);
        assertThat(sent.getRGB(10, 1000) >>> 24).as("painted bottom half").isZero();
        assertThat(db.fetchOne(GENERATION, GENERATION.ID.eq(edit.id())).getHasMask()).isTrue();
        assertThat(db.fetchCount(IMAGE, IMAGE.GENERATION_ID.eq(edit.id()).and(IMAGE.ROLE.eq("mask")))).isOne();
    }

    @Test
    void anEditWithoutAMaskSendsNoMaskPart() throws Exception {
        GeneratedImageView source = storedImage();
        fake.reset();

        Generations.awaitFinished(generations, generations.submit(edit("add a moon", List.of(), List.of(source.id()), null)));

        assertThat(fake.requestsTo(FakeOpenAi.EDITS).get(0).part("mask")).isEmpty();
    }

    @Test
    void theMaskAppliesToAnUploadedFirstReferenceToo() throws Exception {
        var reference = upload("photo.png", TestImages.png(64, 48, 0x336699));

        GenerationDetails edit = Generations.awaitFinished(generations, generations.submit(
                edit("add a hat", List.of(reference), List.of(), upload("hat.png", TestImages.mask(64, 48)))));

        assertThat(edit.status()).isEqualTo(GenerationStatus.SUCCEEDED);
        assertThat(TestImages.size(fake.requestsTo(FakeOpenAi.EDITS).get(0).part("mask").orElseThrow().bytes()))
                .isEqualTo("64x48");
    }

    @Test
    void aMaskOfAnotherSizeIsRefusedAndNothingIsSent() throws Exception {
        GeneratedImageView source = storedImage();
        fake.reset();

        assertThatThrownBy(() -> generations.submit(edit("add a moon", List.of(), List.of(source.id()),
                upload("small.png", TestImages.mask(512, 512)))))
                .isInstanceOf(UserInputException.class)
                .hasMessage("Mask dimensions must match reference image dimensions "
                        + "(the mask is 512 × 512, the image is 1024 × 1024).");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void aMaskWithoutAnImageToEditIsRefused() {
        assertThatThrownBy(() -> generations.submit(edit("a moon", List.of(), List.of(),
                upload("mask.png", TestImages.mask(64, 64)))))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("A mask needs an image to edit.");
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void checkingAMaskForAStoredImageGivesItsPaintedShare() throws Exception {
        GeneratedImageView source = storedImage();

        assertThat(generations.checkMask(source.id(), upload("m.png", TestImages.mask(1024, 1024))).paintedPercent())
                .isEqualTo(50);
        assertThatThrownBy(() -> generations.checkMask(source.id(), upload("opaque.png", TestImages.png(1024, 1024, 0xffffff))))
                .isInstanceOf(UserInputException.class)
                .hasMessageStartingWith("The mask has no painted area.");
        assertThatThrownBy(() -> generations.checkMask(UUID.randomUUID(), upload("m.png", TestImages.mask(8, 8))))
                .hasMessage("Could not find the image to edit.");
    }

    private GeneratedImageView storedImage() throws InterruptedException {
        GenerationDetails first = Generations.awaitFinished(generations, generations.submit(
                GenerationRequest.of("a quiet lake", ImageOptions.DEFAULTS.withSize("1024x1024").withQuality("low"))));
        return first.images().get(0);
    }

    private static GenerationRequest edit(String prompt, List<GenerationRequest.Upload> references, List<UUID> sources,
                                          GenerationRequest.Upload mask) {
        return GenerationRequest.of(prompt).withReferences(references).withSourceImages(sources).withMask(mask);
    }

    private static GenerationRequest.Upload upload(String name, byte[] bytes) {
        return new GenerationRequest.Upload(name, bytes);
    }
}
