package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
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
        ResponsesInput input = ResponsesInput.parse(json.get("input"), imageCalls);
        ImageTool tool = ImageTool.find(json.get("tools"), retired);
        boolean toolAllowed = tool != null && !"none".equals(json.path("tool_choice").asText(""));
        FakeImages.Size context = !input.images().isEmpty()
                ? input.images().get(input.images().size() - 1)
                : previous == null ? null : previous.latestImage();
        ImageTool.Turn turn = toolAllowed ? tool.turn(context) : null;

        String id = "resp_" + hex();
        String callId = "ig_" + hex();
        String messageId = "msg_" + hex();
        long created = Instant.now().getEpochSecond();
        boolean image = turn != null && !payloads.omitImages();
        String result = image ? payloads.image(turn.size(), turn.format(), turn.transparent()) : null;

        ArrayNode output = Json.array();
        if (image) {
            output.add(ResponseJson.imageCall(callId, "completed", result, turn, input.text()));
        }
        output.add(ResponseJson.message(messageId, "completed", ResponseJson.ANSWER));
        long mainlineIn = FakeUsage.textTokens(input.text()) + 40 + 85L * input.images().size();
        ObjectNode full = ResponseJson.response(json, id, created, "completed", output, previousId);
        full.set("usage", FakeUsage.mainline(mainlineIn, 30));
        full.set("tool_usage", ResponseJson.toolUsage(turn, input, previous == null ? null : previous.latestImage()));

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
        return ResponseEvents.stream(json, full, id, created, previousId, image ? callId : null, turn, messageId, payloads);
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
}
