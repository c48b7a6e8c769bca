package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ImageFormatTest {

    @Test
    void detectsTheThreeFormatsByMagicBytes() {
        assertThat(ImageFormat.detect(Fixtures.png(2, 2))).contains(ImageFormat.PNG);
        assertThat(ImageFormat.detect(Fixtures.jpeg(2, 2))).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.detect(Fixtures.WEBP_LOSSLESS)).contains(ImageFormat.WEBP);
    }

    @Test
    void refusesOtherContentWhateverItIsCalled() {
        assertThat(ImageFormat.detect(null)).isEmpty();
        assertThat(ImageFormat.detect(new byte[0])).isEmpty();
        assertThat(ImageFormat.detect(Fixtures.animatedGif())).isEmpty();
        assertThat(ImageFormat.detect(ascii("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"))).isEmpty();
        assertThat(ImageFormat.detect(ascii("%PDF-1.7\n"))).isEmpty();
        assertThat(ImageFormat.detect(new byte[] {'P', 'K', 3, 4, 0, 0})).isEmpty();
        assertThat(ImageFormat.detect(ascii("RIFF\0\0\0\0WAVEfmt "))).isEmpty();
        assertThat(ImageFormat.detect(ascii("RIFF"))).isEmpty();
        assertThat(ImageFormat.detect(new byte[] {(byte) 0x89, 'P', 'N', 'G'})).isEmpty();
    }

    @Test
    void mimeTypesAndExtensionsAreTheServedOnes() {
        assertThat(ImageFormat.PNG.mimeType()).isEqualTo("image/png");
        assertThat(ImageFormat.JPEG.mimeType()).isEqualTo("image/jpeg");
        assertThat(ImageFormat.WEBP.mimeType()).isEqualTo("image/webp");
        assertThat(ImageFormat.JPEG.extension()).isEqualTo("jpg");
        assertThat(ImageFormat.fromExtension("webp")).contains(ImageFormat.WEBP);
        assertThat(ImageFormat.fromExtension("jpeg")).isEmpty();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
