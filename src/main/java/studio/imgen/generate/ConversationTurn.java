package studio.imgen.generate;

/**
 * Makes a generation a conversation turn: it goes through the Responses API with the image tool instead of the
 * Images API. The request's source image is the previous turn's stored image: it is sent as the turn's input when
 * there is no {@code previousResponseId}, and as a direct edit when OpenAI no longer has that response.
 *
 * @param mainlineModel the chat model calling the image tool (workspace setting), never a gpt-image id
 * @param previousResponseId the response the previous turn produced, or null to start a new conversation
 */
public record ConversationTurn(String mainlineModel, String previousResponseId) {

    public ConversationTurn {
        if (mainlineModel == null || mainlineModel.isBlank()) {
            throw new IllegalArgumentException("a conversation turn needs a mainline model");
        }
    }
}
