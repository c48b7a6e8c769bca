package studio.imgen.generate;

import studio.imgen.catalog.Background;
import studio.imgen.catalog.InputFidelity;
import studio.imgen.catalog.Moderation;
import studio.imgen.catalog.OutputFormat;

/**
 * The options of one image request, from the form (or the API, or a thread's input bar) to the stored job and back.
 * In a request a null means "not chosen": model, size, quality, format and background take the workspace defaults,
 * one image, standard moderation, no input fidelity. Model, size and quality stay strings because OpenAI documents
 * them as open-ended (new models, custom sizes); the closed vocabularies are enums that know their wire value.
 * {@link #DEFAULTS} and the {@code with…} methods let a caller name only what it sets.
 *
 * @param n how many images (1 when null)
 * @param outputCompression 0–100, for JPEG and WebP only
 */
public record ImageOptions(String model, String size, String quality, Integer n, Background background,
                           OutputFormat outputFormat, Integer outputCompression, Moderation moderation,
                           InputFidelity inputFidelity) {

    /** Nothing chosen. */
    public static final ImageOptions DEFAULTS = new ImageOptions(null, null, null, null, null, null, null, null, null);

    public ImageOptions withModel(String model) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    public ImageOptions withSize(String size) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    public ImageOptions withQuality(String quality) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    public ImageOptions withN(Integer n) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    public ImageOptions withBackground(Background background) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    public ImageOptions withOutputFormat(OutputFormat outputFormat) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    public ImageOptions withOutputCompression(Integer outputCompression) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    public ImageOptions withModeration(Moderation moderation) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    public ImageOptions withInputFidelity(InputFidelity inputFidelity) {
        return new ImageOptions(model, size, quality, n, background, outputFormat, outputCompression, moderation,
                inputFidelity);
    }

    /**
     * Options as OpenAI's images API spells them (an API request, a stored job); a value outside a vocabulary is
     * refused with the sentence the form would give ("Invalid background selection.").
     */
    public static ImageOptions fromWire(String model, String size, String quality, Integer n, String background,
                                        String outputFormat, Integer outputCompression, String moderation,
                                        String inputFidelity) {
        // Parsed in the order the service has always checked them, so the first bad value is the one named.
        OutputFormat format = OutputFormat.parse(outputFormat);
        Background parsedBackground = Background.parse(background);
        Moderation parsedModeration = Moderation.parse(moderation);
        InputFidelity fidelity = InputFidelity.parse(inputFidelity);
        return new ImageOptions(model, size, quality, n, parsedBackground, format, outputCompression,
                parsedModeration, fidelity);
    }
}
