package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;

/** JSON shapes of the Responses API: the response object, its output items and the split usage. */
final class ResponseJson {

    static final String ANSWER = "Here is the image.";

    private ResponseJson() {}

    /** Image tokens at the image model's rates; an edit bills the image it works on as input. */
    static ObjectNode toolUsage(ImageTool.Turn turn, ResponsesInput input, FakeImages.Size previousImage) {
        ObjectNode toolUsage = Json.object();
        ObjectNode imageGen = toolUsage.putObject("image_gen");
        long textIn = turn == null ? 0 : FakeUsage.textTokens(input.text());
        long imageIn = 0;
        if (turn != null && turn.action().equals("edit")) {
            List<FakeImages.Size> inputs = new ArrayList<>(input.images());
            if (inputs.isEmpty() && previousImage != null) {
                inputs.add(previousImage);
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

    static ObjectNode response(JsonNode request, String id, long created, String status, ArrayNode output,
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

    static ObjectNode imageCall(String id, String status, String result, ImageTool.Turn turn, String prompt) {
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

    static ObjectNode message(String id, String status, String text) {
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

    static ObjectNode outputText(String text) {
        ObjectNode part = Json.object();
        part.put("type", "output_text");
        part.put("text", text);
        part.putArray("annotations");
        part.putArray("logprobs");
        return part;
    }
}
