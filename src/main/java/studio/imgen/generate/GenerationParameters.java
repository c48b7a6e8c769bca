package studio.imgen.generate;

import studio.imgen.admin.WorkspaceSettings;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.Background;
import studio.imgen.catalog.ImageModel;
import studio.imgen.catalog.InputFidelity;
import studio.imgen.catalog.Moderation;
import studio.imgen.catalog.OutputFormat;

/**
 * The non-policy knobs of a request, validated strictly (imgen-behaviour §5.1): nothing is silently coerced, every
 * refusal says what to change. Omitted format and background take the workspace defaults.
 */
record GenerationParameters(String prompt, int n, Background background, OutputFormat outputFormat,
                            Integer outputCompression, Moderation moderation, InputFidelity inputFidelity) {

    static GenerationParameters validate(GenerationRequest request, ImageModel model, WorkspaceSettings settings) {
        String prompt = request.prompt() == null ? "" : request.prompt().strip();
        if (prompt.isEmpty()) {
            throw new UserInputException("Prompt is required.");
        }
        if (prompt.length() > GenerationRequest.MAX_PROMPT) {
            throw new UserInputException("The prompt is " + prompt.length() + " characters long; the limit is 32,000.");
        }
        ImageOptions asked = request.options();
        int n = asked.n() == null ? 1 : asked.n();
        if (n < 1 || n > model.maxImages()) {
            throw new UserInputException("Number of images must be between 1 and " + model.maxImages() + ".");
        }
        OutputFormat format = orDefault(asked.outputFormat(), OutputFormat.parse(settings.defaultFormat()),
                "output format");
        Background background = orDefault(asked.background(), Background.parse(settings.defaultBackground()),
                "background");
        if (background == Background.TRANSPARENT) {
            if (!model.supportsTransparent()) {
                // A default the model cannot honour must not block a member who did not choose it.
                if (asked.background() == null) {
                    background = Background.AUTO;
                } else {
                    throw new UserInputException(model.label() + " cannot make transparent backgrounds. "
                            + "Choose another model or an opaque background.");
                }
            } else if (!format.allowsTransparency()) {
                throw new UserInputException("background=transparent is allowed only with png or webp output_format");
            }
        }
        Integer compression = asked.outputCompression();
        if (compression != null) {
            if (compression < 0 || compression > 100) {
                throw new UserInputException("Compression must be between 0 and 100.");
            }
            if (!format.compressible()) {
                compression = null;
            }
        }
        Moderation moderation = asked.moderation() == null ? Moderation.AUTO : asked.moderation();
        if (asked.inputFidelity() != null && !model.supportsInputFidelity()) {
            throw new UserInputException(model.label() + " does not support input fidelity.");
        }
        return new GenerationParameters(prompt, n, background, format, compression, moderation, asked.inputFidelity());
    }

    private static <T> T orDefault(T chosen, T workspaceDefault, String what) {
        T value = chosen == null ? workspaceDefault : chosen;
        if (value == null) {
            throw new UserInputException("Invalid " + what + " selection.");
        }
        return value;
    }
}
