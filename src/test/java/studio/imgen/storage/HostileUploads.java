package studio.imgen.storage;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.WritableRaster;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The hostile-upload corpus of issue 8 and security-reliability.md §6 rows 19–22, built in code (nothing binary is
 * committed). Each file says what must happen to it: refused with a message for the user, or decoded and re-encoded
 * to a clean image of the stated format. Used by the validator test and by the submission-path test alike.
 */
public final class HostileUploads {

    private static final String NOT_AN_IMAGE = " is not a PNG, JPEG or WebP image.";
    private static final String UNREADABLE = " could not be read as an image.";
    private static final String PIXEL_FORMAT = " uses an unsupported pixel format.";

    private HostileUploads() {
    }

    /**
     * One corpus file.
     *
     * @param refusal the start of the message the user gets, after the quoted file name; empty when it is re-encoded
     * @param reencodedAs the stored format when it is accepted
     */
    public record Upload(String label, String fileName, byte[] bytes, Optional<String> refusal,
                         Optional<ImageFormat> reencodedAs) {

        public String expectedMessageStart() {
            return "“" + fileName + "”" + refusal.orElseThrow();
        }

        @Override
        public String toString() {
            return label + " (" + fileName + ", " + bytes.length + " bytes)";
        }
    }

    public static List<Upload> corpus() {
        byte[] png = Fixtures.png(64, 64);
        byte[] jpeg = Fixtures.jpeg(256, 256);
        return List.of(
                refused("zero bytes", "empty.png", new byte[0], " is empty."),
                refused("truncated PNG", "cut.png", Arrays.copyOf(png, png.length / 2), UNREADABLE),
                refused("truncated JPEG", "cut.jpg", Arrays.copyOf(jpeg, jpeg.length * 3 / 4), UNREADABLE),
                refused("truncated WebP", "cut.webp", Arrays.copyOf(Fixtures.WEBP_64X48_LOSSY, 40), UNREADABLE),
                reencoded("polyglot PNG + HTML named .html", "x.html", polyglot(), ImageFormat.PNG),
                refused("SVG with script, named .png", "logo.png", ascii("<?xml version=\"1.0\"?><svg xmlns="
                        + "\"http://www.w3.org/2000/svg\" width=\"64\" height=\"64\"><script>alert(1)</script></svg>"), NOT_AN_IMAGE),
                refused("HTML named .png", "page.png", ascii("<!doctype html><html><script>alert(1)</script></html>"), NOT_AN_IMAGE),
                refused("PDF", "doc.png", ascii("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n%%EOF\n"), NOT_AN_IMAGE),
                refused("ZIP", "archive.png", new byte[] {'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0}, NOT_AN_IMAGE),
                refused("static GIF", "still.gif", Fixtures.write(Fixtures.picture(16, 16, BufferedImage.TYPE_BYTE_INDEXED), "gif"),
                        NOT_AN_IMAGE),
                refused("animated GIF", "moving.gif", Fixtures.animatedGif(), NOT_AN_IMAGE),
                refused("data: URI as text", "inline.png", ascii("data:image/svg+xml;base64,PHN2Zz48L3N2Zz4="), NOT_AN_IMAGE),
                refused("CMYK JPEG", "print.jpg", Fixtures.cmykJpeg(32, 32), PIXEL_FORMAT),
                refused("16-bit PNG", "deep.png", Fixtures.rgb16Png(16, 16), PIXEL_FORMAT),
                refused("grayscale + alpha PNG", "gray-alpha.png", grayAlphaPng(16, 16), PIXEL_FORMAT),
                refused("50,000 × 50,000 declared in the header", "bomb.png", bomb(), " is 50000 × 50000 pixels."),
                reencoded("3 MB tEXt chunk", "chatty.png", hugeTextChunk(), ImageFormat.PNG),
                reencoded("3 MB of EXIF in APP1 segments", "chatty.jpg", hugeExif(), ImageFormat.JPEG),
                reencoded("JPEG named .png", "photo.png", Fixtures.jpeg(48, 32), ImageFormat.JPEG),
                reencoded("PNG named .exe", "setup.exe", Fixtures.rgbaPng(20, 20), ImageFormat.PNG),
                reencoded("WebP named .jpg", "sticker.jpg", Fixtures.WEBP_64X48_LOSSY, ImageFormat.PNG));
    }

    /** A tiny PNG whose header claims 50,000 × 50,000 RGBA pixels (10 GB decoded). */
    public static byte[] bomb() {
        return Fixtures.pngHeader(50_000, 50_000);
    }

    public static boolean contains(byte[] bytes, String text) {
        return Fixtures.contains(bytes, text);
    }

    /** PNG chunk types (for checking that metadata chunks are gone). */
    public static List<String> pngChunkTypes(byte[] png) {
        return Fixtures.pngChunkTypes(png);
    }

    /** A valid PNG with script in a text chunk and an HTML document appended after IEND. */
    static byte[] polyglot() {
        return Fixtures.concat(Fixtures.withChunkAfterHeader(Fixtures.png(8, 8), "tEXt",
                        ascii("Comment\0<script>alert('chunk')</script>")),
                ascii("<html><script>alert(document.cookie)</script></html>"));
    }

    static byte[] hugeTextChunk() {
        byte[] text = new byte[3_000_000];
        Arrays.fill(text, (byte) 'm');
        return Fixtures.withChunkAfterHeader(Fixtures.png(32, 32), "tEXt", Fixtures.concat(ascii("Comment\0"), text));
    }

    /** 46 APP1 segments of 65,000 bytes each (a segment holds at most 65,533): about 3 MB of EXIF-like metadata. */
    static byte[] hugeExif() {
        byte[] jpeg = Fixtures.jpeg(32, 32);
        byte[] filler = new byte[65_000 - 6];
        Arrays.fill(filler, (byte) 'x');
        byte[] payload = Fixtures.concat(ascii("Exif\0\0"), filler);
        for (int i = 0; i < 46; i++) {
            jpeg = Fixtures.withSegmentAfterSoi(jpeg, 0xE1, payload);
        }
        return jpeg;
    }

    static byte[] grayAlphaPng(int width, int height) {
        ComponentColorModel model = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_GRAY), true, false,
                Transparency.TRANSLUCENT, DataBuffer.TYPE_BYTE);
        WritableRaster raster = model.createCompatibleWritableRaster(width, height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                raster.setPixel(x, y, new int[] {x * 16 % 256, y * 16 % 256});
            }
        }
        return Fixtures.write(new BufferedImage(model, raster, false, null), "png");
    }

    private static Upload refused(String label, String fileName, byte[] bytes, String refusal) {
        return new Upload(label, fileName, bytes, Optional.of(refusal), Optional.empty());
    }

    private static Upload reencoded(String label, String fileName, byte[] bytes, ImageFormat format) {
        return new Upload(label, fileName, bytes, Optional.empty(), Optional.of(format));
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
