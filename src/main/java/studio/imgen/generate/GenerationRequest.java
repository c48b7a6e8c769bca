package studio.imgen.generate;

import java.util.List;
import java.util.UUID;

/**
 * What a member submits from the Generate view (or any other entry point). Every field is re-validated on the server;
 * null model/size/quality mean "not chosen" and resolve to the workspace defaults.
 *
 * @param submissionId chosen by the form once per submission, so a double click creates one job
 * @param references uploaded reference images as received (validated and re-encoded by the service)
 * @param sourceImages stored images of the workspace to edit ("Edit this image"), sent before the uploads
 * @param mask optional inpainting mask for the first input image (PNG; transparent = may change), or null
 */
public record GenerationRequest(UUID submissionId, String prompt, String model, String size, String quality,
                                Integer n, String background, String outputFormat, Integer outputCompression,
                                String moderation, String inputFidelity, List<Upload> references,
                                List<UUID> sourceImages, Upload mask) {

    /** The longest prompt the images API takes for GPT-Image models, in characters; forms and the audit log use it too. */
    public static final int MAX_PROMPT = 32_000;

    public GenerationRequest {
        references = references == null ? List.of() : List.copyOf(references);
        sourceImages = sourceImages == null ? List.of() : List.copyOf(sourceImages);
    }

    /** A request without a mask. */
    public GenerationRequest(UUID submissionId, String prompt, String model, String size, String quality, Integer n,
                             String background, String outputFormat, Integer outputCompression, String moderation,
                             String inputFidelity, List<Upload> references, List<UUID> sourceImages) {
        this(submissionId, prompt, model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity, references, sourceImages, null);
    }

    /** A request without stored source images. */
    public GenerationRequest(UUID submissionId, String prompt, String model, String size, String quality, Integer n,
                             String background, String outputFormat, Integer outputCompression, String moderation,
                             String inputFidelity, List<Upload> references) {
        this(submissionId, prompt, model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity, references, List.of());
    }

    /** An uploaded file: the client's name is only ever used in messages. */
    public record Upload(String displayName, byte[] bytes) {
    }
}
