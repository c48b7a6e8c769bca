package studio.imgen.storage;

/** Facts about image bytes received from upstream, for the image's metadata row. */
public record ImageInfo(ImageFormat format, int width, int height, String sha256Hex) {}
