package studio.imgen.storage;

/** Bytes that should be an image (for example an upstream result) are not a decodable PNG, JPEG or WebP. */
public class UnreadableImageException extends RuntimeException {

    public UnreadableImageException(String message) {
        super(message);
    }

    public UnreadableImageException(String message, Throwable cause) {
        super(message, cause);
    }
}
