package studio.imgen.generate;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A generation as its owner and workspace see it: the options as resolved and sent (all set but the input fidelity
 * and the compression, which are optional), outcome, cost, images, and for a
 * conversation turn how it went upstream; {@code masked}: an edit that came with an inpainting mask.
 */
public record GenerationDetails(UUID id, UUID workspaceId, UUID userId, String userName, String kind,
                                GenerationStatus status, String prompt, ImageOptions options, int referenceCount,
                                String errorMessage,
                                Long textInputTokens, Long imageInputTokens, Long imageOutputTokens, Long costMicros,
                                boolean costEstimated, Instant createdAt, Instant startedAt, Instant finishedAt, List<GeneratedImageView> images,
                                Conversation conversation, boolean masked) {

    /**
     * How a conversation turn went upstream (null for Images API generations): the chat model, the response it
     * produced (what the next turn continues; null when it fell back) and why the turn became a direct edit of the
     * previous image, if it did.
     */
    public record Conversation(String mainlineModel, String responseId, Fallback fallback, Long mainlineInputTokens,
                               Long mainlineOutputTokens) {

        public boolean fellBack() {
            return fallback != null;
        }
    }

    /** Why a conversation turn became a direct edit. */
    public enum Fallback {
        /** OpenAI no longer had the conversation. */
        CONVERSATION_EXPIRED,
        /** The chat model was shut down and nothing offered replaces it. */
        CHAT_MODEL_SHUT_DOWN;

        static Fallback of(String dbValue) {
            return dbValue == null ? null : valueOf(dbValue.toUpperCase(java.util.Locale.ROOT));
        }

        String dbValue() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public String title() {
        return "edit".equals(kind) ? "Edited Image" : "Generated Image";
    }
}
