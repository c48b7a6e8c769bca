package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The user's text and the sizes of the images in this request's input. */
record ResponsesInput(String text, List<FakeImages.Size> images) {

    static ResponsesInput parse(JsonNode input, Map<String, FakeImages.Size> imageCalls) {
        if (input == null || input.isNull()) {
            throw ApiError.missing("input");
        }
        if (input.isTextual()) {
            return new ResponsesInput(input.asText(), List.of());
        }
        if (!input.isArray()) {
            throw ApiError.invalidType("input", "a string or an array");
        }
        StringBuilder text = new StringBuilder();
        List<FakeImages.Size> images = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            JsonNode item = input.get(i);
            String type = item.path("type").asText(item.has("role") ? "message" : "");
            switch (type) {
                case "message" -> message(item, "input[" + i + "]", text, images);
                case "image_generation_call", "item_reference" -> {
                    FakeImages.Size size = imageCalls.get(item.path("id").asText());
                    if (size == null) {
                        throw new ApiError(404, "invalid_request_error", null, "input",
                                "Item with id '" + item.path("id").asText() + "' not found.");
                    }
                    images.add(size);
                }
                default -> { }
            }
        }
        if (text.isEmpty() && images.isEmpty()) {
            throw ApiError.missing("input");
        }
        return new ResponsesInput(text.toString(), images);
    }

    private static void message(JsonNode item, String param, StringBuilder text, List<FakeImages.Size> images) {
        JsonNode content = item.get("content");
        if (content != null && content.isTextual()) {
            text.append(content.asText());
            return;
        }
        if (content == null || !content.isArray()) {
            throw ApiError.missing(param + ".content");
        }
        for (int j = 0; j < content.size(); j++) {
            JsonNode part = content.get(j);
            String partParam = param + ".content[" + j + "]";
            switch (part.path("type").asText()) {
                case "input_text" -> text.append(text.isEmpty() ? "" : " ").append(part.path("text").asText());
                case "input_image" -> images.add(inputImage(part, partParam));
                default -> { }
            }
        }
    }

    private static FakeImages.Size inputImage(JsonNode part, String param) {
        String url = part.path("image_url").asText(null);
        if (url == null) {
            if (part.hasNonNull("file_id")) {
                return FakeImages.SQUARE;
            }
            throw ApiError.missing(param + ".image_url");
        }
        if (!url.startsWith("data:")) {
            return FakeImages.SQUARE;
        }
        BufferedImage image = decodeDataUrl(url);
        if (image == null) {
            throw new ApiError(400, "invalid_request_error", "invalid_image_url", param + ".image_url",
                    "Invalid image URL: the data URL does not contain a supported image.");
        }
        return new FakeImages.Size(image.getWidth(), image.getHeight());
    }

    /** Decodes a {@code data:image/...;base64,} URL; null if it holds no decodable image. */
    static BufferedImage decodeDataUrl(String url) {
        int comma = url.indexOf(',');
        if (comma < 0 || !url.substring(0, comma).endsWith(";base64")) {
            return null;
        }
        try {
            return FakeImages.decode(Base64.getDecoder().decode(url.substring(comma + 1)));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }
}
