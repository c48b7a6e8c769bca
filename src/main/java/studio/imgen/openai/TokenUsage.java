package studio.imgen.openai;

/**
 * Token counts as billed, split the way prices are (openai-images.md §9). When OpenAI omits the output details, all
 * output tokens count as image output tokens.
 */
public record TokenUsage(long textInputTokens, long imageInputTokens, long imageOutputTokens, long textOutputTokens) {

    public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0);

    public TokenUsage plus(TokenUsage other) {
        return new TokenUsage(textInputTokens + other.textInputTokens, imageInputTokens + other.imageInputTokens,
                imageOutputTokens + other.imageOutputTokens, textOutputTokens + other.textOutputTokens);
    }

    public long totalTokens() {
        return textInputTokens + imageInputTokens + imageOutputTokens + textOutputTokens;
    }
}
