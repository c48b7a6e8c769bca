package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ThumbnailsTest {

    private final Thumbnails thumbnails = new Thumbnails(40_000_000);

    private static BufferedImage thumbnailOf(Thumbnails thumbnails, byte[] image) {
        byte[] jpeg = thumbnails.thumbnail(image);
        assertThat(ImageFormat.detect(jpeg)).contains(ImageFormat.JPEG);
        return Fixtures.decode(jpeg);
    }

    @Test
    void largeImagesShrinkToFitWithinTheLimit() {
        BufferedImage landscape = thumbnailOf(thumbnails, Fixtures.png(2000, 1000));
        BufferedImage portrait = thumbnailOf(thumbnails, Fixtures.jpeg(600, 1800));
        BufferedImage sliver = thumbnailOf(thumbnails, Fixtures.png(3000, 10));

        assertThat(landscape.getWidth()).isEqualTo(512);
        assertThat(landscape.getHeight()).isEqualTo(256);
        assertThat(portrait.getWidth()).isEqualTo(171);
        assertThat(portrait.getHeight()).isEqualTo(512);
        assertThat(sliver.getWidth()).isEqualTo(512);
        assertThat(sliver.getHeight()).isEqualTo(2);
    }

    @Test
    void smallImagesAreNeverUpscaled() {
        BufferedImage small = thumbnailOf(thumbnails, Fixtures.png(100, 50));

        assertThat(small.getWidth()).isEqualTo(100);
        assertThat(small.getHeight()).isEqualTo(50);
    }

    @Test
    void transparencyIsFlattenedOntoWhite() {
        BufferedImage clear = new BufferedImage(600, 300, BufferedImage.TYPE_INT_ARGB); // fully transparent black

        BufferedImage thumbnail = thumbnailOf(thumbnails, Fixtures.write(clear, "png"));

        assertThat(thumbnail.getColorModel().hasAlpha()).isFalse();
        int rgb = thumbnail.getRGB(256, 128);
        assertThat(rgb >> 16 & 0xFF).isGreaterThan(245);
        assertThat(rgb >> 8 & 0xFF).isGreaterThan(245);
        assertThat(rgb & 0xFF).isGreaterThan(245);
    }

    @Test
    void webpSourcesWork() {
        BufferedImage thumbnail = thumbnailOf(thumbnails, Fixtures.WEBP_64X48_LOSSY_ALPHA);

        assertThat(thumbnail.getWidth()).isEqualTo(64);
        assertThat(thumbnail.getHeight()).isEqualTo(48);
    }

    @Test
    void aPreviewNoLongerWantedWhenItsDecodeSlotComesIsNotDecoded() {
        byte[] png = Fixtures.png(1024, 1024);
        long before = ImageCodec.decodes();

        assertThat(thumbnails.preview(png, () -> false)).isEmpty();
        assertThat(ImageCodec.decodes() - before).as("decodes of a stale preview").isZero();

        assertThat(thumbnails.preview(png, () -> true)).hasValueSatisfying(jpeg ->
                assertThat(Fixtures.decode(jpeg).getWidth()).isEqualTo(512));
        assertThat(ImageCodec.decodes() - before).isEqualTo(1);
        assertThat(ImageCodec.availableDecodePermits()).isEqualTo(ImageCodec.decodePermits());
    }

    @Test
    void nonImagesAndOversizedHeadersAreUnreadable() {
        assertThatThrownBy(() -> thumbnails.thumbnail("<svg/>".getBytes()))
                .isInstanceOf(UnreadableImageException.class);
        assertThatThrownBy(() -> thumbnails.thumbnail(Fixtures.pngHeader(50_000, 50_000)))
                .isInstanceOf(UnreadableImageException.class);
        byte[] png = Fixtures.png(64, 64);
        assertThatThrownBy(() -> thumbnails.thumbnail(Arrays.copyOf(png, png.length / 2)))
                .isInstanceOf(UnreadableImageException.class);
        assertThatThrownBy(() -> new Thumbnails(100).thumbnail(Fixtures.png(20, 20)))
                .isInstanceOf(UnreadableImageException.class);
    }
}
