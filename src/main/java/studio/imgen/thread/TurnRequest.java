package studio.imgen.thread;

import java.util.UUID;
import studio.imgen.generate.GenerationRequest;

/**
 * The input bar of a thread: the edit prompt and the options a member may choose (null: the workspace default).
 * {@code submissionId} is chosen once per send, so a double click makes one turn. {@code mask} (optional) is the
 * inpainting mask for the thread's current image; a masked turn is always a direct edit.
 */
public record TurnRequest(UUID submissionId, String prompt, String model, String size, String quality,
                          String outputFormat, GenerationRequest.Upload mask) {

    /** A turn without a mask. */
    public TurnRequest(UUID submissionId, String prompt, String model, String size, String quality,
                       String outputFormat) {
        this(submissionId, prompt, model, size, quality, outputFormat, null);
    }
}
