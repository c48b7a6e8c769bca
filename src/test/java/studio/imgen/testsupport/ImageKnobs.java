package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Set;

/** The Images API parameters shared by generations and edits, as received (null = not sent), and their checks. */
record ImageKnobs(
        String model,
        String prompt,
        Integer n,
        String size,
        String quality,
        String background,
        String outputFormat,
        Integer outputCompression,
        Integer partialImages,
        boolean stream,
        String moderation,
        String inputFidelity,
        String responseFormat) {

    static final int MAX_PROMPT = 32_000;
    private static final Set<String> QUALITIES = Set.of("low", "medium", "high", "auto", "xhigh", "max");
    private static final Set<String> BACKGROUNDS = Set.of("transparent", "opaque", "auto");
    private static final Set<String> FORMATS = Set.of("png", "jpeg", "webp");
    private static final Set<String> MODERATIONS = Set.of("low", "auto");
    private static final Set<String> FIDELITIES = Set.of("high", "low");

    static ImageKnobs fromJson(JsonNode json) {
        return new ImageKnobs(text(json, "model"), text(json, "prompt"), integer(json, "n"), text(json, "size"),
                text(json, "quality"), text(json, "background"), text(json, "output_format"),
                integer(json, "output_compression"), integer(json, "partial_images"), bool(json, "stream"),
                text(json, "moderation"), text(json, "input_fidelity"), text(json, "response_format"));
    }

    static ImageKnobs fromParts(RecordedRequest request) {
        return new ImageKnobs(request.partText("model"), request.partText("prompt"), integer(request, "n"),
                request.partText("size"), request.partText("quality"), request.partText("background"),
                request.partText("output_format"), integer(request, "output_compression"),
                integer(request, "partial_images"), bool(request, "stream"), null,
                request.partText("input_fidelity"), request.partText("response_format"));
    }

    ImageKnobs withDefaultModel(String defaultModel) {
        return model != null ? this : new ImageKnobs(defaultModel, prompt, n, size, quality, background,
                outputFormat, outputCompression, partialImages, stream, moderation, inputFidelity, responseFormat);
    }

    /** The checks of openai-images.md §3/§13, with OpenAI's error codes. */
    void validate() {
        if (prompt == null || prompt.isEmpty()) {
            throw ApiError.missing("prompt");
        }
        if (prompt.length() > MAX_PROMPT) {
            throw ApiError.tooLong("prompt", MAX_PROMPT, prompt.length());
        }
        range("n", n, 1, 10);
        range("output_compression", outputCompression, 0, 100);
        range("partial_images", partialImages, 0, 3);
        if (size != null && !size.equals("auto") && FakeImages.parseSize(size) == null) {
            throw ApiError.invalidEnum("size", size, "'1024x1024', '1024x1536', '1536x1024', and 'auto'");
        }
        oneOf("quality", quality, QUALITIES);
        oneOf("background", background, BACKGROUNDS);
        oneOf("output_format", outputFormat, FORMATS);
        oneOf("moderation", moderation, MODERATIONS);
        oneOf("input_fidelity", inputFidelity, FIDELITIES);
        if ("transparent".equals(background) && "jpeg".equals(outputFormat)) {
            throw ApiError.invalidValue("background", "Transparent background is not supported with output_format "
                    + "'jpeg'. Use 'png' or 'webp'.");
        }
        if ("transparent".equals(background) && (model.equals("gpt-image-2") || model.startsWith("gpt-image-2-"))) {
            throw ApiError.invalidValue("background", "Transparent background is not supported for " + model + ".");
        }
        if (inputFidelity != null && model.startsWith("gpt-image-1-mini")) {
            throw ApiError.invalidValue("input_fidelity", "input_fidelity is not supported for " + model + ".");
        }
        if (responseFormat != null && !model.startsWith("dall-e")) {
            throw ApiError.invalidValue("response_format", "response_format is only supported for dall-e models.");
        }
    }

    String resolvedQuality() {
        return FakeUsage.resolveQuality(quality);
    }

    String resolvedFormat() {
        return outputFormat == null ? "png" : outputFormat;
    }

    String resolvedBackground() {
        return background == null || background.equals("auto") ? "opaque" : background;
    }

    int count() {
        return n == null ? 1 : n;
    }

    int partials() {
        return partialImages == null ? 0 : partialImages;
    }

    private static void range(String param, Integer value, int min, int max) {
        if (value == null) {
            return;
        }
        if (value < min) {
            throw ApiError.belowMin(param, min, value);
        }
        if (value > max) {
            throw ApiError.aboveMax(param, max, value);
        }
    }

    private static void oneOf(String param, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw ApiError.invalidEnum(param, value, String.join(", ", allowed.stream().sorted().toList()));
        }
    }

    private static String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiError.invalidType(field, "a string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            throw ApiError.invalidType(field, "an integer");
        }
        return value.asInt();
    }

    private static boolean bool(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!value.isBoolean()) {
            throw ApiError.invalidType(field, "a boolean");
        }
        return value.asBoolean();
    }

    private static Integer integer(RecordedRequest request, String name) {
        String value = request.partText(name);
        if (value == null) {
            return null;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notAnInteger) {
            throw ApiError.invalidType(name, "an integer");
        }
    }

    private static boolean bool(RecordedRequest request, String name) {
        String value = request.partText(name);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            throw ApiError.invalidType(name, "a boolean");
        }
        return value.equals("true");
    }
}
