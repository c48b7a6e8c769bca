package studio.imgen.openai;

import java.util.Locale;

/**
 * What a member should change when OpenAI refuses a request as invalid (imgen-behaviour.md §4.6, defect D4). Decided
 * from OpenAI's {@code param} and {@code code} only: OpenAI's own message goes to the audit entry for admins, never to
 * the member, because it names API fields and values the member never saw.
 */
final class RequestProblems {

    static final String SIZE = "This model can't make images of that size. Choose another size, or Auto.";
    static final String QUALITY = "This model doesn't offer that quality. Choose another quality, or Auto.";
    static final String BACKGROUND = "This model can't make that background with this format. Choose Opaque, or PNG or"
            + " WEBP for a transparent background.";
    static final String FORMAT = "This model can't deliver that output format or compression. Choose PNG, or"
            + " another format.";
    static final String COUNT = "This model can't make that many images at once. Ask for fewer images.";
    static final String PROMPT_TOO_LONG = "The prompt is too long for this model. Shorten it and try again.";
    static final String PROMPT_MISSING = "The prompt is empty. Describe the image you want and try again.";
    static final String IMAGE_TOO_LARGE = "An image is too large for OpenAI. Use a smaller image (at most 50 MB).";
    static final String MASK = "The mask does not fit the image. It must be a PNG with transparency, the same size"
            + " as the first image: paint or upload the mask again.";
    static final String MODEL = "OpenAI does not offer that model to this workspace. Choose another model.";
    static final String UNKNOWN_PARAMETER = "This model doesn't accept one of the chosen options. Reset the options"
            + " to the workspace defaults or choose another model; a workspace admin can see the details in the audit"
            + " log.";
    static final String OTHER = "OpenAI could not accept these settings. Change the options or the prompt and try"
            + " again; a workspace admin can see the details in the audit log.";

    private RequestProblems() {
    }

    /** The sentence for a {@link FailureKind#BAD_REQUEST}. */
    static String badRequest(String code, String param) {
        if ("unknown_parameter".equals(code)) {
            return UNKNOWN_PARAMETER;
        }
        String field = field(param);
        return switch (field) {
            case "size" -> SIZE;
            case "quality" -> QUALITY;
            case "background" -> BACKGROUND;
            case "output_format", "output_compression" -> FORMAT;
            case "n" -> COUNT;
            case "model" -> MODEL;
            case "prompt" -> "missing_required_parameter".equals(code) ? PROMPT_MISSING : PROMPT_TOO_LONG;
            default -> code != null && code.endsWith("_above_max_length") ? PROMPT_TOO_LONG : OTHER;
        };
    }

    /** The sentence for a {@link FailureKind#INVALID_IMAGE}: the mask and oversized files have their own fix. */
    static String invalidImage(String code, String param, String defaultSentence) {
        if (field(param).equals("mask")) {
            return MASK;
        }
        if ("image_too_large".equals(code)) {
            return IMAGE_TOO_LARGE;
        }
        return defaultSentence;
    }

    /** "image[2]" → "image", "tools[0].size" → "size": the option, wherever the API nests it. */
    private static String field(String param) {
        if (param == null) {
            return "";
        }
        String last = param.substring(param.lastIndexOf('.') + 1);
        int bracket = last.indexOf('[');
        return (bracket < 0 ? last : last.substring(0, bracket)).toLowerCase(Locale.ROOT);
    }
}
