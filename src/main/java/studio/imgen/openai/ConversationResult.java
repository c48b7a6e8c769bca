package studio.imgen.openai;

/**
 * One Responses API turn that produced an image. {@code responseId} is what the next turn passes as
 * {@code previousResponseId}. {@code mainlineUsage} is billed at the chat model's rates, {@code imageUsage}
 * ({@code tool_usage.image_gen}) at the image model's.
 */
public record ConversationResult(
        String responseId,
        String imageGenerationCallId,
        GeneratedImage image,
        String revisedPrompt,
        String outputFormat,
        String size,
        String quality,
        String background,
        TokenUsage mainlineUsage,
        TokenUsage imageUsage,
        String requestId) {

    public ConversationResult {
        mainlineUsage = mainlineUsage == null ? TokenUsage.NONE : mainlineUsage;
        imageUsage = imageUsage == null ? TokenUsage.NONE : imageUsage;
    }
}
