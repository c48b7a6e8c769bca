package studio.imgen.openai;

/**
 * Why an OpenAI call failed, as far as the app cares. Each kind carries the sentence a member sees
 * (imgen-behaviour.md §4.6); raw upstream text never goes into it.
 */
public enum FailureKind {
    MODERATION_BLOCKED("Request rejected by the safety system."),
    INVALID_KEY("The workspace's OpenAI key was rejected. Ask a workspace admin to check it."),
    PERMISSION_DENIED("OpenAI refused access for the workspace's key (permission or region). "
            + "Ask a workspace admin to check it."),
    INSUFFICIENT_QUOTA("The workspace's OpenAI account has run out of credit. A workspace admin has been told."),
    RATE_LIMITED("OpenAI's rate limit for this workspace was reached; try again in a moment."),
    MODEL_NOT_AVAILABLE("That model is no longer available to this workspace. Choose another model; a workspace"
            + " admin has been told."),
    PREVIOUS_RESPONSE_NOT_FOUND("The earlier turn of this conversation is no longer available at OpenAI."),
    INVALID_IMAGE("One of the images could not be used (PNG, JPEG or WEBP, RGB/RGBA)."),
    BAD_REQUEST("OpenAI refused the request."),
    UPSTREAM_ERROR("Image generation failed or timed out. Try again."),
    TIMEOUT("Image generation failed or timed out. Try again."),
    INVALID_RESPONSE("No image was generated. The API may have refused the prompt or encountered an error.");

    private final String userMessage;

    FailureKind(String userMessage) {
        this.userMessage = userMessage;
    }

    /** The member-facing sentence for this kind, without call-specific additions. */
    public String defaultUserMessage() {
        return userMessage;
    }
}
