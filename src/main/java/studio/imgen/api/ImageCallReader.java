package studio.imgen.api;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import studio.imgen.base.UserInputException;
import studio.imgen.generate.GenerationRequest;
import studio.imgen.generate.ImageOptions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads request bodies as OpenAI's schema defines them ({@code CreateImageRequest} as JSON,
 * {@code CreateImageEditRequest} as multipart), refusing what ImGen Studio does not do instead of ignoring it: an
 * unknown or unsupported parameter is a 400 that names it.
 */
@Component
class ImageCallReader {

    private static final Set<String> GENERATION_FIELDS = Set.of("prompt", "model", "n", "quality", "response_format",
            "output_format", "output_compression", "stream", "partial_images", "size", "moderation", "background",
            "style", "user");
    private static final Set<String> EDIT_FIELDS = Set.of("image", "image[]", "mask", "prompt", "model", "n", "quality",
            "response_format", "output_format", "output_compression", "stream", "partial_images", "size", "background",
            "input_fidelity", "user");
    private static final long MAX_FIELD_BYTES = 200_000;

    private final ObjectMapper json;

    ImageCallReader(ObjectMapper json) {
        this.json = json;
    }

    ImageCall generation(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/json")) {
            throw ApiFailure.unsupportedMediaType("Send the generation request as JSON (Content-Type: application/json).");
        }
        JsonNode body;
        try (InputStream in = request.getInputStream()) {
            body = json.readTree(in);
        } catch (JacksonException e) {
            if (e.getCause() instanceof RequestSizeLimit.BodyTooLarge) {
                throw RequestSizeLimit.tooLarge(false, request.getContentLengthLong());
            }
            throw ApiFailure.invalid(null, "The request body is not valid JSON. Send an object such as "
                    + "{\"prompt\": \"a red fox\"}.");
        }
        if (body == null || !body.isObject()) {
            throw ApiFailure.invalid(null, "The request body must be a JSON object such as {\"prompt\": \"a red fox\"}.");
        }
        for (String name : body.propertyNames()) {
            known(name, GENERATION_FIELDS);
        }
        Fields fields = name -> {
            JsonNode node = body.get(name);
            return node == null || node.isNull() ? null : node;
        };
        return read(false, fields, List.of(), null);
    }

    ImageCall edit(HttpServletRequest request) throws IOException {
        String type = request.getContentType() == null ? "" : request.getContentType().toLowerCase(Locale.ROOT);
        if (!type.startsWith("multipart/form-data")) {
            throw ApiFailure.unsupportedMediaType("Send the edit request as multipart/form-data, with the image in "
                    + "\"image\" (or several in \"image[]\") and the other parameters as form fields.");
        }
        Collection<Part> parts;
        try {
            parts = request.getParts();
        } catch (IllegalStateException | ServletException e) {
            throw RequestSizeLimit.tooLarge(true, request.getContentLengthLong());
        }
        List<GenerationRequest.Upload> images = new ArrayList<>();
        GenerationRequest.Upload mask = null;
        Map<String, String> values = new java.util.HashMap<>();
        for (Part part : parts) {
            String name = part.getName();
            known(name, EDIT_FIELDS);
            if (name.equals("image") || name.equals("image[]")) {
                images.add(upload(part, "image " + (images.size() + 1)));
            } else if (name.equals("mask")) {
                if (mask != null) {
                    throw ApiFailure.invalid("mask", "Send one mask only.");
                }
                mask = upload(part, "mask");
            } else {
                if (part.getSize() > MAX_FIELD_BYTES) {
                    throw ApiFailure.invalid(name, "The field " + name + " is too long.");
                }
                if (values.put(name, new String(part.getInputStream().readAllBytes(), StandardCharsets.UTF_8)) != null) {
                    throw ApiFailure.invalid(name, "Send " + name + " once.");
                }
            }
        }
        if (images.isEmpty()) {
            throw ApiFailure.invalid("image", "Attach the image to edit as \"image\" (or several as \"image[]\").");
        }
        Fields fields = name -> {
            String value = values.get(name);
            return value == null ? null : json.getNodeFactory().textNode(value);
        };
        return read(true, fields, images, mask);
    }

    /** A field's value, or null when absent (multipart fields are text and parsed by type where needed). */
    @FunctionalInterface
    private interface Fields extends Function<String, JsonNode> {
    }

    private ImageCall read(boolean edit, Fields fields, List<GenerationRequest.Upload> images,
                           GenerationRequest.Upload mask) {
        String prompt = text(fields, "prompt");
        if (prompt == null || prompt.isBlank()) {
            throw ApiFailure.invalid("prompt", "The prompt is missing. Describe the image you want in \"prompt\".");
        }
        String responseFormat = text(fields, "response_format");
        if (responseFormat != null && !responseFormat.equals("b64_json")) {
            throw ApiFailure.invalid("response_format", "unsupported_value", "ImGen Studio returns images as "
                    + "b64_json only (response_format \"" + responseFormat + "\" is not available). Leave "
                    + "response_format out or set it to \"b64_json\".");
        }
        if (fields.apply("style") != null) {
            throw ApiFailure.invalid("style", "unsupported_value",
                    "style applies only to dall-e-3, which ImGen Studio does not offer. Leave it out.");
        }
        boolean stream = Boolean.TRUE.equals(bool(fields, "stream"));
        Integer partialImages = integer(fields, "partial_images");
        if (partialImages != null && (partialImages < 0 || partialImages > 3)) {
            throw ApiFailure.invalid("partial_images", "partial_images must be between 0 and 3.");
        }
        ImageOptions options;
        try {
            options = ImageOptions.fromWire(text(fields, "model"), text(fields, "size"), text(fields, "quality"),
                    integer(fields, "n"), text(fields, "background"), text(fields, "output_format"),
                    integer(fields, "output_compression"), edit ? null : text(fields, "moderation"),
                    edit ? text(fields, "input_fidelity") : null);
        } catch (UserInputException outsideVocabulary) {
            // The generation service's sentence in the same error shape it gets when the service refuses it.
            throw ApiFailure.invalid(null, outsideVocabulary.getMessage());
        }
        return new ImageCall(edit, prompt, options, stream, partialImages == null ? 0 : partialImages, images, mask);
    }

    private static void known(String name, Set<String> allowed) {
        if (!allowed.contains(name)) {
            throw ApiFailure.invalid(name, "unknown_parameter", "Unrecognized request argument supplied: " + name
                    + ". ImGen Studio follows OpenAI's images API; remove this parameter.");
        }
    }

    private static String text(Fields fields, String name) {
        JsonNode node = fields.apply(name);
        if (node == null) {
            return null;
        }
        if (!node.isString()) {
            throw ApiFailure.invalid(name, name + " must be a string.");
        }
        return node.asString();
    }

    private static Integer integer(Fields fields, String name) {
        JsonNode node = fields.apply(name);
        if (node == null) {
            return null;
        }
        if (node.isIntegralNumber() && node.canConvertToInt()) {
            return node.intValue();
        }
        if (node.isString()) {
            try {
                return Integer.valueOf(node.asString().strip());
            } catch (NumberFormatException e) {
                // answered below
            }
        }
        throw ApiFailure.invalid(name, name + " must be a whole number.");
    }

    private static Boolean bool(Fields fields, String name) {
        JsonNode node = fields.apply(name);
        if (node == null) {
            return null;
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isString() && (node.asString().equals("true") || node.asString().equals("false"))) {
            return Boolean.valueOf(node.asString());
        }
        throw ApiFailure.invalid(name, name + " must be true or false.");
    }

    private static GenerationRequest.Upload upload(Part part, String fallbackName) throws IOException {
        String name = part.getSubmittedFileName() == null || part.getSubmittedFileName().isBlank()
                ? fallbackName : part.getSubmittedFileName();
        try (InputStream in = part.getInputStream()) {
            return new GenerationRequest.Upload(name, in.readAllBytes());
        }
    }
}
