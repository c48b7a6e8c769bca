package studio.imgen.openai;

import java.util.List;

/**
 * A successful Images API call. {@code size}, {@code quality}, {@code background} and {@code outputFormat} are what
 * OpenAI echoed (null when it did not say); {@code requestId} is the {@code x-request-id} for support and the audit
 * log; {@code revisedPrompt} is null for GPT image models.
 */
public record ImageResult(
        List<GeneratedImage> images,
        String size,
        String quality,
        String background,
        String outputFormat,
        TokenUsage usage,
        String requestId,
        String revisedPrompt) {

    public ImageResult {
        images = List.copyOf(images);
        if (images.isEmpty()) {
            throw new IllegalArgumentException("a result has at least one image");
        }
        usage = usage == null ? TokenUsage.NONE : usage;
    }
}
