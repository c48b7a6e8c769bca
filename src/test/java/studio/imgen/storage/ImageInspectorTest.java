package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

    private final Thumbnails thumbnails = new Thumbnails(40_000_000);
    private final ImageInspector inspector = new ImageInspector(40_000_000, thumbnails);

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

    @Test
    void theThumbnailOfInspectedBytesComesFromTheInspectionsDecode() {
        byte[] png = Fixtures.rgbaPng(1024, 1024);
        byte[] other = Fixtures.rgbaPng(1536, 1024);
        long before = ImageCodec.decodes();

        inspector.inspect(png);
        byte[] thumbnail = thumbnails.thumbnail(png);

        assertThat(ImageCodec.decodes() - before).as("decodes for inspection and thumbnail").isEqualTo(1);
        assertThat(thumbnail).isEqualTo(new Thumbnails(40_000_000).thumbnail(png));
        // Bytes that were not inspected are decoded for their thumbnail, and each inspection is handed out once.
        thumbnails.thumbnail(other);
        thumbnails.thumbnail(png);
        assertThat(ImageCodec.decodes() - before).isEqualTo(4);
    }

    @Test
    void largeImagesAreCheckedWithABoundedDecode() {
        byte[] large = Fixtures.rgbaPng(4096, 2048);
        long before = ImageCodec.decodes();

        assertThat(inspector.inspect(large)).extracting(ImageInfo::width, ImageInfo::height).containsExactly(4096, 2048);
        assertThat(ImageCodec.decodes() - before).isEqualTo(1);
        assertThat(Thumbnails.subsamplingFor(new ImageCodec.Header(4096, 2048))).isEqualTo(4);
        var thumbnail = Fixtures.decode(thumbnails.thumbnail(large));
        assertThat(thumbnail.getWidth() + "x" + thumbnail.getHeight()).isEqualTo("512x256");
    }
}
