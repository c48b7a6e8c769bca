package studio.imgen.generate;

/**
 * How a conversation turn went, for the job row: the chat model really sent (a replacement of a shut-down one), the
 * response that continues the conversation and the chat model's tokens, or why it became a direct edit. All null for a
 * plain Images API call.
 */
record TurnOutcome(String mainlineModel, String responseId, Long mainlineInputTokens, Long mainlineOutputTokens,
                   GenerationDetails.Fallback fallback) {

    static final TurnOutcome NONE = new TurnOutcome(null, null, null, null, null);

    static TurnOutcome answered(String chatModel, String responseId, long inputTokens, long outputTokens) {
        return new TurnOutcome(chatModel, responseId, inputTokens, outputTokens, null);
    }

    /** A direct edit instead of the turn; {@code chatModel} is null when no chat model could be sent at all. */
    static TurnOutcome fellBack(String chatModel, GenerationDetails.Fallback why) {
        return new TurnOutcome(chatModel, null, null, null, why);
    }
}
