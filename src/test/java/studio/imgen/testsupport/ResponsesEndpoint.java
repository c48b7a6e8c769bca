package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * {@code POST /v1/responses} with the {@code image_generation} tool (openai-images.md §7): stored responses for
 * {@code previous_response_id}, the full SSE event order of §7.4, and the usage split into {@code usage} (mainline)
 * and {@code tool_usage.image_gen}.
 */
final class ResponsesEndpoint {

    private static final Set<String> FIELDS = Set.of("model", "input", "instructions", "tools", "tool_choice",
            "previous_response_id", "store", "stream", "safety_identifier", "user", "metadata", "temperature",
            "top_p", "max_output_tokens", "parallel_tool_calls", "reasoning", "text", "truncation", "include",
            "background", "prompt_cache_key", "service_tier", "stream_options", "conversation", "max_tool_calls",
            "top_logprobs");
    private static final Set<String> TOOL_FIELDS = Set.of("type", "model", "size", "quality", "background",
            "output_format", "output_compression", "moderation", "input_fidelity", "partial_images",
            "input_image_mask", "action");
    private static final Set<String> ACTIONS = Set.of("auto", "edit", "generate");
    private static final String ANSWER = "Here is the image.";

    /** What a later turn needs from a stored response: the size of the latest image in its conversation. */
    private record Stored(String id, FakeImages.Size latestImage) {}

    private final Predicate<String> retired;
    private final Map<String, Stored> stored = new ConcurrentHashMap<>();
    private final Map<String, FakeImages.Size> imageCalls = new ConcurrentHashMap<>();
    private final List<String> previousIds = new CopyOnWriteArrayList<>();
    private volatile int unknownPreviousStatus = 404;

    ResponsesEndpoint(Predicate<String> retired) {
        this.retired = retired;
    }

    List<String> previousResponseIds() {
        return Collections.unmodifiableList(new ArrayList<>(previousIds));
    }

    void unknownPreviousStatus(int status) {
        this.unknownPreviousStatus = status;
    }

    void forgetStored() {
        stored.clear();
        imageCalls.clear();
    }

    void reset() {
        forgetStored();
        previousIds.clear();
        unknownPreviousStatus = 404;
    }

    Reply create(RecordedRequest request, Payloads payloads) {
        JsonNode json = request.json();
        if (json == null || !json.isObject()) {
            throw new ApiError(400, "invalid_request_error", null, null,
                    "We could not parse the JSON body of your request.");
        }
        json.fieldNames().forEachRemaining(field -> {
            if (!FIELDS.contains(field)) {
                throw ApiError.unknownParameter(field);
            }
        });
        String previousId = json.hasNonNull("previous_response_id") ? json.get("previous_response_id").asText() : null;
        previousIds.add(previousId);
        String model = requiredText(json, "model");
        if (retired.test(model)) {
            throw ApiError.modelNotFound(model);
        }
        if (model.startsWith("gpt-image") || model.startsWith("dall-e")) {
            throw ApiError.invalidValue("model", "The model '" + model + "' is not supported with the Responses API.");
        }
        Stored previous = null;
        if (previousId != null) {
            previous = stored.get(previousId);
            if (previous == null) {
                throw ApiError.previousResponseNotFound(unknownPreviousStatus, previousId);
            }
        }
        Input input = Input.parse(json.get("input"), imageCalls);
        ImageTool tool = ImageTool.find(json.get("tools"), retired);
        boolean toolAllowed = tool != null && !"none".equals(json.path("tool_choice").asText(""));
        FakeImages.Size context = !input.images().isEmpty()
                ? input.images().get(input.images().size() - 1)
                : previous == null ? null : previous.latestImage();
        Turn turn = toolAllowed ? tool.turn(context) : null;

        String id = "resp_" + hex();
        String callId = "ig_" + hex();
        String messageId = "msg_" + hex();
        long created = Instant.now().getEpochSecond();
        boolean image = turn != null && !payloads.omitImages();
        String result = image ? payloads.image(turn.size(), turn.format(), turn.transparent()) : null;

        ArrayNode output = Json.array();
        if (image) {
            output.add(imageCall(callId, "completed", result, turn, input.text()));
        }
        output.add(message(messageId, "completed", ANSWER));
        long mainlineIn = FakeUsage.textTokens(input.text()) + 40 + 85L * input.images().size();
        ObjectNode full = response(json, id, created, "completed", output, previousId);
        full.set("usage", FakeUsage.mainline(mainlineIn, 30));
        full.set("tool_usage", toolUsage(turn, input, previous));

        if (json.path("store").asBoolean(true)) {
            FakeImages.Size latest = image ? turn.size() : context;
            stored.put(id, new Stored(id, latest));
            if (image) {
                imageCalls.put(callId, turn.size());
            }
        }
        if (!json.path("stream").asBoolean(false)) {
            return new Reply.JsonReply(200, full);
        }
        return stream(json, full, id, created, previousId, image ? callId : null, turn, messageId, payloads);
    }

