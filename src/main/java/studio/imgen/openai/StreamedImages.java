package studio.imgen.openai;

import java.util.ArrayList;
import java.util.List;

/** Collects an Images API stream: previews go to the listener at once, final images are kept for the result. */
final class StreamedImages {

    private final String requestId;
    private final ProgressListener listener;
    private final List<GeneratedImage> images = new ArrayList<>();
    private String size;
    private String quality;
    private String background;
    private String outputFormat;
    private TokenUsage usage = TokenUsage.NONE;

    StreamedImages(String requestId, ProgressListener listener) {
        this.requestId = requestId;
        this.listener = listener;
    }

    void partial(long index, String base64) {
        ImageBytes.decodePreview(base64).ifPresent(image -> listener.partialImage((int) index, image.bytes()));
    }

    /** Each completed event carries one image and (we assume) the usage of that image, so usage is summed. */
    void completed(String base64, String size, String quality, String background, String outputFormat,
            TokenUsage usage) {
        images.add(ImageBytes.decode(base64, requestId));
        this.size = size;
        this.quality = quality;
        this.background = background;
        this.outputFormat = outputFormat;
        this.usage = this.usage.plus(usage);
    }

    ImageResult result() {
        if (images.isEmpty()) {
            throw UpstreamErrors.invalidResponse("stream ended without a completed image", requestId);
        }
        return new ImageResult(images, size, quality, background, outputFormat, usage, requestId, null);
    }
}
