package studio.imgen.testsupport;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Writes the fake's replies with OpenAI's headers: JSON in one piece, SSE event by event with a flush after each
 * ({@code sendResponseHeaders(200, 0)} makes the body chunked), and the transport faults on the way.
 */
final class ReplyWriter {

    /** Thrown to make the JDK server close the connection without (finishing) an answer. */
    static final class Dropped extends RuntimeException {
        Dropped() {
            super("connection dropped on purpose", null, false, false);
        }
    }

    private ReplyWriter() {}

    /** @param finalHold when not null, a stream waits on it before its final image */
    static void write(HttpExchange exchange, Reply reply, Fault fault, CountDownLatch released, Duration eventDelay,
            CountDownLatch finalHold) throws IOException {
        if (fault != null && fault.mode == Fault.Mode.HUGE_BODY) {
            huge(exchange);
            return;
        }
        boolean malformed = fault != null && fault.mode == Fault.Mode.MALFORMED_JSON;
        if (reply instanceof Reply.RawReply raw) {
            send(exchange, raw.status(), raw.body(), raw.headers());
        } else if (reply instanceof Reply.JsonReply json) {
            String body = Json.write(json.body());
            send(exchange, json.status(), malformed && json.status() == 200 ? body.substring(0, body.length() / 2)
                    : body, Map.of());
        } else if (reply instanceof Reply.SseReply sse) {
            stream(exchange, sse, fault, released, eventDelay, finalHold);
        }
    }

    private static void send(HttpExchange exchange, int status, String body, Map<String, String> extraHeaders)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Headers headers = exchange.getResponseHeaders();
        standardHeaders(headers, "application/json");
        extraHeaders.forEach(headers::set);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
        exchange.close();
    }

    private static void stream(HttpExchange exchange, Reply.SseReply sse, Fault fault, CountDownLatch released,
            Duration eventDelay, CountDownLatch finalHold) throws IOException {
        Headers headers = exchange.getResponseHeaders();
        standardHeaders(headers, "text/event-stream; charset=utf-8");
        headers.set("cache-control", "no-cache");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        List<Reply.SseEvent> events = sse.events();
        boolean streamFault = fault != null && fault.mode.streamOnly();
        int stop = streamFault ? sse.finalIndex() : events.size();
        for (int i = 0; i < stop; i++) {
            if (i > 0) {
                awaitQuietly(released, eventDelay);
            }
            if (i == sse.finalIndex() && finalHold != null) {
                awaitQuietly(finalHold, null);
            }
            boolean corrupt = fault != null && fault.mode == Fault.Mode.MALFORMED_JSON && i == events.size() - 1;
            writeEvent(out, events.get(i).name(), corrupt ? "{\"type\": \"broken" : Json.write(events.get(i).data()));
        }
        if (streamFault) {
            switch (fault.mode) {
                case MID_STREAM_ERROR -> writeEvent(out, "error", Json.write(errorEvent(sse, fault, stop)));
                case RESPONSE_FAILED -> writeEvent(out, "response.failed", Json.write(failedEvent(sse, fault, stop)));
                case STALL_MID_STREAM -> {
                    awaitQuietly(released, null);
                    throw new Dropped();
                }
                default -> throw new Dropped();
            }
        }
        out.close();
        exchange.close();
    }

    /** Streams the huge body in 64 KiB chunks; stops quietly when the client hangs up. */
    private static void huge(HttpExchange exchange) throws IOException {
        byte[] head = "{\"created\":1,\"data\":[{\"b64_json\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}]}".getBytes(StandardCharsets.UTF_8);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'A');
        standardHeaders(exchange.getResponseHeaders(), "application/json");
        exchange.sendResponseHeaders(200, Fault.HUGE_BODY_BYTES);
        OutputStream out = exchange.getResponseBody();
        try {
            out.write(head);
            long left = Fault.HUGE_BODY_BYTES - head.length - tail.length;
            while (left > 0) {
                int n = (int) Math.min(chunk.length, left);
                out.write(chunk, 0, n);
                left -= n;
            }
            out.write(tail);
            out.close();
        } catch (IOException clientGone) {
            // The client stopped reading: exactly what a capped reader does.
        } finally {
            exchange.close();
        }
    }

    private static void writeEvent(OutputStream out, String name, String data) throws IOException {
        out.write(("event: " + name + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static ObjectNode errorEvent(Reply.SseReply sse, Fault fault, int position) {
        String type = "moderation_blocked".equals(fault.errorCode) ? "image_generation_user_error" : "server_error";
        if (!sse.responsesApi()) {
            ObjectNode event = ApiError.body(fault.errorMessage, type, null, fault.errorCode);
            event.put("type", "error");
            return event;
        }
        ObjectNode event = Json.object();
        event.put("type", "error");
        event.put("code", fault.errorCode);
        event.put("message", fault.errorMessage);
        event.putNull("param");
        event.put("sequence_number", position);
        return event;
    }

    private static ObjectNode failedEvent(Reply.SseReply sse, Fault fault, int position) {
        ObjectNode response = ((ObjectNode) sse.events().get(0).data().get("response")).deepCopy();
        response.put("status", "failed");
        ObjectNode error = response.putObject("error");
        error.put("code", fault.errorCode);
        error.put("message", fault.errorMessage);
        ObjectNode event = Json.object();
        event.put("type", "response.failed");
        event.put("sequence_number", position);
        event.set("response", response);
        return event;
    }

    private static void standardHeaders(Headers headers, String contentType) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        byte[] id = new byte[16];
        random.nextBytes(id);
        headers.set("content-type", contentType);
        headers.set("x-request-id", "req_" + HexFormat.of().formatHex(id));
        headers.set("openai-processing-ms", Integer.toString(random.nextInt(80, 900)));
        headers.set("openai-version", "2020-10-01");
        headers.set("x-ratelimit-limit-requests", "50");
        headers.set("x-ratelimit-remaining-requests", "49");
        headers.set("x-ratelimit-reset-requests", "1.2s");
        headers.set("x-ratelimit-limit-tokens", "100000");
        headers.set("x-ratelimit-remaining-tokens", "99000");
        headers.set("x-ratelimit-reset-tokens", "6m0s");
    }

    /** Waits until released, or at most {@code limit} (null: no limit); simulated server time only. */
    static void awaitQuietly(CountDownLatch released, Duration limit) {
        try {
            if (limit == null) {
                released.await();
            } else if (!limit.isZero()) {
                released.await(limit.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
