package studio.imgen.storage;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;
import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Header reads, bounded decodes and metadata-free encodes. Any failure inside a decoder, checked or not, comes out as
 * an {@link IOException}, so callers have one thing to turn into "could not be read".
 */
final class ImageCodec {

    /** Longest side accepted anywhere, whatever the pixel budget. */
    static final int MAX_SIDE = 16_384;

    static final float JPEG_QUALITY = 0.92f;

    /**
     * One gate for the whole JVM, because what it protects is the JVM's: its cores (a decode is CPU-bound, so more at
     * once only thrash) and its heap (each decode holds a raster, up to the pixel budget at 4 bytes per pixel). As
     * many decodes as cores by default ({@code app.storage.decode-permits}); final images before previews.
     */
    private static final DecodeGate GATE = new DecodeGate(Runtime.getRuntime().availableProcessors());

    /** Decodes since start: the decode that costs a result its CPU, counted so a test can see it happen once. */
    private static final LongAdder DECODES = new LongAdder();

    record Header(int width, int height) {

        boolean fits(long maxPixels) {
            return width <= MAX_SIDE && height <= MAX_SIDE && (long) width * height <= maxPixels;
        }
    }

    private ImageCodec() {}

    /** Dimensions from the header only; no pixel data is decoded. */
    static Header readHeader(byte[] bytes, ImageFormat format) throws IOException {
        ImageReader reader = reader(format);
        try (ImageInputStream input = new StrictImageInputStream(bytes)) {
            reader.setInput(input, true, true);
            Header header = new Header(reader.getWidth(0), reader.getHeight(0));
            if (header.width() <= 0 || header.height() <= 0) {
                throw new IIOException("Image without pixels");
            }
            return header;
        } catch (RuntimeException e) {
            throw new IIOException("Decoder failed on the header", e);
        } finally {
            reader.dispose();
        }
    }

    /** Whether the header declares 8-bit RGB or RGBA, the only pixel modes the OpenAI edit endpoint accepts. */
    static boolean hasRgbOrRgbaPixels(byte[] bytes, ImageFormat format) throws IOException {
        return switch (format) {
            case PNG -> {
                // IHDR is always the first chunk: bit depth at offset 24, colour type at 25 (2 = RGB, 6 = RGBA).
                if (bytes.length < 26 || bytes[12] != 'I' || bytes[13] != 'H' || bytes[14] != 'D' || bytes[15] != 'R') {
                    throw new IIOException("PNG without IHDR");
                }
                yield bytes[24] == 8 && (bytes[25] == 2 || bytes[25] == 6);
            }
            case JPEG -> {
                // Three 8-bit components is YCbCr or RGB; one is grayscale, four is CMYK or YCCK.
                JpegSegments.Frame frame = JpegSegments.frame(bytes);
                yield frame.precision() == 8 && frame.components() == 3;
            }
            case WEBP -> true; // VP8 and VP8L always decode to RGB or RGBA
        };
    }

    /** What to do with a decoded image while its memory is still accounted for by the decode permit. */
    @FunctionalInterface
    interface DecodedWork<T> {
        T apply(BufferedImage image) throws IOException;
    }

    /**
     * Decodes the first image and hands it to {@code work}, both under one decode permit, so the permit covers the
     * whole life of the full-size image (re-encoding included), not just the decoder. A decoder warning (a truncated
     * JPEG decodes to grey with only a warning) counts as a failure: nothing half-read is accepted.
     *
     * @param subsampling keep every n-th pixel in both directions (1 for full size), to bound memory for previews
     */
    static <T> T decode(byte[] bytes, ImageFormat format, int subsampling, DecodedWork<T> work)
            throws IOException, InterruptedException {
        if (format == ImageFormat.PNG && !isPlausiblePng(bytes)) {
            throw new IIOException("PNG too short for its declared dimensions");
        }
        GATE.acquireFinal();
        try {
            return decodeHolding(bytes, format, subsampling, work);
        } finally {
            GATE.release();
        }
    }

    /**
     * {@link #decode} for a preview: it waits behind every final image waiting to be decoded, and is skipped (null)
     * when {@code stillWanted} says no once its turn has come, so a preview that went stale while it waited (its
     * job's final image arrived, or a newer preview) costs no decode.
     */
    static <T> T decodePreview(byte[] bytes, ImageFormat format, int subsampling, BooleanSupplier stillWanted,
                               DecodedWork<T> work) throws IOException, InterruptedException {
        if (format == ImageFormat.PNG && !isPlausiblePng(bytes)) {
            throw new IIOException("PNG too short for its declared dimensions");
        }
        GATE.acquirePreview();
        try {
            return stillWanted.getAsBoolean() ? decodeHolding(bytes, format, subsampling, work) : null;
        } finally {
            GATE.release();
        }
    }

