package studio.imgen.openai;

/**
 * {@code POST /v1/images/generations}. Model and prompt are required; every other knob is sent only when non-null.
 * Values are open strings because newer models add sizes and qualities.
 *
 * @param outputCompression 0-100, sent only with {@code jpeg} or {@code webp} output
 * @param moderation sent only when {@code "low"} ({@code "auto"} is OpenAI's default)
 * @param partialImages 0-3; above 0 the streaming endpoint is used and previews reach the listener
 * @param safetyIdentifier a stable, hashed end-user id
 */
public record GenerateRequest(
        String model,
        String prompt,
        String size,
        String quality,
        Integer n,
        String background,
        String outputFormat,
        Integer outputCompression,
        String moderation,
        int partialImages,
        String safetyIdentifier) {

    public GenerateRequest {
        Requests.requireText(model, "model");
        Requests.requireText(prompt, "prompt");
        Requests.requirePartialImages(partialImages);
    }

    /** A request with only model and prompt; OpenAI's defaults apply to everything else. */
    public static GenerateRequest of(String model, String prompt) {
        return new GenerateRequest(model, prompt, null, null, null, null, null, null, null, 0, null);
    }
}
