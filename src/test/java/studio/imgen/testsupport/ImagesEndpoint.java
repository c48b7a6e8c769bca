package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** {@code POST /v1/images/generations} (JSON) and {@code POST /v1/images/edits} (multipart), plain or SSE. */
final class ImagesEndpoint {

    private static final Set<String> GENERATE_FIELDS = Set.of("prompt", "model", "n", "size", "quality",
            "background", "output_format", "output_compression", "moderation", "stream", "partial_images",
            "safety_identifier", "user", "response_format", "style", "complexity", "frame_count",
            "frame_duration_ms", "svg");
    // No "moderation": the multipart edit form does not accept it (openai-images.md §4.1).
    private static final Set<String> EDIT_FIELDS = Set.of("image", "image[]", "mask", "prompt", "model", "n",
            "size", "quality", "background", "output_format", "output_compression", "stream", "partial_images",
            "input_fidelity", "safety_identifier", "user", "response_format");
    private static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/webp");
    private static final int MAX_IMAGES = 16;
    // "Less than 50 MB" and "less than 4 MB" read as decimal megabytes, the stricter reading (the app's uploads follow it).
    private static final int MAX_IMAGE_BYTES = 50_000_000;
    private static final int MAX_MASK_BYTES = 4_000_000;

    private final Predicate<String> retired;

    ImagesEndpoint(Predicate<String> retired) {
        this.retired = retired;
    }

    Reply generate(RecordedRequest request, Payloads payloads) {
        JsonNode json = request.json();
        if (json == null || !json.isObject()) {
            throw new ApiError(400, "invalid_request_error", null, null,
                    "We could not parse the JSON body of your request.");
        }
        json.fieldNames().forEachRemaining(field -> {
            if (!GENERATE_FIELDS.contains(field)) {
                throw ApiError.unknownParameter(field);
            }
        });
        // The spec default is still dall-e-2, which is retired: forgetting "model" fails like it would upstream.
        ImageKnobs knobs = ImageKnobs.fromJson(json).withDefaultModel("dall-e-2");
        requireAvailable(knobs.model());
        knobs.validate();
        FakeImages.Size size = knobs.size() == null || knobs.size().equals("auto")
                ? FakeImages.SQUARE
                : FakeImages.parseSize(knobs.size());
        return reply(knobs, size, "image_generation", FakeUsage.textTokens(knobs.prompt()), 0, payloads);
    }

    Reply edit(RecordedRequest request, Payloads payloads) {
        if (request.parts().isEmpty()) {
            throw new ApiError(400, "invalid_request_error", null, null,
                    "This fake implements the multipart/form-data edit form only.");
        }
        for (MultipartPart part : request.parts()) {
            if (!EDIT_FIELDS.contains(part.name())) {
                throw ApiError.unknownParameter(part.name());
            }
        }
        ImageKnobs knobs = ImageKnobs.fromParts(request).withDefaultModel("gpt-image-1.5");
        requireAvailable(knobs.model());
        List<BufferedImage> images = images(request);
        mask(request, images.get(0));
        knobs.validate();
        BufferedImage first = images.get(0);
        FakeImages.Size size = knobs.size() == null
                ? FakeImages.SQUARE
                : knobs.size().equals("auto")
                        ? FakeImages.standardSizeLike(first.getWidth(), first.getHeight())
                        : FakeImages.parseSize(knobs.size());
        boolean highFidelity = "high".equals(knobs.inputFidelity());
        long imageTokens = images.stream()
                .mapToLong(i -> FakeUsage.imageInputTokens(i.getWidth(), i.getHeight(), highFidelity))
                .sum();
        return reply(knobs, size, "image_edit", FakeUsage.textTokens(knobs.prompt()), imageTokens, payloads);
    }

    private void requireAvailable(String model) {
        if (retired.test(model)) {
            throw ApiError.modelNotFound(model);
        }
    }

    private static List<BufferedImage> images(RecordedRequest request) {
        List<MultipartPart> parts = request.parts().stream()
                .filter(p -> p.name().equals("image") || p.name().equals("image[]"))
                .toList();
        if (parts.isEmpty()) {
            throw ApiError.missing("image");
        }
        if (parts.size() > MAX_IMAGES) {
            throw ApiError.invalidValue("image", "Too many images: at most " + MAX_IMAGES + " are allowed.");
        }
        List<BufferedImage> decoded = new ArrayList<>();
        int arrayIndex = 0;
        for (MultipartPart part : parts) {
            String param = part.name().equals("image") ? "image" : "image[" + arrayIndex++ + "]";
            decoded.add(checkedImage(part, param, IMAGE_TYPES, MAX_IMAGE_BYTES));
        }
        return decoded;
    }

