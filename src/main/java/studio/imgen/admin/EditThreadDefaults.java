package studio.imgen.admin;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import studio.imgen.base.UserInputException;

/**
 * How new edit threads of a workspace work: the mode they start in and the chat ("mainline") model that drives
 * conversation turns through the Responses API (openai-images.md §7). The mainline model is never a gpt-image id.
 */
public record EditThreadDefaults(Mode mode, String mainlineModel) {

    /** Conversation keeps OpenAI-side context per thread; direct edit re-sends the previous image (cheaper). */
    public enum Mode {
        CONVERSATION("Conversation"), DIRECT_EDIT("Direct edit");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public String dbValue() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Mode of(String value) {
            return valueOf(value.toUpperCase(Locale.ROOT));
        }
    }

    /** Chat models documented as able to call the image tool; admins may type another one. */
    public static final List<String> SUGGESTED_MAINLINE_MODELS = List.of("gpt-5", "gpt-5-nano", "gpt-5.4-mini",
            "gpt-5.4", "gpt-4.1", "gpt-4.1-mini", "gpt-4o", "gpt-4o-mini", "o3");

    private static final Pattern MODEL_ID = Pattern.compile("[a-z0-9][a-z0-9._:-]{0,63}");

    /** The trimmed model id, or a refusal saying what to change. */
    public static String validMainlineModel(String raw) {
        String id = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
        if (id.startsWith("gpt-image") || id.startsWith("dall-e")) {
            throw new UserInputException("The conversation model must be a chat model such as gpt-5, not an image"
                    + " model: it calls the image model as a tool.");
        }
        if (!MODEL_ID.matcher(id).matches()) {
            throw new UserInputException("Enter a chat model id such as gpt-5 (letters, digits, dots and dashes).");
        }
        return id;
    }
}
