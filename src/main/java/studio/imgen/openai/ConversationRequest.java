package studio.imgen.openai;

import java.util.List;

/**
 * One turn of a Responses API conversation with the {@code image_generation} tool (forced).
 *
 * <p>Happy path: pass {@code previousResponseId} and only the new text. When OpenAI no longer has that response
 * ({@link FailureKind#PREVIOUS_RESPONSE_NOT_FOUND}), resend statelessly: no previous id, the latest image in
 * {@code inputImages} (sent as {@code input_image} data URLs).
 *
 * @param mainlineModel the chat model that calls the tool, never a gpt-image id
 * @param imageModel the image model the tool uses; always sent because the defaults disagree
 */
public record ConversationRequest(
        String mainlineModel,
        String imageModel,
        String prompt,
        List<InputImage> inputImages,
        String previousResponseId,
        ImageToolOptions tool,
        String safetyIdentifier) {

    public ConversationRequest {
        Requests.requireText(mainlineModel, "mainlineModel");
        Requests.requireText(imageModel, "imageModel");
        Requests.requireText(prompt, "prompt");
        inputImages = inputImages == null ? List.of() : List.copyOf(inputImages);
        tool = tool == null ? ImageToolOptions.DEFAULTS : tool;
    }

    int partialImages() {
        return tool.partialImages();
    }
}
