package studio.imgen.testsupport;

import java.awt.image.BufferedImage;
import java.util.Arrays;

/** Small real images for tests, and ways to look into image bytes. */
public final class TestImages {

    private TestImages() {}

    /** An opaque RGB PNG filled with {@code rgb}. */
    public static byte[] png(int width, int height, int rgb) {
        return FakeImages.encode(filled(width, height, BufferedImage.TYPE_INT_RGB, rgb), "png");
    }

    /** An RGB JPEG filled with {@code rgb}. */
    public static byte[] jpeg(int width, int height, int rgb) {
        return FakeImages.encode(filled(width, height, BufferedImage.TYPE_INT_RGB, rgb), "jpeg");
    }

    /** A PNG with alpha: fully transparent (the area to edit) except an opaque top half. */
    public static byte[] mask(int width, int height) {
        BufferedImage mask = filled(width, height, BufferedImage.TYPE_INT_ARGB, 0x00000000);
        for (int y = 0; y < height / 2; y++) {
            for (int x = 0; x < width; x++) {
                mask.setRGB(x, y, 0xff000000);
            }
        }
        return FakeImages.encode(mask, "png");
    }

    /** Decodes PNG, JPEG or WebP; fails if the bytes are no image. */
    public static BufferedImage decode(byte[] bytes) {
        BufferedImage image = FakeImages.decode(bytes);
        if (image == null) {
            throw new AssertionError("not a decodable image (" + bytes.length + " bytes)");
        }
        return image;
    }

    /** {@code WIDTHxHEIGHT} of an image. */
    public static String size(byte[] bytes) {
        BufferedImage image = decode(bytes);
        return image.getWidth() + "x" + image.getHeight();
    }

    /** The RGB colour of the top-left pixel (the fake's images are solid fills). */
    public static int colour(byte[] bytes) {
        return decode(bytes).getRGB(0, 0) & 0xffffff;
    }

    private static BufferedImage filled(int width, int height, int type, int argb) {
        BufferedImage image = new BufferedImage(width, height, type);
        int[] row = new int[width];
        Arrays.fill(row, argb);
        for (int y = 0; y < height; y++) {
            image.setRGB(0, y, width, 1, row, 0, width);
        }
        return image;
    }
}
