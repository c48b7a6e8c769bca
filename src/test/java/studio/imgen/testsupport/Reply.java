package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** What an endpoint answers; {@link FakeOpenAi} writes it and applies transport faults on the way. */
sealed interface Reply {

    /** A plain JSON reply. */
    record JsonReply(int status, ObjectNode body) implements Reply {}

    /** A reply with exactly this body and extra headers (queued status faults). */
    record RawReply(int status, String body, Map<String, String> headers) implements Reply {}

    /**
     * A server-sent event stream. {@code finalIndex} is the first event a mid-stream fault replaces (the final
     * image); {@code responsesApi} selects the shape of injected error events.
     */
    record SseReply(List<SseEvent> events, int finalIndex, boolean responsesApi) implements Reply {}

    /** {@code event: <name>} plus one line of JSON whose {@code type} repeats the name. */
    record SseEvent(String name, ObjectNode data) {}
}
