package studio.imgen.generate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A generation as its owner and workspace see it: parameters as resolved and sent, outcome, cost, images, and for a
 * conversation turn how it went upstream.
 */
public record GenerationDetails(UUID id, UUID workspaceId, UUID userId, String userName, String kind,
                                GenerationStatus status, String prompt, String model, String size, String quality,
                                int n, String background, String outputFormat, Integer outputCompression,
                                String moderation, String inputFidelity, int referenceCount, String errorMessage,
                                Long textInputTokens, Long imageInputTokens, Long imageOutputTokens, Long costMicros,
                                Instant createdAt, Instant startedAt, Instant finishedAt, List<GeneratedImageView> images,
                                Conversation conversation) {

    /**
     * How a conversation turn went upstream (null for Images API generations): the chat model, the response it
     * produced (what the next turn continues; null when it fell back) and whether OpenAI had forgotten the
     * conversation so the turn became a direct edit of the previous image.
     */
    public record Conversation(String mainlineModel, String responseId, boolean fellBack, Long mainlineInputTokens,
                               Long mainlineOutputTokens) {
    }

    public String title() {
        return "edit".equals(kind) ? "Edited Image" : "Generated Image";
    }
}
