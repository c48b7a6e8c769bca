package studio.imgen.generate;

import java.util.Locale;
import java.util.Set;
import studio.imgen.admin.WorkspaceSettings;
import studio.imgen.base.UserInputException;
import studio.imgen.catalog.ImageModel;

/**
 * The non-policy knobs of a request, validated strictly (imgen-behaviour §5.1): nothing is silently coerced, every
 * refusal says what to change. Omitted format and background take the workspace defaults.
 */
record GenerationParameters(String prompt, int n, String background, String outputFormat, Integer outputCompression,
                            String moderation, String inputFidelity) {

    private static final Set<String> FORMATS = Set.of("png", "jpeg", "webp");
    private static final Set<String> BACKGROUNDS = Set.of("auto", "opaque", "transparent");
    private static final Set<String> MODERATION = Set.of("auto", "low");
    private static final Set<String> FIDELITY = Set.of("low", "high");

    static GenerationParameters validate(GenerationRequest request, ImageModel model, WorkspaceSettings settings) {
        String prompt = request.prompt() == null ? "" : request.prompt().strip();
        if (prompt.isEmpty()) {
            throw new UserInputException("Prompt is required.");
        }
        if (prompt.length() > GenerationRequest.MAX_PROMPT) {
            throw new UserInputException("The prompt is " + prompt.length() + " characters long; the limit is 32,000.");
        }
        int n = request.n() == null ? 1 : request.n();
        if (n < 1 || n > model.maxImages()) {
            throw new UserInputException("Number of images must be between 1 and " + model.maxImages() + ".");
        }
        String format = pick(request.outputFormat(), settings.defaultFormat(), FORMATS, "output format");
        String background = pick(request.background(), settings.defaultBackground(), BACKGROUNDS, "background");
        if ("transparent".equals(background)) {
            if (!model.supportsTransparent()) {
                // A default the model cannot honour must not block a member who did not choose it.
                if (request.background() == null) {
                    background = "auto";
                } else {
                    throw new UserInputException(model.label() + " cannot make transparent backgrounds. "
                            + "Choose another model or an opaque background.");
                }
            } else if ("jpeg".equals(format)) {
                throw new UserInputException("background=transparent is allowed only with png or webp output_format");
            }
        }
        Integer compression = request.outputCompression();
        if (compression != null) {
            if (compression < 0 || compression > 100) {
                throw new UserInputException("Compression must be between 0 and 100.");
            }
            if ("png".equals(format)) {
                compression = null;
            }
        }
        String moderation = pick(request.moderation(), "auto", MODERATION, "moderation");
        String fidelity = null;
        if (request.inputFidelity() != null && !request.inputFidelity().isBlank()) {
            fidelity = pick(request.inputFidelity(), null, FIDELITY, "input fidelity");
            if (!model.supportsInputFidelity()) {
                throw new UserInputException(model.label() + " does not support input fidelity.");
            }
        }
        return new GenerationParameters(prompt, n, background, format, compression, moderation, fidelity);
    }

    private static String pick(String requested, String fallback, Set<String> allowed, String what) {
        String value = requested == null || requested.isBlank() ? fallback : requested.strip().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            throw new UserInputException("Invalid " + what + " selection.");
        }
        return value;
    }
}
