package studio.imgen.testsupport;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request the fake received, exactly as sent. Header names are lower case. {@code json} is null unless the body
 * was valid JSON; {@code parts} is empty unless it was {@code multipart/form-data}.
 */
public record RecordedRequest(
        String method,
        String path,
        Map<String, List<String>> headers,
        byte[] body,
        JsonNode json,
        List<MultipartPart> parts,
        Instant receivedAt) {

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The bearer token from {@code Authorization}, or null. */
    public String bearerToken() {
        String authorization = header("authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The JSON body as plain Java values (maps, lists, strings, numbers, booleans). */
    public Map<String, Object> jsonMap() {
        if (json == null) {
            throw new IllegalStateException("body is not JSON: " + method + " " + path);
        }
        return Json.MAPPER.convertValue(json, new TypeReference<>() {});
    }

    /** First part with that name. */
    public Optional<MultipartPart> part(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** All parts with that name, in body order. */
    public List<MultipartPart> parts(String name) {
        return parts.stream().filter(p -> p.name().equals(name)).toList();
    }

    /** The text of the first part with that name, or null. */
    public String partText(String name) {
        return part(name).map(MultipartPart::text).orElse(null);
    }

    /** Whether the client asked for SSE ({@code "stream": true} in JSON, a {@code stream=true} part in multipart). */
    public boolean streaming() {
        if (json != null) {
            return json.path("stream").asBoolean(false);
        }
        return "true".equals(partText("stream"));
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + ", " + body.length + " bytes]";
    }
}
