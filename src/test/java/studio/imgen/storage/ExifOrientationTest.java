package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExifOrientationTest {

    private static final int RED = 0xFF0000;
    private static final int GREEN = 0x00FF00;

    /**
     * A 3×2 image with red at (0,0) and green at (1,0). Expected positions follow EXIF 2.3 tag 274, e.g. 6 means "rotate
     * 90° clockwise to display", so the top-left pixel ends up top-right.
     */
    @ParameterizedTest
    @CsvSource({
        "1, 3, 2, 0, 0, 1, 0",
        "2, 3, 2, 2, 0, 1, 0",
        "3, 3, 2, 2, 1, 1, 1",
        "4, 3, 2, 0, 1, 1, 1",
        "5, 2, 3, 0, 0, 0, 1",
        "6, 2, 3, 1, 0, 1, 1",
        "7, 2, 3, 1, 2, 1, 1",
        "8, 2, 3, 0, 2, 0, 1"
    })
    void appliesEachOrientation(int orientation, int width, int height, int redX, int redY, int greenX, int greenY) {
        BufferedImage source = new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB);
        source.setRGB(0, 0, RED);
        source.setRGB(1, 0, GREEN);

        BufferedImage shown = ExifOrientation.apply(source, orientation);

        assertThat(shown.getWidth()).isEqualTo(width);
        assertThat(shown.getHeight()).isEqualTo(height);
        assertThat(shown.getRGB(redX, redY) & 0xFFFFFF).isEqualTo(RED);
        assertThat(shown.getRGB(greenX, greenY) & 0xFFFFFF).isEqualTo(GREEN);
    }

    @Test
    void readsBigAndLittleEndianExif() {
        byte[] jpeg = Fixtures.jpeg(4, 4);
        assertThat(ExifOrientation.read(Fixtures.withSegmentAfterSoi(jpeg, 0xE1, Fixtures.exifPayload(8, "x"))))
                .isEqualTo(8);

        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4).order(ByteOrder.LITTLE_ENDIAN);
        tiff.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) 1);
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) 3).putShort((short) 0).putInt(0);
        byte[] payload = Fixtures.concat("Exif\0\0".getBytes(StandardCharsets.US_ASCII), tiff.array());
        assertThat(ExifOrientation.read(Fixtures.withSegmentAfterSoi(jpeg, 0xE1, payload))).isEqualTo(3);
    }

    @Test
    void missingOrBrokenExifMeansNormal() {
        byte[] jpeg = Fixtures.jpeg(4, 4);
        assertThat(ExifOrientation.read(jpeg)).isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.read(Fixtures.withSegmentAfterSoi(jpeg, 0xE1, Fixtures.exifPayload(9, "x"))))
                .isEqualTo(ExifOrientation.NORMAL);
        byte[] cut = Fixtures.slice(Fixtures.exifPayload(6, "x"), 0, 12);
        assertThat(ExifOrientation.read(Fixtures.withSegmentAfterSoi(jpeg, 0xE1, cut)))
                .isEqualTo(ExifOrientation.NORMAL);
        assertThat(ExifOrientation.read(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}))
                .isEqualTo(ExifOrientation.NORMAL);
    }
}
