package studio.imgen.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import studio.imgen.base.UserInputException;

class MaskValidationTest {

    private final UploadValidator validator = new UploadValidator();

    private ValidatedMask validate(byte[] mask, int width, int height) {
        return validator.validateMask("mask.png", Fixtures.stream(mask), width, height);
    }

    @Test
    void jpegMaskIsRefused() {
        assertThatThrownBy(() -> validator.validateMask("mask.jpg", Fixtures.stream(Fixtures.jpeg(8, 8)), 8, 8))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessage("“mask.jpg” is not a PNG file. Mask must be a PNG file.");
    }

    @Test
    void maskMustMatchTheFirstImage() {
        assertThatThrownBy(() -> validate(Fixtures.rgbaPng(512, 512), 1024, 1024))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessage("Mask dimensions must match reference image dimensions "
                        + "(the mask is 512 × 512, the image is 1024 × 1024).");
    }

    @Test
    void maskOfFourMillionBytesIsRefused() {
        byte[] padded = Fixtures.withChunkAfterHeader(Fixtures.rgbaPng(8, 8), "tEXt", new byte[4_000_000 - 100]);
        assertThat(padded.length).isBetween(4_000_000, 4_000_200);

        assertThatThrownBy(() -> validate(padded, 8, 8))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessage("“mask.png” is too large. Mask must be smaller than 4,000,000 bytes.");
    }

    @Test
    void grayscaleMaskBecomesAlphaWhiteKeptBlackEdited() {
        BufferedImage gray = new BufferedImage(4, 1, BufferedImage.TYPE_BYTE_GRAY);
        int[] levels = {0, 64, 128, 255};
        for (int x = 0; x < levels.length; x++) {
            gray.getRaster().setSample(x, 0, 0, levels[x]);
        }

        BufferedImage mask = Fixtures.decode(validate(Fixtures.write(gray, "png"), 4, 1).image().bytes());

        assertThat(mask.getColorModel().hasAlpha()).isTrue();
        for (int x = 0; x < levels.length; x++) {
            assertThat(mask.getRGB(x, 0) >>> 24).as("alpha at x=%d", x).isEqualTo(levels[x]);
        }
    }

    @Test
    void rgbMaskWithoutAlphaUsesLuminance() {
        BufferedImage rgb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0x000000);
        rgb.setRGB(1, 0, 0xFFFFFF);
        rgb.setRGB(2, 0, 0x00FF00);

        BufferedImage mask = Fixtures.decode(validate(Fixtures.write(rgb, "png"), 3, 1).image().bytes());

        assertThat(mask.getRGB(0, 0) >>> 24).isZero();
        assertThat(mask.getRGB(1, 0) >>> 24).isEqualTo(255);
        assertThat(mask.getRGB(2, 0) >>> 24).isEqualTo(150); // 0.587 × 255
    }

    @Test
    void rgbaMaskKeepsItsAlphaExactly() {
        BufferedImage rgba = new BufferedImage(3, 1, BufferedImage.TYPE_INT_ARGB);
        rgba.setRGB(0, 0, 0x00000000);
        rgba.setRGB(1, 0, 0x80102030);
        rgba.setRGB(2, 0, 0xFF000000);

        ValidatedImage validated = validate(Fixtures.write(rgba, "png"), 3, 1).image();
        BufferedImage mask = Fixtures.decode(validated.bytes());

        assertThat(validated.format()).isEqualTo(ImageFormat.PNG);
        assertThat(mask.getRGB(0, 0) >>> 24).isZero();
        assertThat(mask.getRGB(1, 0)).isEqualTo(0x80102030);
        assertThat(mask.getRGB(2, 0)).isEqualTo(0xFF000000);
    }

    @Test
    void garbageMaskCannotBeRead() {
        byte[] png = Fixtures.rgbaPng(8, 8);
        assertThatThrownBy(() -> validate(Arrays.copyOf(png, 40), 8, 8))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessage("“mask.png” could not be read as an image.");
        assertThatThrownBy(() -> validate(new byte[0], 8, 8)).hasMessage("“mask.png” is empty.");
    }

    @Test
    void fullyOpaqueMaskHasNoPaintedArea() {
        BufferedImage opaque = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        fill(opaque, 0xFF000000);

        assertThatThrownBy(() -> validate(Fixtures.write(opaque, "png"), 8, 8))
                .isExactlyInstanceOf(UserInputException.class)
                .hasMessageStartingWith("The mask has no painted area.");
    }

    @Test
    void almostTransparentIsNotPainted() {
        BufferedImage faint = new BufferedImage(8, 8, BufferedImage.TYPE_INT_ARGB);
        fill(faint, 0x01000000);

        assertThatThrownBy(() -> validate(Fixtures.write(faint, "png"), 8, 8))
                .hasMessageStartingWith("The mask has no painted area.");
    }

    @Test
    void maskWithoutAlphaThatIsAllWhiteKeepsEverythingSoHasNoPaintedArea() {
        BufferedImage white = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        fill(white, 0xFFFFFF);

        assertThatThrownBy(() -> validate(Fixtures.write(white, "png"), 8, 8))
                .hasMessageStartingWith("The mask has no painted area.");
    }

    @Test
    void paintedShareCountsTheFullyTransparentPixels() {
        BufferedImage quarter = new BufferedImage(10, 10, BufferedImage.TYPE_INT_ARGB);
        fill(quarter, 0xFF000000);
        for (int y = 0; y < 5; y++) {
            for (int x = 0; x < 5; x++) {
                quarter.setRGB(x, y, 0);
            }
        }

        ValidatedMask mask = validate(Fixtures.write(quarter, "png"), 10, 10);

        assertThat(mask.paintedShare()).isEqualTo(0.25);
        assertThat(mask.paintedPercent()).isEqualTo(25);
        assertThat(mask.image().width()).isEqualTo(10);
        assertThat(mask.image().height()).isEqualTo(10);
    }

    @Test
    void aSinglePaintedPixelStillReadsAsOnePercent() {
        BufferedImage dot = new BufferedImage(100, 100, BufferedImage.TYPE_INT_ARGB);
        fill(dot, 0xFF000000);
        dot.setRGB(50, 50, 0);

        assertThat(validate(Fixtures.write(dot, "png"), 100, 100).paintedPercent()).isEqualTo(1);
    }

    @Test
    void webpMaskIsRefusedAsNotPng() {
        assertThatThrownBy(() -> validator.validateMask("mask.webp", Fixtures.stream(Fixtures.WEBP_LOSSLESS), 1, 1))
                .hasMessage("“mask.webp” is not a PNG file. Mask must be a PNG file.");
    }

    private static void fill(BufferedImage image, int argb) {
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, argb);
            }
        }
    }
}
