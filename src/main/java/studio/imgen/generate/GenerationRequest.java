package studio.imgen.generate;

import java.util.List;
import java.util.UUID;

/**
 * What a member submits from the Generate view (or any other entry point). Every field is re-validated on the server;
 * options not chosen resolve to the workspace defaults.
 *
 * @param submissionId chosen by the form once per submission, so a double click creates one job
 * @param references uploaded reference images as received (validated and re-encoded by the service)
 * @param sourceImages stored images of the workspace to edit ("Edit this image"), sent before the uploads
 * @param mask optional inpainting mask for the first input image (PNG; transparent = may change), or null
 */
public record GenerationRequest(UUID submissionId, String prompt, ImageOptions options, List<Upload> references,
                                List<UUID> sourceImages, Upload mask) {

    /** The longest prompt the images API takes for GPT-Image models, in characters; forms and the audit log use it too. */
    public static final int MAX_PROMPT = 32_000;

    public GenerationRequest {
        options = options == null ? ImageOptions.DEFAULTS : options;
        references = references == null ? List.of() : List.copyOf(references);
        sourceImages = sourceImages == null ? List.of() : List.copyOf(sourceImages);
    }

    /** A new submission of {@code prompt} with the workspace defaults. */
    public static GenerationRequest of(String prompt) {
        return of(prompt, ImageOptions.DEFAULTS);
    }

    /** A new submission of {@code prompt} with these options. */
    public static GenerationRequest of(String prompt, ImageOptions options) {
        return new GenerationRequest(UUID.randomUUID(), prompt, options, List.of(), List.of(), null);
    }

    public GenerationRequest withSubmissionId(UUID submissionId) {
        return new GenerationRequest(submissionId, prompt, options, references, sourceImages, mask);
    }

    public GenerationRequest withReferences(List<Upload> references) {
        return new GenerationRequest(submissionId, prompt, options, references, sourceImages, mask);
    }

    public GenerationRequest withSourceImages(List<UUID> sourceImages) {
        return new GenerationRequest(submissionId, prompt, options, references, sourceImages, mask);
    }

    public GenerationRequest withMask(Upload mask) {
        return new GenerationRequest(submissionId, prompt, options, references, sourceImages, mask);
    }

    /** An uploaded file: the client's name is only ever used in messages. */
    public record Upload(String displayName, byte[] bytes) {
    }
}
