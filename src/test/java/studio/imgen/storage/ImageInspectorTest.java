package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector(40_000_000);

    @Test
    void reportsFormatDimensionsAndHashOfTheBytesAsReceived() {
        byte[] png = Fixtures.rgbaPng(30, 20);

        assertThat(inspector.inspect(png))
                .isEqualTo(new ImageInfo(ImageFormat.PNG, 30, 20, ImageCodec.sha256Hex(png)));
        assertThat(inspector.inspect(Fixtures.jpeg(8, 9)).format()).isEqualTo(ImageFormat.JPEG);
        assertThat(inspector.inspect(Fixtures.WEBP_64X48_LOSSLESS))
                .extracting(ImageInfo::format, ImageInfo::width, ImageInfo::height)
                .containsExactly(ImageFormat.WEBP, 64, 48);
    }

    @Test
    void sha256IsLowerCaseHex() {
        assertThat(ImageCodec.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void refusesWhatIsNotAWholeImage() {
        byte[] jpeg = Fixtures.jpeg(256, 256);
        for (byte[] bad : new byte[][] {
            new byte[0],
            "{\"error\":\"not an image\"}".getBytes(),
            Arrays.copyOf(jpeg, jpeg.length * 3 / 4),
            Fixtures.pngHeader(50_000, 50_000),
            Fixtures.animatedGif(),
            Fixtures.WEBP_ENDLESS_ZEROS
        }) {
            assertThatThrownBy(() -> inspector.inspect(bad)).isInstanceOf(UnreadableImageException.class);
        }
    }
}
