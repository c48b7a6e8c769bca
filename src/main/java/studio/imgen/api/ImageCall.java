package studio.imgen.api;

import java.util.List;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.ImageOptions;

/**
 * One {@code /v1/images/generations} or {@code /v1/images/edits} call as read from its body (not yet checked against
 * the member's rules: the generation service does that, exactly as for the Generate view).
 *
 * @param images the images to edit, in the order sent (empty for a generation)
 * @param partialImages partial images to stream (0 to 3), only with {@code stream}
 */
record ImageCall(boolean edit, String prompt, ImageOptions options, boolean stream, int partialImages,
                 List<GenerationRequest.Upload> images, GenerationRequest.Upload mask) {

    /** The stream event names: {@code image_generation.*} or {@code image_edit.*}. */
    String eventPrefix() {
        return edit ? "image_edit" : "image_generation";
    }
}
