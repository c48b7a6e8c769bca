package studio.imgen.admin;

import java.util.Locale;

/**
 * How new edit threads of a workspace work: the mode they start in and the chat ("mainline") model that drives
 * conversation turns through the Responses API (openai-images.md §7): one of the catalogue's chat models.
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
}
