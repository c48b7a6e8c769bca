package studio.imgen.api;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/** Writes an {@link ApiFailure} as OpenAI's error JSON, from filters and controllers alike (never an error page). */
@Component
class ApiErrorWriter {

    private final ObjectMapper json;

    ApiErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    void write(HttpServletResponse response, ApiFailure failure) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        response.setStatus(failure.status());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        if (failure.retryAfter() != null) {
            response.setHeader("Retry-After", Long.toString(Math.max(1, ceilSeconds(failure))));
        }
        if (!failure.retryable()) {
            response.setHeader("x-should-retry", "false");
        }
        if (failure.status() == 401) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"imgen-api\"");
        }
        json.writeValue(response.getOutputStream(), body(failure));
    }

    /** The {@code error} object alone, as a streamed {@code error} event carries it. */
    static Map<String, Object> body(ApiFailure failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", failure.getMessage());
        error.put("type", failure.type());
        error.put("param", failure.param());
        error.put("code", failure.code());
        return Map.of("error", error);
    }

    private static long ceilSeconds(ApiFailure failure) {
        long millis = failure.retryAfter().toMillis();
        return (millis + 999) / 1000;
    }
}