    private static <T> T decodeHolding(byte[] bytes, ImageFormat format, int subsampling, DecodedWork<T> work)
            throws IOException {
        DECODES.increment();
        try {
            return work.apply(read(bytes, format, subsampling));
        } catch (RuntimeException e) {
            throw new IIOException("Processing the decoded image failed", e);
        }
    }

    /**
     * Deflate cannot compress better than 1032:1, so a PNG shorter than its raw pixel rows / 1032 is lying about its
     * size. Refusing it here avoids allocating the full image (the PNG reader does that before reading any pixels).
     */
    static boolean isPlausiblePng(byte[] png) throws IIOException {
        if (png.length < 26) {
            throw new IIOException("PNG without IHDR");
        }
        ByteBuffer ihdr = ByteBuffer.wrap(png, 16, 10);
        long width = Integer.toUnsignedLong(ihdr.getInt());
        long height = Integer.toUnsignedLong(ihdr.getInt());
        int bitsPerPixel = (png[24] & 0xFF) * switch (png[25]) {
            case 2 -> 3; // RGB
            case 4 -> 2; // gray + alpha
            case 6 -> 4; // RGBA
            default -> 1; // gray, palette
        };
        long rawBytes = height * (1 + (width * bitsPerPixel + 7) / 8);
        return (long) png.length * 1032 >= rawBytes;
    }

    private static BufferedImage read(byte[] bytes, ImageFormat format, int subsampling) throws IOException {
        ImageReader reader = reader(format);
        List<String> warnings = new ArrayList<>();
        try (ImageInputStream input = new StrictImageInputStream(bytes)) {
            reader.setInput(input, true, true);
            reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
            ImageReadParam param = reader.getDefaultReadParam();
            param.setSourceSubsampling(subsampling, subsampling, 0, 0);
            BufferedImage image = reader.read(0, param);
            if (!warnings.isEmpty()) {
                throw new IIOException("Decoder warning: " + warnings.get(0));
            }
            return image;
        } catch (RuntimeException e) {
            throw new IIOException("Decoder failed", e);
        } finally {
            reader.dispose();
        }
    }

    /** PNG without any metadata: the writer gets none to copy, so EXIF, XMP and text chunks vanish. */
    static byte[] encodePng(BufferedImage image) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        return write(writer, image, writer.getDefaultWriteParam());
    }

    /** JPEG without any metadata (only the writer's own JFIF header). The image must not have alpha. */
    static byte[] encodeJpeg(BufferedImage image, float quality) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
        return write(writer, image, param);
    }

    private static byte[] write(ImageWriter writer, BufferedImage image, ImageWriteParam param) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(output);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (RuntimeException e) {
            throw new IIOException("Encoder failed", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /**
     * The image as 8-bit sRGB with or without alpha. Types the writers handle directly pass through; anything else
     * (embedded colour profiles, odd layouts) is drawn into a standard type, which also converts its colours.
     */
    static BufferedImage standardRgb(BufferedImage image) {
        switch (image.getType()) {
            case BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
                    BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR -> {
                return image;
            }
            default -> {
                int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
                BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), type);
                Graphics2D g = copy.createGraphics();
                try {
                    g.setComposite(AlphaComposite.Src);
                    g.drawImage(image, 0, 0, null);
                } finally {
                    g.dispose();
                }
                return copy;
            }
        }
    }

    static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JVM has SHA-256", e);
        }
    }

    static long decodes() {
        return DECODES.sum();
    }

    /** Permits free now; all of them ({@link #decodePermits()}) when no decode runs. */
    static int availableDecodePermits() {
        return GATE.available();
    }

    static int decodePermits() {
        return GATE.permits();
    }

    /** @param permits decodes at once; 0 or less means one per core */
    static void setDecodePermits(int permits) {
        GATE.resize(permits > 0 ? permits : Runtime.getRuntime().availableProcessors());
    }

    private static ImageReader reader(ImageFormat format) throws IOException {
        return switch (format) {
            case PNG -> ImageIO.getImageReadersByFormatName("png").next();
            case JPEG -> ImageIO.getImageReadersByFormatName("jpeg").next();
            // Direct, not through ImageIO's registry, which may not see plugins nested in a Spring Boot jar.
            case WEBP -> new WebPImageReaderSpi().createReaderInstance(null);
        };
    }
}
