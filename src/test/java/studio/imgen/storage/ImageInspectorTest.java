package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageInspectorTest {

    private final ImageInspector inspector = new ImageInspector(40_000_000);

    @Test
    void reportsFormatDimensionsAndHashOfTheBytesAsReceived() {
        byte[] png = Fixtures.rgbaPng(30, 20);

        assertThat(inspector.inspect(png).info())
                .isEqualTo(new ImageInfo(ImageFormat.PNG, 30, 20, ImageCodec.sha256Hex(png)));
        assertThat(inspector.inspect(Fixtures.jpeg(8, 9)).info().format()).isEqualTo(ImageFormat.JPEG);
        assertThat(inspector.inspect(Fixtures.WEBP_64X48_LOSSLESS).info())
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
    void theThumbnailComesFromTheInspectionsDecodeAfterWhatWaitsForAWholeImageHasStarted() {
        byte[] png = Fixtures.rgbaPng(1024, 1024);
        long before = ImageCodec.decodes();
        List<ImageInfo> toldWhole = new ArrayList<>();

        var inspected = inspector.inspect(png, info -> {
            toldWhole.add(info);
            return "started";
        });

        assertThat(ImageCodec.decodes() - before).as("decodes for inspection and thumbnail").isEqualTo(1);
        assertThat(toldWhole).containsExactly(inspected.info());
        assertThat(inspected.started()).isEqualTo("started");
        assertThat(inspected.thumbnail()).hasValueSatisfying(thumbnail ->
                assertThat(thumbnail).isEqualTo(new Thumbnails(40_000_000).thumbnail(png)));
    }

    @Test
    void whatWaitsForAWholeImageIsNotStartedForBrokenBytes() {
        byte[] png = Fixtures.rgbaPng(256, 256);
        List<ImageInfo> toldWhole = new ArrayList<>();

        assertThatThrownBy(() -> inspector.inspect(Arrays.copyOf(png, png.length / 2), toldWhole::add))
                .isInstanceOf(UnreadableImageException.class);
        assertThat(toldWhole).isEmpty();
    }

    @Test
    void largeImagesAreCheckedWithABoundedDecode() {
        byte[] large = Fixtures.rgbaPng(4096, 2048);
        long before = ImageCodec.decodes();

        var inspected = inspector.inspect(large);

        assertThat(inspected.info()).extracting(ImageInfo::width, ImageInfo::height).containsExactly(4096, 2048);
        assertThat(ImageCodec.decodes() - before).isEqualTo(1);
        assertThat(Thumbnails.subsamplingFor(new ImageCodec.Header(4096, 2048))).isEqualTo(4);
        var thumbnail = Fixtures.decode(inspected.thumbnail().orElseThrow());
        assertThat(thumbnail.getWidth() + "x" + thumbnail.getHeight()).isEqualTo("512x256");
    }
}
