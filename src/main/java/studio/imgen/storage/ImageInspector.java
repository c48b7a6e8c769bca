package studio.imgen.storage;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * Checks image bytes from upstream before they are stored: the format comes from the magic bytes (never from what the
 * response claims), the size from the header, and one bounded decode (at most twice the thumbnail size on the longest
 * side, so its memory does not grow with the image) proves the data is a whole image. The same decode yields the
 * thumbnail, kept for {@link Thumbnails#thumbnail(byte[])}: the bytes are never decoded twice.
 */
public class ImageInspector {

    private final long maxPixels;
    private final Thumbnails thumbnails;

    /** @param maxPixels largest width × height accepted; a side may not exceed 16,384 either */
    public ImageInspector(long maxPixels, Thumbnails thumbnails) {
        this.maxPixels = maxPixels;
        this.thumbnails = thumbnails;
    }

    /**
     * @throws UnreadableImageException when the bytes are not a decodable PNG, JPEG or WebP within the pixel budget
     * @throws CancellationException when interrupted while waiting for a decode slot (the interrupt flag is kept)
     */
    public ImageInfo inspect(byte[] bytes) {
        ImageFormat format = ImageFormat.detect(bytes)
                .orElseThrow(() -> new UnreadableImageException("Not a PNG, JPEG or WebP image"));
        try {
            ImageCodec.Header header = ImageCodec.readHeader(bytes, format);
            if (!header.fits(maxPixels)) {
                throw new UnreadableImageException(
                        "Image of " + header.width() + " × " + header.height() + " pixels exceeds the pixel budget");
            }
            // A subsampled decode still reads every row or block of the data, so truncation and corruption show.
            int subsampling = Thumbnails.subsamplingFor(header);
            byte[] thumbnail = ImageCodec.decode(bytes, format, subsampling, image -> {
                if (image.getWidth() != ceilDiv(header.width(), subsampling)
                        || image.getHeight() != ceilDiv(header.height(), subsampling)) {
                    throw new UnreadableImageException("Image data does not match its header");
                }
                return Thumbnails.fromDecoded(image);
            });
            String sha256 = ImageCodec.sha256Hex(bytes);
            thumbnails.remember(sha256, thumbnail);
            return new ImageInfo(format, header.width(), header.height(), sha256);
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

    private static int ceilDiv(int size, int subsampling) {
        return (size + subsampling - 1) / subsampling;
    }
}
