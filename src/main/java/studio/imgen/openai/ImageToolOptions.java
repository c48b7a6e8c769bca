package studio.imgen.openai;

import java.util.Locale;

/**
 * Options of the Responses API {@code image_generation} tool; null values are not sent.
 *
 * @param partialImages 0-3; above 0 the turn is streamed and previews reach the listener
 * @param mask optional PNG mask, sent as a data URL
 */
public record ImageToolOptions(
        String size,
        String quality,
        String outputFormat,
        String background,
        String inputFidelity,
        int partialImages,
        Action action,
        InputImage mask) {

    /** {@code edit} fails upstream when the conversation holds no image; {@code auto} lets the model decide. */
    public enum Action {
        AUTO, EDIT, GENERATE;

        String wireValue() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final ImageToolOptions DEFAULTS = new ImageToolOptions(null, null, null, null, null, 0, null, null);

    public ImageToolOptions {
        Requests.requirePartialImages(partialImages);
        if (mask != null && !"image/png".equals(mask.mimeType())) {
            throw new IllegalArgumentException("the mask must be a PNG");
        }
    }
}
