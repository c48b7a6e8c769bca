package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import studio.imgen.base.UserInputException;

class ReferenceSetTest {

    private final UploadValidator validator = new UploadValidator();

    private static ReferenceUpload upload(String name, byte[] bytes) {
        return new ReferenceUpload(name, Fixtures.stream(bytes));
    }

    @Test
    void equalSizedPngJpegAndWebpAreAcceptedInOrder() {
        List<ValidatedImage> images = validator.validateSet(List.of(
                upload("a.png", Fixtures.png(1, 1)),
                upload("b.jpg", Fixtures.jpeg(1, 1)),
                upload("c.webp", Fixtures.WEBP_LOSSLESS)), UploadLimits.defaults());

        assertThat(images).extracting(ValidatedImage::format)
                .containsExactly(ImageFormat.PNG, ImageFormat.JPEG, ImageFormat.PNG);
    }

    @Test
    void dimensionsMustBeIdentical() {
        assertThatThrownBy(() -> validator.validateSet(List.of(
                        upload("a.png", Fixtures.png(64, 64)),
                        upload("b.png", Fixtures.png(32, 32))), UploadLimits.defaults()))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessage("All reference images must have identical width × height (found 64 × 64 and 32 × 32).");
    }

    @Test
    void oneMoreThanTheModelAllowsIsRefusedBeforeAnythingIsRead() {
        UploadLimits tenForThisModel = UploadLimits.defaults().withMaxFiles(10);
        List<ReferenceUpload> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(new ReferenceUpload("i" + i + ".png", InputStream.nullInputStream() /* never read */));
        }

        assertThatThrownBy(() -> validator.validateSet(eleven, tenForThisModel))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessage("You can attach at most 10 reference images for this model.");
    }

    @Test
    void atLeastOneImage() {
        assertThatThrownBy(() -> validator.validateSet(List.of(), UploadLimits.defaults()))
                .hasMessage("At least one reference image required");
        assertThatThrownBy(() -> validator.checkSet(List.of(), UploadLimits.defaults()))
                .hasMessage("At least one reference image required");
    }

    @Test
    void totalSizeIsCapped() {
        ValidatedImage one = validator.validateReference("a.png", Fixtures.stream(Fixtures.png(64, 64)),
                UploadLimits.defaults());
        UploadLimits cap = new UploadLimits(25_000_000, 40_000_000, 16, one.bytes().length * 2L);

        validator.checkSet(List.of(one, one), cap);
        assertThatThrownBy(() -> validator.checkSet(List.of(one, one, one), cap))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessageStartingWith("The reference images together are larger than");
    }

    @Test
    void aBadFileInTheSetIsNamed() {
        assertThatThrownBy(() -> validator.validateSet(List.of(
                        upload("a.png", Fixtures.png(8, 8)),
                        upload("photo.png", "%PDF-1.4".getBytes())), UploadLimits.defaults()))
                .hasMessage("“photo.png” is not a PNG, JPEG or WebP image.");
    }
}
