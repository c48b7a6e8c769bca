package studio.imgen.storage;

/**
 * Limits for one upload point. Sizes are decimal (1 MB = 1,000,000 bytes), as in OpenAI's documentation, so a
 * file the app accepts is never one the API calls too large.
 *
 * @param maxBytes largest accepted file, at most the API's 50 MB
 * @param maxPixels largest width × height, checked from the header before decoding; a side may not exceed 16,384
 * @param maxFiles most reference images in one request (the model's own limit may be lower)
 * @param maxTotalBytes cap on the re-encoded images of one request together
 */
public record UploadLimits(long maxBytes, long maxPixels, int maxFiles, long maxTotalBytes) {

    /** The images API refuses files of 50 MB or more. */
    public static final long API_MAX_BYTES = 50_000_000;

    public UploadLimits {
        if (maxBytes < 1 || maxBytes > API_MAX_BYTES) {
            throw new IllegalArgumentException("maxBytes must be between 1 and " + API_MAX_BYTES);
        }
        if (maxPixels < 1 || maxFiles < 1 || maxTotalBytes < 1) {
            throw new IllegalArgumentException("maxPixels, maxFiles and maxTotalBytes must be positive");
        }
    }

    /** 25 MB per image, 40 megapixels, 16 images (the API's maximum), 100 MB per request. */
    public static UploadLimits defaults() {
        return new UploadLimits(25_000_000, 40_000_000, 16, 100_000_000);
    }

    /** The same limits with a model's own cap on the number of reference images. */
    public UploadLimits withMaxFiles(int files) {
        return new UploadLimits(maxBytes, maxPixels, files, maxTotalBytes);
    }
}
