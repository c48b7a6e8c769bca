package studio.imgen.thread;

import java.util.UUID;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.ImageOptions;

/**
 * The input bar of a thread: the edit prompt and the options a member may choose there (model, size, quality and
 * output format; not chosen: the workspace default). {@code submissionId} is chosen once per send, so a double click
 * makes one turn. {@code mask} (optional) is the inpainting mask for the thread's current image; a masked turn is
 * always a direct edit.
 */
public record TurnRequest(UUID submissionId, String prompt, ImageOptions options, GenerationRequest.Upload mask) {

    public TurnRequest {
        options = options == null ? ImageOptions.DEFAULTS : options;
    }

    /** A new turn of {@code prompt} with these options and no mask. */
    public static TurnRequest of(String prompt, ImageOptions options) {
        return new TurnRequest(UUID.randomUUID(), prompt, options, null);
    }

    public TurnRequest withMask(GenerationRequest.Upload mask) {
        return new TurnRequest(submissionId, prompt, options, mask);
    }
}
