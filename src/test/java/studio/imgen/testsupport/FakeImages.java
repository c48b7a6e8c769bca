package studio.imgen.testsupport;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Real image bytes for the fake: solid fills (cheap at any size), a new colour for every image and preview so tests
 * can tell them apart. JPEG output is real JPEG. WebP output is PNG bytes, because ImageIO (even with TwelveMonkeys)
 * cannot write WebP; a client checking magic bytes sees {@code png}.
 */
final class FakeImages {

    record Size(int width, int height) {
        String wire() {
            return width + "x" + height;
        }
    }

    static final Size SQUARE = new Size(1024, 1024);
    private static final Pattern SIZE = Pattern.compile("(\\d{2,5})x(\\d{2,5})");
    private static final int MAX_EDGE = 3840;

    /** How many distinct images per size, format and transparency the pre-encoded mode cycles through. */
    static final int PRE_ENCODED_VARIANTS = 16;

    private record Variant(Size size, boolean jpeg, boolean transparent, int colour) {}

    private final AtomicInteger colours = new AtomicInteger();
    private final Map<Variant, String> preEncoded = new ConcurrentHashMap<>();
    /** Off by default: tests tell images apart by colour; benchmarks keep the encoding CPU out of their figures. */
    private volatile boolean reuseEncoded;

    /** Parses {@code WxH}: both sides multiples of 16, at most 3840, aspect between 1:3 and 3:1. Null if invalid. */
    static Size parseSize(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            return null;
        }
        int w = Integer.parseInt(m.group(1));
        int h = Integer.parseInt(m.group(2));
        boolean valid = w % 16 == 0 && h % 16 == 0 && w <= MAX_EDGE && h <= MAX_EDGE && w >= 16 && h >= 16
                && w <= 3 * h && h <= 3 * w;
        return valid ? new Size(w, h) : null;
    }

    /** {@code auto} for a reference image: the standard size with the closest aspect ratio. */
    static Size standardSizeLike(int width, int height) {
        if (width * 10 > height * 11) {
            return new Size(1536, 1024);
        }
        if (height * 10 > width * 11) {
            return new Size(1024, 1536);
        }
        return SQUARE;
    }

    /** A solid image in a colour no earlier call got. */
    byte[] render(Size size, String outputFormat, boolean transparent) {
        return render(size, outputFormat, transparent, colourAt(colours.getAndIncrement()));
    }

    private static byte[] render(Size size, String outputFormat, boolean transparent, Color colour) {
        boolean jpeg = "jpeg".equals(outputFormat);
        BufferedImage image = new BufferedImage(size.width(), size.height(),
                jpeg ? BufferedImage.TYPE_INT_RGB : BufferedImage.TYPE_INT_ARGB);
        int argb = transparent && !jpeg ? (colour.getRGB() & 0x00ffffff) | 0x80000000 : colour.getRGB();
        int[] row = new int[size.width()];
        java.util.Arrays.fill(row, argb);
        for (int y = 0; y < size.height(); y++) {
            image.setRGB(0, y, size.width(), 1, row, 0, size.width());
        }
        return encode(image, jpeg ? "jpeg" : "png");
    }

    String renderBase64(Size size, String outputFormat, boolean transparent) {
        if (reuseEncoded) {
            // Each variant is rendered and encoded once; later answers only copy the base64 text.
            Variant variant = new Variant(size, "jpeg".equals(outputFormat), transparent,
                    Math.floorMod(colours.getAndIncrement(), PRE_ENCODED_VARIANTS));
            return preEncoded.computeIfAbsent(variant, v -> Base64.getEncoder().encodeToString(
                    render(size, outputFormat, transparent, colourAt(v.colour()))));
        }
        return Base64.getEncoder().encodeToString(render(size, outputFormat, transparent));
    }

    /**
     * With {@code true}, answers cycle through {@link #PRE_ENCODED_VARIANTS} images per size and format, each encoded
     * once, so a benchmark charges no image encoding of the fake to the app's CPU.
     */
    void reuseEncoded(boolean reuse) {
        reuseEncoded = reuse;
    }

    private static Color colourAt(int index) {
        float hue = (index * 0.618034f) % 1f;
        return Color.getHSBColor(hue, 0.65f, 0.9f);
    }

    /** Decodes PNG, JPEG or WebP; null if the bytes are no decodable image. */
    static BufferedImage decode(byte[] bytes) {
        try {
            return ImageIO.read(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException undecodable) {
            return null;
        }
    }

    static byte[] encode(BufferedImage image, String format) {
        var out = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("no ImageIO writer for " + format);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
