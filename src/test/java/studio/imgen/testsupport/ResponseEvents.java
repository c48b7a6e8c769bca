package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The Responses API event stream of one turn, in the order of openai-images.md §7.4. */
final class ResponseEvents {

    private ResponseEvents() {}

    static Reply stream(JsonNode request, ObjectNode full, String id, long created, String previousId,
            String callId, ImageTool.Turn turn, String messageId, Payloads payloads) {
        var events = new Events();
        ObjectNode inProgress = ResponseJson.response(request, id, created, "in_progress", Json.array(), previousId);
        events.add("response.created").set("response", inProgress);
        events.add("response.in_progress").set("response", inProgress.deepCopy());
        int messageIndex = 0;
        int finalIndex;
        if (callId != null) {
            ObjectNode added = events.add("response.output_item.added");
            added.put("output_index", 0);
            added.set("item", ResponseJson.imageCall(callId, "in_progress", null, turn, null));
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
        messageAdded.set("item", ResponseJson.message(messageId, "in_progress", null));
        events.add("response.content_part.added").put("item_id", messageId).put("output_index", messageIndex)
                .put("content_index", 0).set("part", ResponseJson.outputText(""));
        events.add("response.output_text.delta").put("item_id", messageId).put("output_index", messageIndex)
                .put("content_index", 0).put("delta", ResponseJson.ANSWER).putArray("logprobs");
        events.add("response.output_text.done").put("item_id", messageId).put("output_index", messageIndex)
                .put("content_index", 0).put("text", ResponseJson.ANSWER).putArray("logprobs");
        events.add("response.content_part.done").put("item_id", messageId).put("output_index", messageIndex)
                .put("content_index", 0).set("part", ResponseJson.outputText(ResponseJson.ANSWER));
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
}