    private static Reply stream(JsonNode request, ObjectNode full, String id, long created, String previousId,
            String callId, Turn turn, String messageId, Payloads payloads) {
        var events = new Events();
        ObjectNode inProgress = response(request, id, created, "in_progress", Json.array(), previousId);
        events.add("response.created").set("response", inProgress);
        events.add("response.in_progress").set("response", inProgress.deepCopy());
        int messageIndex = 0;
        int finalIndex;
        if (callId != null) {
            ObjectNode added = events.add("response.output_item.added");
            added.put("output_index", 0);
            added.set("item", imageCall(callId, "in_progress", null, turn, null));
            events.add("response.image_generation_call.in_progress").put("output_index", 0).put("item_id", callId);
            events.add("response.image_generation_call.generating").put("output_index", 0).put("item_id", callId);
            for (int i = 0; i < turn.partialImages(); i++) {
                ObjectNode partial = events.add("response.image_generation_call.partial_image");
                partial.put("output_index", 0).put("item_id", callId).put("partial_image_index", i);
                partial.put("partial_image_b64", payloads.image(turn.size(), turn.format(), turn.transparent()));
                partial.put("size", turn.size().wire()).put("quality", turn.quality())
                        .put("background", turn.background()).put("output_format", turn.format());
            }
            finalIndex = events.size();
            events.add("response.image_generation_call.completed").put("output_index", 0).put("item_id", callId);
            ObjectNode done = events.add("response.output_item.done");
            done.put("output_index", 0);
            done.set("item", full.get("output").get(0));
            messageIndex = 1;
        } else {
            finalIndex = events.size();
        }
        ObjectNode messageAdded = events.add("response.output_item.added");
        messageAdded.put("output_index", messageIndex);
        messageAdded.set("item", message(messageId, "in_progress", null));
        events.add("response.content_part.added").put("item_id", messageId).put("output_index", messageIndex)
                .put("content_index", 0).set("part", outputText(""));
        events.add("response.output_text.delta").put("item_id", messageId).put("output_index", messageIndex)
                .put("content_index", 0).put("delta", ANSWER).putArray("logprobs");
        events.add("response.output_text.done").put("item_id", messageId).put("output_index", messageIndex)
                .put("content_index", 0).put("text", ANSWER).putArray("logprobs");
        events.add("response.content_part.done").put("item_id", messageId).put("output_index", messageIndex)
                .put("content_index", 0).set("part", outputText(ANSWER));
        ObjectNode messageDone = events.add("response.output_item.done");
        messageDone.put("output_index", messageIndex);
        messageDone.set("item", full.get("output").get(messageIndex));
        events.add("response.completed").set("response", full);
        return new Reply.SseReply(events.list, finalIndex, true);
    }

    /** Numbers events from 0 in order; each event's JSON {@code type} equals its name. */
    private static final class Events {
        final List<Reply.SseEvent> list = new ArrayList<>();

        ObjectNode add(String type) {
            ObjectNode data = Json.object();
            data.put("type", type);
            data.put("sequence_number", list.size());
            list.add(new Reply.SseEvent(type, data));
            return data;
        }

        int size() {
            return list.size();
        }
    }

