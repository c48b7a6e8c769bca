package studio.imgen.thread;

import java.util.UUID;

/**
 * The input bar of a thread: the edit prompt and the options a member may choose (null: the workspace default).
 * {@code submissionId} is chosen once per send, so a double click makes one turn.
 */
public record TurnRequest(UUID submissionId, String prompt, String model, String size, String quality,
                          String outputFormat) {
}
