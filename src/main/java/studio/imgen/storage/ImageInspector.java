package studio.imgen.storage;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks image bytes from upstream before they are stored: the format comes from the magic bytes (never from what the
 * response claims), the size from the header, and one bounded decode (at most twice the thumbnail size on the longest
 * side, so its memory does not grow with the image) proves the data is a whole image. The same decode yields the
 * thumbnail: the bytes are never decoded twice.
 */
public class ImageInspector {

    private static final Logger log = LoggerFactory.getLogger(ImageInspector.class);

    private final long maxPixels;

    /** @param maxPixels largest width × height accepted; a side may not exceed 16,384 either */
    public ImageInspector(long maxPixels) {
        this.maxPixels = maxPixels;
    }

    /**
     * What an inspection found, what {@code whenWhole} returned, and the thumbnail (empty if it could not be made: the
     * image is whole all the same, and its thumbnail is made on its first request).
     */
    public record Inspected<T>(ImageInfo info, T started, Optional<byte[]> thumbnail) {
    }

    /**
     * @throws UnreadableImageException when the bytes are not a decodable PNG, JPEG or WebP within the pixel budget
     * @throws CancellationException when interrupted while waiting for a decode slot (the interrupt flag is kept)
     */
    public Inspected<Void> inspect(byte[] bytes) {
        return inspect(bytes, info -> null);
    }

    /**
     * {@link #inspect(byte[])} that calls {@code whenWhole} as soon as the decode has proven the bytes whole, before
     * the thumbnail is made from it: work that only needs the image to be valid (storing it, recording it) can start
     * meanwhile. {@code whenWhole} must not fail or block; it is meant to start that work elsewhere.
     */
    public <T> Inspected<T> inspect(byte[] bytes, Function<ImageInfo, T> whenWhole) {
        ImageFormat format = ImageFormat.detect(bytes)
                .orElseThrow(() -> new UnreadableImageException("Not a PNG, JPEG or WebP image"));
        try {
            ImageCodec.Header header = ImageCodec.readHeader(bytes, format);
            if (!header.fits(maxPixels)) {
                throw new UnreadableImageException(
                        "Image of " + header.width() + " × " + header.height() + " pixels exceeds the pixel budget");
            }
            ImageInfo info = new ImageInfo(format, header.width(), header.height(), ImageCodec.sha256Hex(bytes));
            // A subsampled decode still reads every row or block of the data, so truncation and corruption show.
            int subsampling = Thumbnails.subsamplingFor(header);
            return ImageCodec.decode(bytes, format, subsampling, image -> {
                if (image.getWidth() != ceilDiv(header.width(), subsampling)
                        || image.getHeight() != ceilDiv(header.height(), subsampling)) {
                    throw new UnreadableImageException("Image data does not match its header");
                }
                T started = whenWhole.apply(info);
                return new Inspected<>(info, started, thumbnailOf(image));
            });
        } catch (IOException e) {
            if (e.getCause() instanceof UnreadableImageException mismatch) {
                throw mismatch;
            }
            throw new UnreadableImageException("Not a decodable " + format + " image", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting to decode an image");
        }
    }

    private static Optional<byte[]> thumbnailOf(BufferedImage image) {
        try {
            return Optional.of(Thumbnails.fromDecoded(image));
        } catch (IOException | RuntimeException e) {
            log.warn("No thumbnail from an inspected image; it is made on its first request: {}", e.toString());
            return Optional.empty();
        }
    }

    private static int ceilDiv(int size, int subsampling) {
        return (size + subsampling - 1) / subsampling;
    }
}
