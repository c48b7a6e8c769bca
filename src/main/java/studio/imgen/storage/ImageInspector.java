package studio.imgen.storage;

import java.io.IOException;
import java.util.concurrent.CancellationException;

/**
 * Checks image bytes from upstream before they are stored: the format comes from the magic bytes (never from what the
 * response claims), the size from the header, and a full bounded decode proves the data is a whole image.
 */
public class ImageInspector {

    private final long maxPixels;

    /** @param maxPixels largest width × height accepted; a side may not exceed 16,384 either */
    public ImageInspector(long maxPixels) {
        this.maxPixels = maxPixels;
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
            ImageCodec.Header decoded = ImageCodec.decode(bytes, format, 1,
                    image -> new ImageCodec.Header(image.getWidth(), image.getHeight()));
            if (!decoded.equals(header)) {
                throw new UnreadableImageException("Image data does not match its header");
            }
            return new ImageInfo(format, header.width(), header.height(), ImageCodec.sha256Hex(bytes));
        } catch (IOException e) {
            throw new UnreadableImageException("Not a decodable " + format + " image", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Interrupted while waiting to decode an image");
        }
    }
}
