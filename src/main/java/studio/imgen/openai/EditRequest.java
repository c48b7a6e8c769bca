package studio.imgen.openai;

import java.util.List;

/**
 * {@code POST /v1/images/edits} (multipart). There is no moderation knob: the multipart form does not accept one.
 *
 * <p>All {@code images} must share one MIME type, because the SDK sends one content type (and one file name, the
 * first image's) for every {@code image[]} part; convert mixed inputs to PNG before calling. The {@code mask} is a
 * PNG with alpha, the size of the first image, and applies to it.
 */
public record EditRequest(
        String model,
        String prompt,
        List<InputImage> images,
        InputImage mask,
        String size,
        String quality,
        Integer n,
        String background,
        String outputFormat,
        Integer outputCompression,
        String inputFidelity,
        int partialImages,
        String safetyIdentifier) {

    static final int MAX_IMAGES = 16;

    public EditRequest {
        Requests.requireText(model, "model");
        Requests.requireText(prompt, "prompt");
        Requests.requirePartialImages(partialImages);
        images = List.copyOf(images);
        if (images.isEmpty() || images.size() > MAX_IMAGES) {
            throw new IllegalArgumentException("an edit takes 1 to " + MAX_IMAGES + " images");
        }
        String mimeType = images.get(0).mimeType();
        if (images.stream().anyMatch(image -> !image.mimeType().equals(mimeType))) {
            throw new IllegalArgumentException("all edit images must share one MIME type");
        }
        if (mask != null && !"image/png".equals(mask.mimeType())) {
            throw new IllegalArgumentException("the mask must be a PNG");
        }
    }

    /** An edit with only model, prompt and images; OpenAI's defaults apply to everything else. */
    public static EditRequest of(String model, String prompt, List<InputImage> images) {
        return new EditRequest(model, prompt, images, null, null, null, null, null, null, null, null, 0, null);
    }
}