    private static void mask(RecordedRequest request, BufferedImage first) {
        var maskPart = request.part("mask");
        if (maskPart.isEmpty()) {
            return;
        }
        BufferedImage mask = checkedImage(maskPart.get(), "mask", Set.of("image/png"), MAX_MASK_BYTES);
        if (!mask.getColorModel().hasAlpha()) {
            throw ApiError.invalidValue("mask", "Invalid mask: the mask must have an alpha channel.");
        }
        if (mask.getWidth() != first.getWidth() || mask.getHeight() != first.getHeight()) {
            throw ApiError.invalidValue("mask", "Invalid mask: mask size " + mask.getWidth() + "x"
                    + mask.getHeight() + " does not match image size " + first.getWidth() + "x"
                    + first.getHeight() + ".");
        }
    }

    private static BufferedImage checkedImage(MultipartPart part, String param, Set<String> types, int maxBytes) {
        String type = part.contentType() == null ? "application/octet-stream" : part.contentType();
        if (!types.contains(type)) {
            throw ApiError.unsupportedMimetype(param, type);
        }
        if (part.size() >= maxBytes) {
            throw ApiError.invalidValue(param, "Invalid file '" + param + "': file too large.");
        }
        BufferedImage image = FakeImages.decode(part.bytes());
        if (image == null) {
            throw new ApiError(400, "invalid_request_error", "invalid_image_format", param,
                    "Invalid image file or mode for '" + param + "'. Supported formats: png, jpeg, webp.");
        }
        return image;
    }

    /**
     * Builds the answer. Streams: partial images, then one completed event per image; the first completed event
     * carries the input tokens and the partial-image tokens, each carries its own image's output tokens.
     */
    private static Reply reply(ImageKnobs knobs, FakeImages.Size size, String eventPrefix, long textIn, long imageIn,
            Payloads payloads) {
        String quality = knobs.resolvedQuality();
        String format = knobs.resolvedFormat();
        String background = knobs.resolvedBackground();
        boolean transparent = background.equals("transparent");
        long perImage = FakeUsage.imageOutputTokens(quality, size);
        long created = Instant.now().getEpochSecond();
        if (!knobs.stream()) {
            ObjectNode body = Json.object();
            body.put("created", created);
            echo(body, size, quality, background, format);
            if (!payloads.omitImages()) {
                ArrayNode data = body.putArray("data");
                for (int i = 0; i < knobs.count(); i++) {
                    data.addObject().put("b64_json", payloads.image(size, format, transparent));
                }
            }
            body.set("usage", FakeUsage.images(textIn, imageIn, perImage * knobs.count(), true));
            return new Reply.JsonReply(200, body);
        }
        List<Reply.SseEvent> events = new ArrayList<>();
        for (int i = 0; i < knobs.partials(); i++) {
            ObjectNode partial = event(eventPrefix + ".partial_image", created, size, quality, background, format);
            partial.put("b64_json", payloads.image(size, format, transparent));
            partial.put("partial_image_index", i);
            events.add(new Reply.SseEvent(eventPrefix + ".partial_image", partial));
        }
        int finalIndex = events.size();
        for (int i = 0; !payloads.omitImages() && i < knobs.count(); i++) {
            ObjectNode completed = event(eventPrefix + ".completed", created, size, quality, background, format);
            completed.put("b64_json", payloads.image(size, format, transparent));
            long partialTokens = i == 0 ? (long) knobs.partials() * FakeUsage.TOKENS_PER_PARTIAL_IMAGE : 0;
            completed.set("usage", FakeUsage.images(i == 0 ? textIn : 0, i == 0 ? imageIn : 0,
                    perImage + partialTokens, false));
            events.add(new Reply.SseEvent(eventPrefix + ".completed", completed));
        }
        return new Reply.SseReply(events, finalIndex, false);
    }

    private static ObjectNode event(String type, long created, FakeImages.Size size, String quality,
            String background, String format) {
        ObjectNode event = Json.object();
        event.put("type", type);
        event.put("created_at", created);
        echo(event, size, quality, background, format);
        return event;
    }

    private static void echo(ObjectNode node, FakeImages.Size size, String quality, String background,
            String format) {
        node.put("background", background);
        node.put("output_format", format);
        node.put("size", size.wire());
        node.put("quality", quality);
    }
}
