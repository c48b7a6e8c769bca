package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.util.Set;
import java.util.function.Predicate;

/** The request's {@code image_generation} tool and its checks. */
record ImageTool(JsonNode json, int index) {

    private static final Set<String> TOOL_FIELDS = Set.of("type", "model", "size", "quality", "background",
            "output_format", "output_compression", "moderation", "input_fidelity", "partial_images",
            "input_image_mask", "action");
    private static final Set<String> ACTIONS = Set.of("auto", "edit", "generate");

    /** The resolved tool call of one turn. */
    record Turn(String action, FakeImages.Size size, String quality, String background, String format,
            String inputFidelity, int partialImages) {

        boolean transparent() {
            return background.equals("transparent");
        }
    }

    static ImageTool find(JsonNode tools, Predicate<String> retired) {
        if (tools == null || !tools.isArray()) {
            return null;
        }
        for (int i = 0; i < tools.size(); i++) {
            if ("image_generation".equals(tools.get(i).path("type").asText())) {
                ImageTool tool = new ImageTool(tools.get(i), i);
                tool.validate(retired);
                return tool;
            }
        }
        return null;
    }

    private String param(String field) {
        return "tools[" + index + "]." + field;
    }

    private String text(String field) {
        return json.hasNonNull(field) ? json.get(field).asText() : null;
    }

    void validate(Predicate<String> retired) {
        json.fieldNames().forEachRemaining(field -> {
            if (!TOOL_FIELDS.contains(field)) {
                throw ApiError.unknownParameter(param(field));
            }
        });
        String model = text("model");
        if (model != null && retired.test(model)) {
            throw ApiError.modelNotFound(model);
        }
        String action = text("action");
        if (action != null && !ACTIONS.contains(action)) {
            throw ApiError.invalidEnum(param("action"), action, "auto, edit, generate");
        }
        // Same rules as the Images API; the tool has no prompt of its own, hence the placeholder.
        ImageKnobs knobs = new ImageKnobs(model == null ? "gpt-image-1.5" : model, "-", null, text("size"),
                text("quality"), text("background"), text("output_format"),
                json.hasNonNull("output_compression") ? json.get("output_compression").asInt() : null,
                json.hasNonNull("partial_images") ? json.get("partial_images").asInt() : null, false,
                text("moderation"), text("input_fidelity"), null);
        try {
            knobs.validate();
        } catch (ApiError invalid) {
            throw new ApiError(invalid.status, prefixed(invalid.body));
        }
        JsonNode mask = json.get("input_image_mask");
        if (mask != null && mask.hasNonNull("image_url")) {
            BufferedImage decoded = ResponsesInput.decodeDataUrl(mask.get("image_url").asText());
            if (decoded == null || !decoded.getColorModel().hasAlpha()) {
                throw new ApiError(400, "invalid_request_error", "invalid_image_url",
                        param("input_image_mask"), "Invalid mask: expected a PNG data URL with alpha.");
            }
        }
    }

    private ObjectNode prefixed(ObjectNode body) {
        ObjectNode copy = body.deepCopy();
        ObjectNode error = (ObjectNode) copy.get("error");
        if (error.hasNonNull("param")) {
            error.put("param", param(error.get("param").asText()));
        }
        return copy;
    }

    Turn turn(FakeImages.Size context) {
        String requested = text("action") == null ? "auto" : text("action");
        if (requested.equals("edit") && context == null) {
            throw ApiError.invalidValue(param("action"),
                    "The image_generation action 'edit' requires an image in the conversation.");
        }
        String action = requested.equals("auto") ? (context == null ? "generate" : "edit") : requested;
        String sizeText = text("size");
        FakeImages.Size size = sizeText == null || sizeText.equals("auto")
                ? (context == null ? FakeImages.SQUARE : FakeImages.standardSizeLike(context.width(),
                        context.height()))
                : FakeImages.parseSize(sizeText);
        String background = text("background") == null || text("background").equals("auto")
                ? "opaque" : text("background");
        String format = text("output_format") == null ? "png" : text("output_format");
        int partials = json.path("partial_images").asInt(0);
        return new Turn(action, size, FakeUsage.resolveQuality(text("quality")), background, format,
                text("input_fidelity"), partials);
    }
}
