package studio.imgen.storage;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/**
 * Small JPEG previews for galleries: longest side at most 512 px, never upscaled, transparency shown as white. A result
 * from upstream gets its thumbnail from {@link ImageInspector}'s decode; this class makes the others (uploads, a
 * thumbnail missing from storage, previews).
 */
public class Thumbnails {

    public static final int MAX_SIDE = 512;

    static final float QUALITY = 0.85f;

    private final long maxPixels;

    /** @param maxPixels largest source width × height accepted; a side may not exceed 16,384 either */
    public Thumbnails(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * @throws UnreadableImageException when the bytes are not a decodable PNG, JPEG or WebP within the pixel budget
     * @throws CancellationException when interrupted while waiting for a decode slot (the interrupt flag is kept)
     */
    public byte[] thumbnail(byte[] imageBytes) {
        return decoded(imageBytes, "image", (format, subsampling) ->
                ImageCodec.decode(imageBytes, format, subsampling, Thumbnails::fromDecoded));
    }

    /**
     * A thumbnail of a streamed preview, or empty when {@code stillWanted} says no once a decode slot is free: previews
     * wait behind final images, and one that went stale meanwhile is not decoded at all.
     *
     * @throws UnreadableImageException when the bytes are not a decodable PNG, JPEG or WebP within the pixel budget
     * @throws CancellationException when interrupted while waiting for a decode slot (the interrupt flag is kept)
     */
    public Optional<byte[]> preview(byte[] imageBytes, BooleanSupplier stillWanted) {
        return Optional.ofNullable(decoded(imageBytes, "preview", (format, subsampling) ->
                ImageCodec.decodePreview(imageBytes, format, subsampling, stillWanted, Thumbnails::fromDecoded)));
    }

    /** One decode of a thumbnail's source, within the pixel budget; {@code what} names it in the refusals. */
    private <T> T decoded(byte[] imageBytes, String what, Decode<T> decode) {
        ImageFormat format = ImageFormat.detect(imageBytes)
                .orElseThrow(() -> new UnreadableImageException("Not a PNG, JPEG or WebP image"));
        try {
            ImageCodec.Header header = ImageCodec.readHeader(imageBytes, format);
            if (!header.fits(maxPixels)) {
                throw new UnreadableImageException("Image too large for a thumbnail");
            }
            return decode.at(format, subsamplingFor(header));
        } catch (IOException e) {
            throw new UnreadableImageException("Could not make a thumbnail from a " + format + " " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting to decode the " + what);
        }
    }

    @FunctionalInterface
    private interface Decode<T> {
        T at(ImageFormat format, int subsampling) throws IOException, InterruptedException;
    }

    /** Decoding every n-th pixel keeps at least twice the thumbnail size for a smooth resize, and saves memory. */
    static int subsamplingFor(ImageCodec.Header header) {
        return Math.max(1, Math.max(header.width(), header.height()) / (2 * MAX_SIDE));
    }

    static byte[] fromDecoded(BufferedImage source) throws IOException {
        return ImageCodec.encodeJpeg(shrink(onWhite(source)), QUALITY);
    }

    /** Flattening before resizing keeps transparent edges from turning into dark fringes. */
    private static BufferedImage onWhite(BufferedImage source) {
        BufferedImage flat = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = flat.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, flat.getWidth(), flat.getHeight());
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
        return flat;
    }

    private static BufferedImage shrink(BufferedImage image) throws IOException {
        int longest = Math.max(image.getWidth(), image.getHeight());
        if (longest <= MAX_SIDE) {
            return image;
        }
        double scale = (double) MAX_SIDE / longest;
        int width = Math.max(1, (int) Math.round(image.getWidth() * scale));
        int height = Math.max(1, (int) Math.round(image.getHeight() * scale));
        return net.coobird.thumbnailator.Thumbnails.of(image).forceSize(width, height).asBufferedImage();
    }
}
