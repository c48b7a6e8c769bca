package studio.imgen.storage;

/**
 * An upload that passed validation, already re-encoded: these bytes, not the client's, are stored and sent upstream.
 *
 * @param format PNG or JPEG (WebP uploads become PNG, because ImageIO cannot write WebP)
 * @param sha256Hex of {@code bytes}, lower-case hex
 */
public record ValidatedImage(byte[] bytes, ImageFormat format, int width, int height, String sha256Hex) {}