    private static ObjectNode toolUsage(Turn turn, Input input, Stored previous) {
        ObjectNode toolUsage = Json.object();
        ObjectNode imageGen = toolUsage.putObject("image_gen");
        long textIn = turn == null ? 0 : FakeUsage.textTokens(input.text());
        long imageIn = 0;
        if (turn != null && turn.action().equals("edit")) {
            List<FakeImages.Size> inputs = new ArrayList<>(input.images());
            if (inputs.isEmpty() && previous != null && previous.latestImage() != null) {
                inputs.add(previous.latestImage());
            }
            imageIn = inputs.stream().mapToLong(s ->
                    FakeUsage.imageInputTokens(s.width(), s.height(), "high".equals(turn.inputFidelity()))).sum();
        }
        long out = turn == null ? 0 : FakeUsage.imageOutputTokens(turn.quality(), turn.size())
                + (long) turn.partialImages() * FakeUsage.TOKENS_PER_PARTIAL_IMAGE;
        ObjectNode details = FakeUsage.images(textIn, imageIn, out, true);
        imageGen.setAll(details);
        toolUsage.putObject("web_search").put("num_requests", 0);
        return toolUsage;
    }

    private static ObjectNode response(JsonNode request, String id, long created, String status, ArrayNode output,
            String previousId) {
        ObjectNode r = Json.object();
        r.put("id", id);
        r.put("object", "response");
        r.put("created_at", created);
        r.put("status", status);
        r.put("background", false);
        r.putNull("error");
        r.putNull("incomplete_details");
        r.putNull("instructions");
        r.putNull("max_output_tokens");
        r.putNull("max_tool_calls");
        r.put("model", request.get("model").asText());
        r.set("output", output);
        r.put("parallel_tool_calls", true);
        r.put("previous_response_id", previousId);
        r.putObject("reasoning").putNull("effort").putNull("summary");
        r.put("safety_identifier", request.path("safety_identifier").asText(null));
        r.put("service_tier", "default");
        r.put("store", request.path("store").asBoolean(true));
        r.put("temperature", 1.0);
        r.putObject("text").putObject("format").put("type", "text");
        r.set("tool_choice", request.hasNonNull("tool_choice") ? request.get("tool_choice") : TextNode.valueOf("auto"));
        r.set("tools", request.hasNonNull("tools") ? request.get("tools") : Json.array());
        r.put("top_logprobs", 0);
        r.put("top_p", 1.0);
        r.put("truncation", "disabled");
        r.putNull("usage");
        r.putNull("user");
        r.putObject("metadata");
        return r;
    }

    private static ObjectNode imageCall(String id, String status, String result, Turn turn, String prompt) {
        ObjectNode item = Json.object();
        item.put("type", "image_generation_call");
        item.put("id", id);
        item.put("status", status);
        item.put("result", result);
        if (prompt != null) {
            item.put("revised_prompt", "A detailed rendering of: " + prompt);
        }
        item.put("action", turn.action());
        item.put("background", turn.background());
        item.put("output_format", turn.format());
        item.put("quality", turn.quality());
        item.put("size", turn.size().wire());
        return item;
    }

    private static ObjectNode message(String id, String status, String text) {
        ObjectNode item = Json.object();
        item.put("type", "message");
        item.put("id", id);
        item.put("status", status);
        item.put("role", "assistant");
        ArrayNode content = item.putArray("content");
        if (text != null) {
            content.add(outputText(text));
        }
        return item;
    }

    private static ObjectNode outputText(String text) {
        ObjectNode part = Json.object();
        part.put("type", "output_text");
        part.put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }

    private static String requiredText(JsonNode json, String field) {
        JsonNode value = json.get(field);
        if (value == null || value.isNull()) {
            throw ApiError.missing(field);
        }
        if (!value.isTextual() || value.asText().isEmpty()) {
            throw ApiError.invalidType(field, "a non-empty string");
        }
        return value.asText();
    }

    private static String hex() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The user's text and the sizes of the images in this request's input. */
    private record Input(String text, List<FakeImages.Size> images) {

        static Input parse(JsonNode input, Map<String, FakeImages.Size> imageCalls) {
            if (input == null || input.isNull()) {
                throw ApiError.missing("input");
            }
            if (input.isTextual()) {
                return new Input(input.asText(), List.of());
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
            return new Input(text.toString(), images);
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
    }

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

    /** The resolved tool call of one turn. */
    private record Turn(String action, FakeImages.Size size, String quality, String background, String format,
            String inputFidelity, int partialImages) {

        boolean transparent() {
            return background.equals("transparent");
        }
    }

    /** The request's {@code image_generation} tool and its checks. */
    private record ImageTool(JsonNode json, int index) {

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
                BufferedImage decoded = decodeDataUrl(mask.get("image_url").asText());
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
}
