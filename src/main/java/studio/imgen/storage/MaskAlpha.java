package studio.imgen.storage;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.Raster;

/**
 * Turns a decoded mask into RGBA. A mask with alpha keeps it exactly. A mask without alpha gets its luminance as
 * alpha: white stays opaque (kept) and black becomes transparent (the area OpenAI edits).
 */
final class MaskAlpha {

    private MaskAlpha() {}

    static BufferedImage toRgba(BufferedImage mask) {
        int width = mask.getWidth();
        int height = mask.getHeight();
        BufferedImage rgba = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        ColorModel model = mask.getColorModel();
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            if (!model.hasAlpha() && isPlainGray(model)) {
                grayRow(mask.getRaster(), model.getComponentSize(0), y, row);
            } else {
                mask.getRGB(0, y, width, 1, row, 0, width);
                if (!model.hasAlpha()) {
                    luminanceToAlpha(row);
                }
            }
            rgba.setRGB(0, y, width, 1, row, 0, width);
        }
        return rgba;
    }

    /** The fraction of pixels with alpha 0: the area OpenAI may change. */
    static double transparentShare(BufferedImage rgba) {
        int width = rgba.getWidth();
        int[] row = new int[width];
        long transparent = 0;
        for (int y = 0; y < rgba.getHeight(); y++) {
            rgba.getRGB(0, y, width, 1, row, 0, width);
            for (int argb : row) {
                if (argb >>> 24 == 0) {
                    transparent++;
                }
            }
        }
        return (double) transparent / ((long) width * rgba.getHeight());
    }

    private static boolean isPlainGray(ColorModel model) {
        return model.getColorSpace().getType() == ColorSpace.TYPE_GRAY && model.getNumComponents() == 1;
    }

    /** Raw samples, because getRGB on a linear gray image would apply a gamma curve and move the mid-tones. */
    private static void grayRow(Raster raster, int bits, int y, int[] row) {
        long max = (1L << bits) - 1;
        for (int x = 0; x < row.length; x++) {
            int level = (int) ((raster.getSample(x, y, 0) * 255L + max / 2) / max);
            row[x] = level << 24 | level << 16 | level << 8 | level;
        }
    }

    private static void luminanceToAlpha(int[] row) {
        for (int x = 0; x < row.length; x++) {
            int rgb = row[x] & 0xFFFFFF;
            int r = rgb >> 16 & 0xFF;
            int g = rgb >> 8 & 0xFF;
            int b = rgb & 0xFF;
            int luminance = (299 * r + 587 * g + 114 * b + 500) / 1000;
            row[x] = luminance << 24 | rgb;
        }
    }
}
